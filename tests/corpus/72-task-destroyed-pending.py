import asyncio
import gc


async def forever():
    print("forever starts")
    await asyncio.Event().wait()


loop = asyncio.new_event_loop()
task = loop.create_task(forever())
loop.run_until_complete(asyncio.sleep(0.1))
loop.close()  # the task is still pending: nothing cancelled or awaited it
del task
gc.collect()
print("the loop is closed")
