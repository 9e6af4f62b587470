import asyncio


def names():
    return sorted(t.get_name() for t in asyncio.all_tasks())


async def child(n):
    await asyncio.sleep(0.1 * n)


async def main():
    print("current:", asyncio.current_task().get_name())
    print("alone:", names())
    tasks = [asyncio.create_task(child(n)) for n in (1, 2)]
    print("with children:", names())
    await tasks[0]
    print("after the first:", names())
    await tasks[1]
    print("at the end:", names())


asyncio.run(main())
print("outside the loop, current_task raises:", end=" ")
try:
    asyncio.current_task()
except RuntimeError as e:
    print(e)
