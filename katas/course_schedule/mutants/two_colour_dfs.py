# Wrong: DFS with a single `visited` set: a diamond looks like a cycle (and recursion is deep).
def find_order(num_courses, prerequisites):
    needs = [[] for _ in range(num_courses)]
    for course, before in prerequisites:
        needs[course].append(before)
    visited = set()
    order = []

    def visit(course):
        if course in visited:
            return False
        visited.add(course)
        for before in needs[course]:
            if not visit(before):
                return False
        order.append(course)
        return True

    for course in range(num_courses):
        if course not in order and not visit(course):
            return None
    return order
