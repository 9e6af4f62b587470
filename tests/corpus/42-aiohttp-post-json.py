import asyncio

import aiohttp

# No ?delay= here: the latency comes from the URL's bytes (python.org: 0.1 s, example.com/b: 0.4 s).


async def post(session, url, payload):
    async with session.post(url, json=payload) as resp:
        data = await resp.json()
        print(resp.status, "posted", payload, "->", data)


async def main():
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(
            post(session, "https://example.com/b", {"n": 1}),
            post(session, "https://python.org/", {"n": 2}),
        )
        resp = await session.get("https://example.com/items?delay=0.05")
        print("awaited get:", resp.status, await resp.json())


if __name__ == "__main__":
    asyncio.run(main())
