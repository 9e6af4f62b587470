import asyncio


async def ticker():
    for i in range(4):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            pass
        print("tick", i)
    return "done ticking"


async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(1.5)
    task.cancel()
    print(await task)
    print("cancelled?", task.cancelled())


asyncio.run(main())
