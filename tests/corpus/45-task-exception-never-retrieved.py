import asyncio


async def fails():
    await asyncio.sleep(0.1)
    raise RuntimeError("nobody looks at this task's result")


async def main():
    task = asyncio.create_task(fails())
    await asyncio.sleep(0.3)
    print("main ends without awaiting the failed task; done?", task.done())


asyncio.run(main())
print("asyncio reported the exception on stderr")
