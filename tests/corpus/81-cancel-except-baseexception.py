import asyncio


async def listener(event):
    try:
        await event.wait()
    except BaseException as exc:
        print("listener caught", type(exc).__name__)
    return "stopped listening"


async def main():
    event = asyncio.Event()
    task = asyncio.create_task(listener(event), name="listener")
    await asyncio.sleep(0)
    task.cancel()
    print(await task)
    print("cancelled?", task.cancelled())


asyncio.run(main())
