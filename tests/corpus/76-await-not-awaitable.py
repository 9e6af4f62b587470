import asyncio
import time


async def main():
    print("awaiting time.sleep")
    await time.sleep(0.1)


asyncio.run(main())
