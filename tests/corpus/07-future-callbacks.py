import asyncio


def on_done(fut):
    print("done callback sees", fut.result())


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(on_done)
    loop.call_later(0.1, fut.set_result, 42)
    print("waiting; done?", fut.done())
    value = await fut
    print("got", value, "done?", fut.done())


asyncio.run(main())
