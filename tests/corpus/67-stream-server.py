# A line-based server handling several clients at once (readline, readexactly, drain), served
# with `async with server` and serve_forever, stopped by cancelling it; clients connect to 127.0.0.1.
import asyncio
import time

T0 = time.monotonic()


def now():
    return f"{int((time.monotonic() - T0 + 0.02) * 10) / 10} s"  # real time only runs late


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    size = int((await reader.readline()).decode())
    body = await reader.readexactly(size)
    print(f"server: {name} sent {size} bytes at {now()}")
    await asyncio.sleep(0.5)  # the work takes a while; other clients are served meanwhile
    writer.write(f"hello {name}, got {body.decode().upper()}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(name, delay, message):
    await asyncio.sleep(delay)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8765)
    writer.write(f"{name}\n{len(message)}\n".encode())
    writer.write(message.encode())
    await writer.drain()
    answer = await reader.readline()
    print(f"{name}: {answer.decode().strip()} at {now()}")
    at_end = await reader.read()
    print(f"{name}: the server closed the connection: {at_end == b''}")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8765)
    async with server:
        serving = asyncio.create_task(server.serve_forever())
        await asyncio.gather(
            client("ann", 0.0, "abc"),
            client("bob", 0.1, "defgh"),
            client("cy", 0.2, "ij"),
        )
        print(f"three clients served in {now()}, each waiting 0.5 s")
        serving.cancel()
        try:
            await serving
        except asyncio.CancelledError:
            print("serve_forever cancelled; serving:", server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", 8765)
    except ConnectionRefusedError:
        print("after the server closed, a connection is refused")


asyncio.run(main())
