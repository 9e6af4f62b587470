import asyncio


async def consumer(name, cond, items):
    async with cond:
        print(name, "waits for an item")
        await cond.wait_for(lambda: items)
        print(name, "got", items.pop(0))


async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(f"c{i}", cond, items)) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        items.append("x")
        cond.notify(1)
    await asyncio.sleep(0.1)
    async with cond:
        items.extend(["y", "z"])
        cond.notify_all()
    await asyncio.gather(*tasks)
    print("left:", items)


asyncio.run(main())
