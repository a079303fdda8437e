# Wrong: hangs the smaller root under the larger but adds the sizes to the smaller one.
class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))
        self.sizes = [1] * n
        self.count = n

    def find(self, x):
        if not 0 <= x < len(self.parent):
            raise IndexError(x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.sizes[ra] < self.sizes[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.sizes[rb] += self.sizes[ra]
        self.count -= 1
        return True

    def connected(self, a, b):
        return self.find(a) == self.find(b)

    def size(self, x):
        return self.sizes[self.find(x)]
