import asyncio


def depth(n):
    return depth(n + 1)


async def main():
    print("recursing without end")
    depth(0)


asyncio.run(main())
