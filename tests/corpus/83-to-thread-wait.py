# A task awaiting asyncio.to_thread waits for a thread; the loop runs other tasks meanwhile.
import asyncio
import threading
import time


def since():
    """Seconds since main started, rounded down to 0.1 s (real time only runs late)."""
    return f"{int((asyncio.get_running_loop().time() - T0 + 0.02) * 10) / 10} s"


def blocking_io(seconds):
    time.sleep(seconds)
    print(f"{threading.current_thread().name} ends blocking_io({seconds})")
    return f"slept {seconds} s"


async def ticker():
    for i in range(3):
        print(f"tick {i} at {since()}")
        await asyncio.sleep(0.4)


async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    tick = asyncio.create_task(ticker())
    print(await asyncio.to_thread(blocking_io, 1))
    print(await asyncio.to_thread(blocking_io, 0.5))
    await tick
    print(f"done at {since()}")


asyncio.run(main())
