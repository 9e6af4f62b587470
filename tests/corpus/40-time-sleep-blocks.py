import asyncio
import time


async def ticker():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for _ in range(3):
        await asyncio.sleep(0.2)
        print(f"tick at {loop.time() - start:.1f}")


async def blocker():
    await asyncio.sleep(0.1)
    print("blocking the whole loop with time.sleep(0.23)")
    time.sleep(0.23)  # no await: nothing else can run meanwhile
    print("unblocked")


async def main():
    await asyncio.gather(ticker(), blocker())


asyncio.run(main())
