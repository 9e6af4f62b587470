# A cancellation swallowed inside `async with asyncio.timeout()`: the timeout expires and cancels
# the task, the handler catches the CancelledError and does not re-raise it, so the timeout takes
# its request back and raises no TimeoutError; the program goes on as if the wait had finished.
import asyncio


async def fetch():
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(5)
                print("the sleep finished")
            except asyncio.CancelledError:
                print("caught the timeout's CancelledError, not re-raised")
        print("after the block: no TimeoutError")
        return "data"
    except TimeoutError:
        print("timed out")
        return None


async def main():
    task = asyncio.create_task(fetch())
    print("result:", await task, "cancelled:", task.cancelled(), "cancelling:", task.cancelling())


asyncio.run(main())
