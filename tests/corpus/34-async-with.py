import asyncio
import contextlib


class Connection:
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("connected")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print("disconnected; exception:", exc_type.__name__ if exc_type else None)
        return False


@contextlib.asynccontextmanager
async def transaction(name):
    print("begin", name)
    try:
        yield name.upper()
    finally:
        print("end", name)


async def main():
    async with Connection() as conn, transaction("t1") as t:
        print("using", type(conn).__name__, t)
    try:
        async with Connection():
            raise KeyError("oops")
    except KeyError as e:
        print("KeyError propagated:", e)


asyncio.run(main())
