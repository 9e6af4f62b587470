import asyncio
import math


async def forever(name):
    print(name, "sleeps forever")
    await asyncio.sleep(math.inf)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    never = loop.call_later(math.inf, print, "never printed")
    try:
        async with asyncio.timeout(1):
            await forever("main")
    except TimeoutError:
        print("timed out after", round(loop.time() - start), "s")
    task = asyncio.create_task(forever("worker"))
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("worker cancelled:", task.cancelled())
    async with asyncio.timeout(None):
        await asyncio.sleep(0.1)
    never.cancel()
    print("done")


asyncio.run(main())
