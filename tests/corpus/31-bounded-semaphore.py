import asyncio


async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print("inside; locked?", sem.locked())
    try:
        sem.release()  # one release more than acquires
    except ValueError as e:
        print("ValueError:", e)

    plain = asyncio.Semaphore(1)
    plain.release()  # a plain Semaphore just grows
    print("plain semaphore value now", plain._value)


asyncio.run(main())
