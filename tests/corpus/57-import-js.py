import asyncio

try:
    import js

    print("the page is reachable!", js)
except ImportError as e:
    print("import js failed with an ImportError:", isinstance(e, ImportError))


async def main():
    await asyncio.sleep(0.1)
    print("the program goes on")


asyncio.run(main())
