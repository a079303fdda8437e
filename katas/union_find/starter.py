class UnionFind:
    """Disjoint sets over 0 .. n - 1, each element starting alone."""

    def __init__(self, n: int) -> None:
        self.count = n  # the number of components

    def find(self, x: int) -> int:
        """The representative of x's component."""
        raise NotImplementedError("write find()")

    def union(self, a: int, b: int) -> bool:
        """Merge the components of a and b; False if they were already one."""
        raise NotImplementedError("write union()")

    def connected(self, a: int, b: int) -> bool:
        raise NotImplementedError("write connected()")

    def size(self, x: int) -> int:
        """The number of elements in x's component."""
        raise NotImplementedError("write size()")
