import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.1, 0.2, 0.5)]
    done, pending = await asyncio.wait(tasks, timeout=0.3)
    print(len(done), "done,", len(pending), "pending after the timeout")
    print("results so far:", sorted(t.result() for t in done))
    rest, still = await asyncio.wait(pending)
    print("the rest:", [t.result() for t in rest], "still pending:", len(still))


asyncio.run(main())
