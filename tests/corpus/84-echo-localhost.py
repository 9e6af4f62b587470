# A TCP echo server and client on 'localhost': the name is looked up by getaddrinfo in the
# default executor (a thread), as CPython does, before the connection is made.
import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    print(f"server got {line!r}")
    writer.write(line.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "localhost", 8888)
    async with server:
        reader, writer = await asyncio.open_connection("localhost", 8888)
        writer.write(b"hello\n")
        await writer.drain()
        print(f"client got {await reader.readline()!r}")
        print(f"then {await reader.read()!r} (the server closed)")
        writer.close()
        await writer.wait_closed()
    print("the server is closed:", not server.is_serving())


asyncio.run(main())
