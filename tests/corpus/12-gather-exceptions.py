import asyncio


async def ok(delay):
    await asyncio.sleep(delay)
    print("ok", delay)
    return delay


async def fail(delay):
    await asyncio.sleep(delay)
    raise ValueError(f"failed after {delay}")


async def main():
    results = await asyncio.gather(ok(0.1), fail(0.2), ok(0.3), return_exceptions=True)
    print("with return_exceptions:", results)
    try:
        await asyncio.gather(ok(0.1), fail(0.2), ok(0.4))
    except ValueError as e:
        print("gather raised", repr(e))
    await asyncio.sleep(0.4)
    print("the slow one kept running")


asyncio.run(main())
