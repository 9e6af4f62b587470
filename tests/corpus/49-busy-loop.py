import asyncio


async def spin():
    n = 0
    while True:  # never awaits: the loop never gets control back
        n += 1


async def main():
    asyncio.create_task(spin())
    print("started a task that never yields")
    await asyncio.sleep(0.1)
    print("never printed")


asyncio.run(main())
