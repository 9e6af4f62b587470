import asyncio


async def worker(name, q, finished):
    while True:
        job = await q.get()
        if job is None:
            print(name, "stops")
            return
        n, delay = job
        print(name, "takes job", n)
        await asyncio.sleep(delay)
        finished.append(n)


async def main():
    q = asyncio.Queue()
    for n, delay in enumerate([0.6, 0.2, 0.4, 0.2, 0.3, 0.1]):
        q.put_nowait((n, delay))
    for _ in range(4):
        q.put_nowait(None)
    finished = []
    await asyncio.gather(*(worker(f"w{i}", q, finished) for i in range(4)))
    print("finished in order:", finished)


asyncio.run(main())
