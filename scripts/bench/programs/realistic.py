# lab: max-steps=3000000
# Benchmark (b): a realistic async program — a crawler: a producer, a bounded queue, four
# workers that "fetch" (await) and parse pages with plain functions into dictionaries.
import asyncio

STOP_WORDS = {"the", "a", "of"}


def words_of(url, n):
    path = url.split("/", 3)[3]
    return path.replace("-", " ").split() + ["the", "page", str(n % 7)]


def parse(url, n):
    counts = {}
    for word in words_of(url, n):
        if word in STOP_WORDS:
            continue
        counts[word] = counts.get(word, 0) + 1
    host = url.split("/")[2]
    return {"host": host, "words": counts, "size": len(url) * 10}


async def fetch(url, n):
    await asyncio.sleep(0.01 * (1 + n % 3))
    return parse(url, n)


async def worker(name, queue, stats):
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            return
        n, url = item
        page = await fetch(url, n)
        site = stats.setdefault(page["host"], {"pages": 0, "bytes": 0})
        site["pages"] += 1
        site["bytes"] += page["size"]
        queue.task_done()


async def main(pages):
    queue = asyncio.Queue(maxsize=8)
    stats = {}
    workers = [asyncio.create_task(worker(f"worker-{k}", queue, stats)) for k in range(4)]
    for n in range(pages):
        await queue.put((n, f"https://site{n % 20}.example/articles/async-io-part-{n}"))
    for _ in workers:
        await queue.put(None)
    await queue.join()
    total = sum(site["pages"] for site in stats.values())
    print(f"{total} pages from {len(stats)} sites")


asyncio.run(main(4000))
