import asyncio


async def worker(name, delay):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    print(f"{name} done after {delay}")
    return name


async def main():
    slow = asyncio.create_task(worker("slow", 0.2))
    fast = asyncio.create_task(worker("fast", 0.1))
    print("tasks created")
    print("results:", await slow, await fast)


if __name__ == "__main__":
    asyncio.run(main())
