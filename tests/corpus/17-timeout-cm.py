import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.1) as cm:
            await asyncio.sleep(1)
            print("never printed")
    except TimeoutError:
        print("timed out; expired?", cm.expired())

    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.1)
    print("finished in time; expired?", cm.expired())

    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.1)
            await asyncio.sleep(0.3)
    except TimeoutError:
        print("rescheduled deadline hit")

    try:
        async with asyncio.timeout_at(loop.time() + 0.1):
            await asyncio.sleep(0.3)
    except TimeoutError:
        print("timeout_at hit")


asyncio.run(main())
