import asyncio


async def player(name):
    n = 0
    while True:
        print(name, n)
        n += 1
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(player("ping"), player("pong"))


asyncio.run(main())
