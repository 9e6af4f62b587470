import asyncio


async def take_all(q, n):
    return [await q.get() for _ in range(n)]


async def main():
    lifo = asyncio.LifoQueue()
    for x in "abc":
        await lifo.put(x)
    print("lifo:", await take_all(lifo, 3))

    pq = asyncio.PriorityQueue()
    waiting = asyncio.create_task(pq.get())  # blocks: the queue is empty
    await asyncio.sleep(0.1)
    for item in [(3, "low"), (1, "urgent"), (2, "normal")]:
        pq.put_nowait(item)
    print("the waiting get got", await waiting)
    print("then:", await take_all(pq, 2))


asyncio.run(main())
