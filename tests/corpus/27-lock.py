import asyncio


async def use(name, lock, hold):
    print(name, "wants the lock")
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(hold)
    print(name, "released it")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(use("a", lock, 0.1), use("b", lock, 0.1), use("c", lock, 0.1))
    print("locked at the end?", lock.locked())


asyncio.run(main())
