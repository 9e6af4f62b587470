import asyncio


async def main():
    print("hello from main")
    await asyncio.sleep(0.1)


# The style of older tutorials: on Python 3.14 there is no loop to get here.
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
