# Wrong: recursive find with path compression but no union by size: a long chain exceeds the recursion limit.
class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))
        self.sizes = [1] * n
        self.count = n

    def find(self, x):
        if not 0 <= x < len(self.parent):
            raise IndexError(x)
        if self.parent[x] != x:
            self.parent[x] = self.find(self.parent[x])
        return self.parent[x]

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[ra] = rb
        self.sizes[rb] += self.sizes[ra]
        self.count -= 1
        return True

    def connected(self, a, b):
        return self.find(a) == self.find(b)

    def size(self, x):
        return self.sizes[self.find(x)]
