import asyncio


async def producer(q):
    for i in range(5):
        print("putting", i)
        await q.put(i)  # waits while the queue is full
        print("put", i, "size now", q.qsize())
    await q.put(None)


async def consumer(q):
    while True:
        await asyncio.sleep(0.1)
        item = await q.get()
        if item is None:
            break
        print("took", item)


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))
    print("full?", q.full(), "empty?", q.empty())


asyncio.run(main())
