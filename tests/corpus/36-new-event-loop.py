import asyncio


async def work(label):
    await asyncio.sleep(0.1)
    return f"{label} ran as {asyncio.current_task().get_name()}"


loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(work("first")))
    print(loop.run_until_complete(work("second")))
    print("running?", loop.is_running())
finally:
    loop.close()
print("closed?", loop.is_closed())
