import asyncio


async def main():
    print("never printed: nothing runs this coroutine")
    await asyncio.sleep(0.1)


main()  # forgot asyncio.run(...): this only makes a coroutine object
print("the program ends")
