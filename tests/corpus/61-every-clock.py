# Every clock a program can read moves with asyncio's: the documentation's first example
# (3 s one after the other, 2 s side by side) told by each of them.
import asyncio
import calendar
import datetime
import time
import warnings

warnings.simplefilter("ignore", DeprecationWarning)  # utcnow() warns on 3.12+


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


def readings():
    loop = asyncio.get_running_loop()
    return {
        "time": time.time(),
        "time_ns": time.time_ns() / 1e9,
        "monotonic": time.monotonic(),
        "perf_counter": time.perf_counter(),
        "loop.time": loop.time(),
        "datetime.now": datetime.datetime.now().timestamp(),
        "datetime.now(utc)": datetime.datetime.now(datetime.timezone.utc).timestamp(),
        "datetime.utcnow": datetime.datetime.utcnow().replace(tzinfo=datetime.timezone.utc).timestamp(),
        "datetime.today": datetime.datetime.today().timestamp(),
        # Whole seconds only:
        "localtime": time.mktime(time.localtime()),
        "gmtime": calendar.timegm(time.gmtime()),
        "ctime": time.mktime(time.strptime(time.ctime())),
        "asctime": time.mktime(time.strptime(time.asctime())),
        "strftime": time.mktime(time.strptime(time.strftime("%Y-%m-%d %X"), "%Y-%m-%d %X")),
    }


def report(label, before, after):
    for name in before:
        took = after[name] - before[name]
        print(f"{label}: {name} says {round(took, 1)} s")


async def main():
    # Start just after a whole second, so that whole-second clocks tell the same in real time.
    await asyncio.sleep(1.05 - time.time() % 1)
    start = readings()
    await say_after(1, "hello")
    await say_after(2, "world")
    middle = readings()
    report("one after the other", start, middle)

    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    await task1
    await task2
    end = readings()
    report("side by side", middle, end)

    now = datetime.datetime.now()
    print("today agrees:", now.date() == datetime.date.today())
    print("localtime agrees:", time.localtime().tm_year == now.year)
    print("type:", type(now).__name__, repr(now).startswith("datetime.datetime("))


asyncio.run(main())
