import asyncio


async def main():
    await asyncio.sleep(0.1)
    return asyncio.get_event_loop() is asyncio.get_running_loop()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
same = asyncio.get_event_loop().run_until_complete(main())
print("inside, get_event_loop() is the running loop:", same)
print("outside, get_event_loop() is the loop we set:", asyncio.get_event_loop() is loop)
loop.close()
asyncio.set_event_loop(None)
print("closed")
