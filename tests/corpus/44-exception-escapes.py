import asyncio


async def background():
    try:
        await asyncio.sleep(1)
    finally:
        print("background task cleaned up")


async def main():
    task = asyncio.create_task(background())
    await asyncio.sleep(0.1)
    print("about to fail")
    raise ValueError("something went wrong")


asyncio.run(main())
print("never printed")
