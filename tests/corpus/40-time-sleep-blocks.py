import asyncio
import time


async def ticker():
    loop = asyncio.get_running_loop()
    for i in range(3):
        before = loop.time()
        await asyncio.sleep(0.2)
        late = loop.time() - before - 0.2
        print(f"tick {i}:", "late" if late > 0.1 else "on time")


async def blocker():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.1)
    print("blocking the whole loop with time.sleep(0.3)")
    before = loop.time()
    time.sleep(0.3)  # no await: nothing else can run meanwhile
    print(f"unblocked after {loop.time() - before:.1f} s")


async def main():
    await asyncio.gather(ticker(), blocker())


asyncio.run(main())
