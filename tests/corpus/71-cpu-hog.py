import asyncio


async def heartbeat():
    for i in range(3):
        print("beat", i)
        await asyncio.sleep(0.01)


async def crunch():
    print("crunching numbers without awaiting")
    total = 0
    for n in range(3000):
        total += n * n
    print("total", total)


async def main():
    await asyncio.gather(heartbeat(), crunch())


asyncio.run(main())
