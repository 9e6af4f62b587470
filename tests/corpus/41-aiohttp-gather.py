import asyncio

import aiohttp

URLS = [
    "https://example.com/slow?delay=0.3",
    "https://example.com/fast?delay=0.1",
    "https://example.com/medium?delay=0.2",
]


async def fetch(session, url):
    async with session.get(url) as resp:
        text = await resp.text()
        print("got", resp.status, url, len(text), "chars")
        return text


async def main():
    async with aiohttp.ClientSession() as session:
        pages = await asyncio.gather(*(fetch(session, url) for url in URLS))
    for page in pages:
        print(page)


asyncio.run(main())
