"""For coach's growth report: one long chain of unions, then a find for every element."""


def run(solution, n):
    uf = solution.UnionFind(n)
    for i in range(n - 1):
        uf.union(i, i + 1)
    for i in range(n):
        uf.find(i)
