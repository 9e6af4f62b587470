import asyncio


async def download(n):
    try:
        await asyncio.sleep(n)
        return f"file {n}"
    except:
        return f"file {n} (partial)"


async def main():
    async with asyncio.TaskGroup() as tg:
        slow = tg.create_task(download(5), name="slow")
        fast = tg.create_task(download(1), name="fast")
        await asyncio.sleep(2)
        slow.cancel()
    print(slow.result(), "/", fast.result())


asyncio.run(main())
