# Good: a dict of nodes in a hand-written doubly linked list (what interviewers often ask for): O(1)
from collections.abc import Hashable
from typing import Any


class _Node:
    __slots__ = ("key", "next", "prev", "value")

    def __init__(self, key: Any = None, value: Any = None) -> None:
        self.key, self.value = key, value
        self.prev: _Node = self
        self.next: _Node = self


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity!r}")
        self.capacity = capacity
        self._nodes: dict[Hashable, _Node] = {}
        self._head = _Node()  # head.next is the least recently used

    def _unlink(self, node: _Node) -> None:
        node.prev.next, node.next.prev = node.next, node.prev

    def _append(self, node: _Node) -> None:
        last = self._head.prev
        last.next, node.prev, node.next, self._head.prev = node, last, self._head, node

    def get(self, key: Hashable, default: Any = None) -> Any:
        node = self._nodes.get(key)
        if node is None:
            return default
        self._unlink(node)
        self._append(node)
        return node.value

    def put(self, key: Hashable, value: Any) -> None:
        node = self._nodes.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
        else:
            node = self._nodes[key] = _Node(key, value)
        self._append(node)
        if len(self._nodes) > self.capacity:
            oldest = self._head.next
            self._unlink(oldest)
            del self._nodes[oldest.key]

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, key: object) -> bool:
        return key in self._nodes
