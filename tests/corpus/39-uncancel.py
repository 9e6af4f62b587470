import asyncio


async def stubborn(label):
    task = asyncio.current_task()
    while True:
        try:
            await asyncio.sleep(0.2)
            print(label, "finished normally")
            return "done"
        except asyncio.CancelledError:
            print(label, "cancel requested; cancelling() =", task.cancelling())
            task.uncancel()
            print(label, "after uncancel:", task.cancelling())


async def main():
    task = asyncio.create_task(stubborn("first"))
    await asyncio.sleep(0.1)
    task.cancel()
    print("result:", await task)

    early = asyncio.create_task(stubborn("early"))
    early.cancel()  # cancelled before it ever ran: its body never starts
    try:
        await early
    except asyncio.CancelledError:
        print("early cancelled?", early.cancelled())


asyncio.run(main())
