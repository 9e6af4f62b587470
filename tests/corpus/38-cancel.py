import asyncio


async def worker():
    print("worker starts")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker cancelled; cleaning up")
        await asyncio.sleep(0.1)
        print("cleanup done")
        raise


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    print("cancel() returned", task.cancel("stop please"))
    try:
        await task
    except asyncio.CancelledError as e:
        print("main saw CancelledError", e.args)
    print("cancelled?", task.cancelled(), "done?", task.done())


asyncio.run(main())
