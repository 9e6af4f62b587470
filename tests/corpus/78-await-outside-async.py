import asyncio


def main():
    print("a plain def cannot await")
    await asyncio.sleep(0.1)


main()
