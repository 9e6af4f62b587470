# Fixed-size frames on the simulated network: the client writes a 4-byte length and a body,
# awaits drain(), and the server reads each frame with readexactly (the IncompleteReadError at
# the end of the stream is how it learns the client is done).
import asyncio


async def handle(reader, writer):
    frames = 0
    while True:
        try:
            size = int.from_bytes(await reader.readexactly(4), "big")
        except asyncio.IncompleteReadError as e:
            print(f"server: end of stream after {frames} frames ({len(e.partial)} stray bytes)")
            break
        body = await reader.readexactly(size)
        frames += 1
        print(f"server: frame {frames}: {body.decode()}")
        writer.write(len(body).to_bytes(4, "big"))
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8890)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8890)
        for word in ["alpha", "be", "gamma delta"]:
            data = word.encode()
            writer.write(len(data).to_bytes(4, "big") + data)
            await writer.drain()
            ack = int.from_bytes(await reader.readexactly(4), "big")
            print(f"client: server got {ack} bytes")
        writer.close()
        await writer.wait_closed()
        await asyncio.sleep(0.01)
    print("done")


asyncio.run(main())
