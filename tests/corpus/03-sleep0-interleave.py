import asyncio


async def count(name):
    for i in range(3):
        print(name, i)
        await asyncio.sleep(0)  # a bare yield: let the others run


async def main():
    await asyncio.gather(count("a"), count("b"), count("c"))
    print("all counted")


asyncio.run(main())
