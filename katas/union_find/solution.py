class UnionFind:
    """Disjoint sets over 0 .. n - 1, each element starting alone.

    Union by size plus path compression: every operation is O(α(n))
    amortised, effectively constant. find is a loop, so no chain can
    exhaust the recursion limit. O(n) memory.
    """

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))
        self._size = [1] * n
        self.count = n  # the number of components

    def find(self, x: int) -> int:
        """The representative (root) of x's component."""
        if not 0 <= x < len(self._parent):
            raise IndexError(f"element {x!r} is not in 0..{len(self._parent) - 1}")
        root = x
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[x] != root:  # path compression
            self._parent[x], x = root, self._parent[x]
        return root

    def union(self, a: int, b: int) -> bool:
        """Merge the components of a and b; False if they were already one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self._size[ra] < self._size[rb]:
            ra, rb = rb, ra
        self._parent[rb] = ra  # the smaller tree hangs under the larger
        self._size[ra] += self._size[rb]
        self.count -= 1
        return True

    def connected(self, a: int, b: int) -> bool:
        return self.find(a) == self.find(b)

    def size(self, x: int) -> int:
        """The number of elements in x's component."""
        return self._size[self.find(x)]
