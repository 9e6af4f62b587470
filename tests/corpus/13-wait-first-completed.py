import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")
    return name


async def main():
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in [("slow", 0.3), ("fast", 0.1), ("mid", 0.2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", [t.result() for t in done])
    print("pending:", sorted(t.get_name() for t in pending))
    for t in tasks:
        if t in pending:
            t.cancel()
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print("cancelled:", [t.get_name() for t in tasks if t.cancelled()], "pending:", len(pending))


asyncio.run(main())
