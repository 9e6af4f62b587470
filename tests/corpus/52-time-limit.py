import asyncio


async def main():
    hours = 0
    while True:
        await asyncio.sleep(3600)
        hours += 1
        print("hours passed:", hours)


asyncio.run(main())
