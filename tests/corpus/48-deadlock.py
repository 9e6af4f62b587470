import asyncio


async def consumer(q):
    print("consumer waits for an item")
    item = await q.get()
    print("never printed", item)


async def main():
    q = asyncio.Queue()
    task = asyncio.create_task(consumer(q))
    fut = asyncio.get_running_loop().create_future()
    print("main waits for a future nobody will resolve")
    await fut
    print("never printed", task)


asyncio.run(main())
