import asyncio


async def job(n):
    await asyncio.sleep(0.1 * n)
    print("job", n, "done")
    return n * n


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(n)) for n in (3, 1, 2)]
        print("spawned", len(tasks), "tasks")
    print("all done:", [t.result() for t in tasks])


asyncio.run(main())
