# asyncio.run and asyncio.Runner with a loop factory: every kind of loop the documentation names.
import asyncio
import selectors
import time


async def main(label):
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.5)
    print(f"{label}: slept {round(loop.time() - start, 1)} s on a running loop: {loop.is_running()}")
    return label


t0 = time.monotonic()
print(asyncio.run(main("new_event_loop"), loop_factory=asyncio.new_event_loop))
print(asyncio.run(main("EventLoop"), loop_factory=asyncio.EventLoop))
selector = selectors.SelectSelector()
print(asyncio.run(main("SelectorEventLoop"),
                  loop_factory=lambda: asyncio.SelectorEventLoop(selector)))

with asyncio.Runner(loop_factory=asyncio.new_event_loop) as runner:
    print(runner.run(main("Runner first")))
    print(runner.run(main("Runner second")))
    print("same loop both times:", runner.get_loop() is runner.get_loop())

loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(main("run_until_complete")))
finally:
    loop.close()
print(f"all together: {time.monotonic() - t0:.0f} s")
