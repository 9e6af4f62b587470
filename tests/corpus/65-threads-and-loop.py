# Threads started from async code talk to the loop: call_soon_threadsafe and
# run_coroutine_threadsafe; a plain thread is joined; a thread's exception is reported on stderr;
# a pool used without asyncio.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

T0 = time.monotonic()


def now():
    return f"{int((time.monotonic() - T0 + 0.02) * 10) / 10} s"  # real time only runs late


async def report(what):
    await asyncio.sleep(0.1)
    print(f"coroutine from the thread: {what} at {now()}")


def worker(loop, fut):
    time.sleep(0.3)
    loop.call_soon_threadsafe(print, f"callback from the thread at {now()}")
    time.sleep(0.3)
    asyncio.run_coroutine_threadsafe(report("hello"), loop)
    time.sleep(0.3)
    loop.call_soon_threadsafe(fut.set_result, "the thread's answer")


def boom():
    time.sleep(0.1)
    raise ValueError("a thread failed")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = threading.Thread(target=worker, args=(loop, fut))
    t.start()
    print("started", t.name, "alive:", t.is_alive())
    print("awaited:", await fut, "at", now())
    await asyncio.sleep(0.1)
    t.join()
    print("joined; alive:", t.is_alive())
    bad = threading.Thread(target=boom)
    bad.start()
    await asyncio.sleep(0.5)
    bad.join()
    print("after the failing thread at", now())


asyncio.run(main())

T0 = time.monotonic()
print("a pool without asyncio:")
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(time.sleep, s) for s in (0.2, 0.5, 0.3)]
    print("first result:", futures[0].result(), "at", now())
    print("squares:", list(pool.map(lambda x: x * x, range(5))))
print("pool closed at", now())


def late():
    time.sleep(0.5)
    print("the last thread ends at", now())


threading.Thread(target=late).start()
print("main ends at", now())
