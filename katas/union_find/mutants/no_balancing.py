# Wrong: quick-union without union by size or path compression: a chain makes find O(n).
class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))
        self.sizes = [1] * n
        self.count = n

    def find(self, x):
        if not 0 <= x < len(self.parent):
            raise IndexError(x)
        while self.parent[x] != x:
            x = self.parent[x]
        return x

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
