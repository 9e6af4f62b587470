import asyncio

real_sleep = asyncio.sleep


async def loud_sleep(delay, result=None):
    print(f"sleeping {delay}")
    return await real_sleep(delay, result)


asyncio.sleep = loud_sleep


async def worker(n):
    await asyncio.sleep(0.1 * n)
    print("worker", n, "woke")


async def main():
    await asyncio.gather(worker(1), worker(2))
    await asyncio.sleep(0)
    print("asyncio.sleep is still patched:", asyncio.sleep is loud_sleep)


asyncio.run(main())
