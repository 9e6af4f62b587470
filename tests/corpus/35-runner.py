import asyncio


async def step(n):
    await asyncio.sleep(0.05)
    return f"{asyncio.current_task().get_name()} computed {n * 10}"


with asyncio.Runner() as runner:
    print(runner.run(step(1)))
    print(runner.run(step(2)))
    loop = runner.get_loop()
    print("closed inside?", loop.is_closed())
print("closed after?", loop.is_closed())
