import asyncio

# Ten sleeps of 0.1 s add up to 0.9999999999999999 in floating point, not 1.0. In real time the
# single long sleep, scheduled first, falls due first.


async def one_long_sleep():
    await asyncio.sleep(1.0)
    print("one sleep of 1.0 s done")


async def ten_short_sleeps():
    for _ in range(10):
        await asyncio.sleep(0.1)
    print("ten sleeps of 0.1 s done")


async def main():
    await asyncio.gather(one_long_sleep(), ten_short_sleeps())


asyncio.run(main())
