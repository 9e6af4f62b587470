import asyncio


async def ok(delay):
    try:
        await asyncio.sleep(delay)
        print("ok", delay)
    except asyncio.CancelledError:
        print("ok", delay, "was cancelled")
        raise


async def boom():
    await asyncio.sleep(0.2)
    raise ValueError("boom")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(0.1))
            tg.create_task(boom())
            tg.create_task(ok(0.4))
    except* ValueError as eg:
        print("caught", repr(eg.exceptions))
    print("after the group")


asyncio.run(main())
