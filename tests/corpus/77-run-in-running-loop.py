import asyncio


async def helper():
    return 42


async def main():
    print("calling asyncio.run inside a coroutine")
    value = asyncio.run(helper())
    print(value)


asyncio.run(main())
