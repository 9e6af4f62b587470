import asyncio


async def producer(q):
    for i in range(3):
        await asyncio.sleep(0.1)
        await q.put(f"item-{i}")
        print("put", i)
    await q.put(None)


async def consumer(q):
    while (item := await q.get()) is not None:
        print("got", item)
    print("consumer saw the sentinel")


async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))


asyncio.run(main())
