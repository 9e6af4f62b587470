import asyncio


async def waiter(name, event):
    print(name, "waits")
    await event.wait()
    print(name, "woke up")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("a", "b", "c")]
    await asyncio.sleep(0.1)
    print("setting the event")
    event.set()
    await asyncio.gather(*tasks)
    print("is_set:", event.is_set())
    event.clear()
    print("after clear:", event.is_set())


asyncio.run(main())
