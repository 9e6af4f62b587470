import asyncio

import fastapi

app = fastapi.FastAPI()


async def main():
    await asyncio.sleep(0.1)


asyncio.run(main())
