import asyncio


async def show(label):
    task = asyncio.current_task()
    print(label, "runs as", task.get_name())
    await asyncio.sleep(0.1)
    print(label, "is now", task.get_name())


async def main():
    print("main runs as", asyncio.current_task().get_name())
    a = asyncio.create_task(show("a"))
    b = asyncio.create_task(show("b"), name="fetcher")
    c = asyncio.create_task(show("c"))
    c.set_name("renamed")  # before it ever runs
    await asyncio.sleep(0.05)
    a.set_name("worker-a")  # while it sleeps
    await asyncio.gather(a, b, c)
    print(a.get_name(), b.get_name(), c.get_name())


asyncio.run(main())
