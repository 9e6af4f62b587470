import asyncio
import sys


async def background():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("background cancelled while asyncio.run shuts down")
        raise


async def main():
    task = asyncio.create_task(background())
    await asyncio.sleep(0.1)
    print("exiting with code 3")
    sys.exit(3)


asyncio.run(main())
print("never printed")
