import asyncio


def bad_callback():
    print("callback runs")
    return 1 / 0


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback)
    loop.call_later(0.1, print, "the loop kept going")
    await asyncio.sleep(0.2)
    print("main done")


asyncio.run(main())
