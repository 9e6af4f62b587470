# A blocking call holds the loop; asyncio.to_thread moves it to a thread and the loop stays free;
# a pool with too few workers makes jobs wait for one.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

T0 = time.monotonic()
section = T0


def now():
    """Seconds since the section started (real time drifts a little on CPython over a run)."""
    return f"{int((time.monotonic() - section + 0.02) * 10) / 10} s"  # real time only runs late


def start(title):
    global section
    section = time.monotonic()
    print(title)


def blocking_io(name, seconds):
    time.sleep(seconds)
    print(f"{name}: done after {seconds} s in its thread, at {now()}")
    return name.upper()


async def heartbeat(n):
    for i in range(n):
        print(f"heartbeat {i} at {now()}")
        await asyncio.sleep(0.5)


async def main():
    start("1. called directly, it blocks the loop:")
    beat = asyncio.create_task(heartbeat(2))
    blocking_io("direct", 0.7)
    await beat

    start("2. in threads, the loop stays free:")
    results = await asyncio.gather(
        heartbeat(4),
        asyncio.to_thread(blocking_io, "a", 0.7),
        asyncio.to_thread(blocking_io, "b", 1.3),
    )
    print("results:", results)
    name = await asyncio.to_thread(lambda: threading.current_thread().name)
    print("to_thread ran in", name)

    start("3. a pool of 2 for 3 jobs:")
    loop = asyncio.get_running_loop()
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [loop.run_in_executor(pool, blocking_io, n, s)
                for n, s in (("c", 0.4), ("d", 0.6), ("e", 0.3))]
        print("results:", await asyncio.gather(*jobs))
    print(f"the pool took {int((time.monotonic() - began + 0.02) * 10) / 10} s")

    start("4. the default executor:")
    print("result:", await loop.run_in_executor(None, blocking_io, "f", 0.2))
    print(f"total {time.monotonic() - T0:.0f} s")


asyncio.run(main())
