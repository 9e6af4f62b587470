import asyncio

# Since Python 3.12, wait_for() awaits a coroutine directly (inside asyncio.timeout) instead of
# wrapping it in a new task: compute() runs in the main task.


async def compute():
    print("compute runs in", asyncio.current_task().get_name())
    await asyncio.sleep(0.1)
    return 42


async def main():
    result = await asyncio.wait_for(compute(), timeout=1.0)
    print("result:", result)
    print("tasks now:", len(asyncio.all_tasks()))


asyncio.run(main())
