import asyncio


async def slow():
    try:
        await asyncio.sleep(1)
        print("never printed")
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise


async def main():
    task = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(task, timeout=0.1)
    except TimeoutError:
        print("timed out; task cancelled?", task.cancelled())
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.1)
    except TimeoutError as e:
        print("a bare coroutine timed out too:", type(e).__name__)


asyncio.run(main())
