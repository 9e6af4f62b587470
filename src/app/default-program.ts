/** The program a first visit opens with: two tasks taking turns on the event loop. */
export const DEFAULT_PROGRAM = `import asyncio


async def worker(name, delay, times):
    for i in range(times):
        print(f"{name}: step {i}")
        await asyncio.sleep(delay)
    return f"{name} done"


async def main():
    fast = asyncio.create_task(worker("fast", 1, 3))
    slow = asyncio.create_task(worker("slow", 2, 2))
    results = await asyncio.gather(fast, slow)
    print(results)


asyncio.run(main())
`;
