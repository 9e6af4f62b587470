import asyncio
import sys

calls = []


def tracer(frame, event, arg):
    if event == "call" and frame.f_code.co_name in ("main", "child", "helper"):
        calls.append(frame.f_code.co_name)
    return None


def helper(n):
    return n * 2


async def child(n):
    await asyncio.sleep(0.1 * n)
    return helper(n)


async def main():
    sys.settrace(tracer)
    result = await asyncio.gather(child(1), child(2))
    sys.settrace(None)
    print(result)
    print(calls)


asyncio.run(main())
