import asyncio


async def download(name, sem, seconds):
    async with sem:
        print(name, "starts; free slots:", sem._value)
        await asyncio.sleep(seconds)
        print(name, "finished")


async def main():
    sem = asyncio.Semaphore(2)
    jobs = [("a", 0.2), ("b", 0.5), ("c", 0.4), ("d", 0.2)]
    await asyncio.gather(*(download(n, sem, s) for n, s in jobs))
    print("locked at the end?", sem.locked())


asyncio.run(main())
