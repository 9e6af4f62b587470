import asyncio

# Twelve timers fall due at the same instant: they fire in the order they were scheduled.


async def sleeper(i):
    await asyncio.sleep(0.1)
    print("task woke", i)


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(sleeper(i)) for i in range(8)]
    for i in range(4):
        loop.call_later(0.1, print, "callback", i)
    await asyncio.gather(*tasks)
    print("all woke")


asyncio.run(main())
