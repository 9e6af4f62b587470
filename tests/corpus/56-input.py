import asyncio


async def main():
    print("before input")
    name = input("What is your name? ")
    print("hello", name)


asyncio.run(main())
