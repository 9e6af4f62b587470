import asyncio


async def main():
    print("hello")
    await asyncio.sleep(0.1)
    print("world")


asyncio.run(main())
