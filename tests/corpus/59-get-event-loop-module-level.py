import asyncio

print("asking for the event loop at module level, with no loop set")
loop = asyncio.get_event_loop()  # Python 3.14: RuntimeError (3.12-3.13 only warned)
print("got a loop:", type(loop).__name__)
loop.run_until_complete(asyncio.sleep(0.1))
