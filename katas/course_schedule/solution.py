from collections import deque


def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int] | None:
    """Return an order to take every course, or None if the prerequisites form a cycle.

    Kahn's algorithm: repeatedly take a course whose prerequisites are all
    taken. If some courses never become ready, they are on (or behind) a
    cycle. O(V + E) time and space.
    """
    unlocks: list[list[int]] = [[] for _ in range(num_courses)]
    waiting_on = [0] * num_courses
    for course, before in prerequisites:
        unlocks[before].append(course)
        waiting_on[course] += 1
    ready = deque(c for c in range(num_courses) if waiting_on[c] == 0)
    order: list[int] = []
    while ready:
        course = ready.popleft()
        order.append(course)
        for nxt in unlocks[course]:
            waiting_on[nxt] -= 1
            if waiting_on[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == num_courses else None
