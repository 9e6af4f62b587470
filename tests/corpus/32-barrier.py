import asyncio


async def party(name, barrier, delay):
    await asyncio.sleep(delay)
    print(name, "arrives; waiting:", barrier.n_waiting)
    await barrier.wait()
    print(name, "passes the barrier")


async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(party("a", barrier, 0.1), party("b", barrier, 0.2), party("c", barrier, 0.3))
    print("waiting:", barrier.n_waiting, "broken:", barrier.broken)


asyncio.run(main())
