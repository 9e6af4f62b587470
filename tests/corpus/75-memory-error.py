import asyncio


async def main():
    print("asking for two billion list slots")
    data = [0] * (2**31 - 1)
    print(len(data))


asyncio.run(main())
