import asyncio


def say(what):
    print("callback:", what)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.2, say, "call_later 0.2")
    loop.call_at(start + 0.1, say, "call_at start+0.1")
    loop.call_soon(say, "call_soon 1")
    never = loop.call_later(0.15, say, "cancelled, never runs")
    loop.call_soon(say, "call_soon 2")
    never.cancel()
    print("scheduled everything; cancelled?", never.cancelled())
    await asyncio.sleep(0.3)
    print("main done")


asyncio.run(main())
