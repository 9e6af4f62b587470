import asyncio


async def main():
    print("this never runs")
    await asyncio.sleep(0.1
    print("the parenthesis above is never closed")


asyncio.run(main())
