import asyncio

import requests


async def fetch(url):
    print("fetching", url)
    r = requests.get(url)  # blocks the event loop: the heartbeat stops meanwhile
    print("done", r.status_code, r.text)


async def heartbeat():
    for i in range(3):
        print("heartbeat", i)
        await asyncio.sleep(0.1)


async def main():
    await asyncio.gather(
        heartbeat(),
        fetch("https://example.com/one?delay=0.2"),
        fetch("https://example.com/two?delay=0.15"),
    )
    r = requests.post("https://example.com/api?delay=0.05", json={"x": 1})
    print("post:", r.status_code, r.json())


asyncio.run(main())
