# Waiting for a time by polling the clock: CPython finishes after 3 s; on a virtual clock time
# stands still while a task is ready, so the run is stopped early with a sentence saying why.
import asyncio
import time


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    print("polling the clock for 3 s")
    wake = time.time() + 3
    asyncio.create_task(ticker())
    while time.time() < wake:
        await asyncio.sleep(0)
    print("3 s later")


asyncio.run(main())
