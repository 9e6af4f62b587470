/**
 * The program a first visit opens with: three tasks that each wait a different time. Control
 * goes round all three before any sleep ends; then the shortest sleep wakes first, the clock
 * jumps from timer to timer, and gather still returns the results in the order it was given.
 */
export const DEFAULT_PROGRAM = `import asyncio


async def brew(drink, seconds):
    print(f"start {drink}")
    await asyncio.sleep(seconds)
    print(f"{drink} ready")
    return drink


async def main():
    tea = asyncio.create_task(brew("tea", 3), name="tea")
    coffee = asyncio.create_task(brew("coffee", 2), name="coffee")
    toast = asyncio.create_task(brew("toast", 1), name="toast")
    print("waiting…")
    served = await asyncio.gather(tea, coffee, toast)
    print("served:", served)


asyncio.run(main())
`;
