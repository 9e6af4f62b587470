import asyncio


async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{name} processed {item}")
        q.task_done()


async def main():
    q = asyncio.Queue()
    for item in (0.2, 0.1, 0.3):
        q.put_nowait(item)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print("all items processed; queue size:", q.qsize())
    for w in workers:
        w.cancel()
    outcomes = await asyncio.gather(*workers, return_exceptions=True)
    print([type(o).__name__ for o in outcomes])


asyncio.run(main())
