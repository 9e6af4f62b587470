import asyncio


async def work():
    print("never runs")


async def main():
    work()  # forgot the await: the coroutine object is created and dropped
    print("main goes on")
    await asyncio.sleep(0.1)
    print("done")


asyncio.run(main())
