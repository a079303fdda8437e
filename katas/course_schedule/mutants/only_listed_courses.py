# Wrong: only schedules courses that appear in some pair; lone courses are dropped.
from collections import deque


def find_order(num_courses, prerequisites):
    courses = sorted({c for pair in prerequisites for c in pair}) if prerequisites else list(range(num_courses))
    unlocks = {c: [] for c in courses}
    waiting_on = dict.fromkeys(courses, 0)
    for course, before in prerequisites:
        unlocks[before].append(course)
        waiting_on[course] += 1
    ready = deque(c for c in courses if waiting_on[c] == 0)
    order = []
    while ready:
        course = ready.popleft()
        order.append(course)
        for nxt in unlocks[course]:
            waiting_on[nxt] -= 1
            if waiting_on[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == len(courses) else None
