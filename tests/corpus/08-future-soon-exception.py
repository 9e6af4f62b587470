import asyncio


async def main():
    loop = asyncio.get_running_loop()

    f1 = loop.create_future()
    loop.call_soon(f1.set_result, "resolved by call_soon")
    print("f1:", await f1)

    f2 = loop.create_future()
    loop.call_later(0.1, f2.set_exception, ValueError("bad value"))
    try:
        await f2
    except ValueError as e:
        print("f2 raised", repr(e))

    f3 = loop.create_future()
    loop.call_later(0.1, f3.cancel)
    try:
        await f3
    except asyncio.CancelledError:
        print("f3 cancelled?", f3.cancelled())


asyncio.run(main())
