# Wrong: union sets parent[a] = b for the elements themselves instead of their roots.
class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))
        self.count = n

    def find(self, x):
        if not 0 <= x < len(self.parent):
            raise IndexError(x)
        while self.parent[x] != x:
            x = self.parent[x]
        return x

    def union(self, a, b):
        if self.find(a) == self.find(b):
            return False
        self.parent[a] = b
        self.count -= 1
        return True

    def connected(self, a, b):
        return self.find(a) == self.find(b)

    def size(self, x):
        root = self.find(x)
        return sum(1 for y in range(len(self.parent)) if self.find(y) == root)
