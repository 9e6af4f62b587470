# lab: max-steps=3000000
# Benchmark (a): a tight loop, no awaits — the line-event hot path.
def tight(n):
    total = 0
    for i in range(n):
        total += i
    return total


print(tight(500_000))
