import asyncio


async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print(f"ticker({n}) closed")


async def main():
    async for i in ticker(3, 0.1):
        print("tick", i)
    squares = [i * i async for i in ticker(4, 0.05)]
    print("squares:", squares)
    gen = ticker(10, 0.05)
    print("first:", await anext(gen))
    print("second:", await gen.asend(None))
    await gen.aclose()
    print("done")


asyncio.run(main())
