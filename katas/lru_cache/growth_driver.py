"""For coach's growth report: the workload of test_operations_are_constant_time at size n."""


def run(solution, n):
    cache = solution.LRUCache(n)
    half = n // 2
    for i in range(n):
        cache.put(i, i)
    for i in range(n, 2 * n):
        cache.get(i - half)
        cache.put(i, i)
