# Wrong: rescans every course to find one that is ready: O(V^2) on a long chain.
def find_order(num_courses, prerequisites):
    needs = [set() for _ in range(num_courses)]
    for course, before in prerequisites:
        needs[course].add(before)
    taken = set()
    order = []
    while len(order) < num_courses:
        for course in range(num_courses):
            if course not in taken and needs[course] <= taken:
                taken.add(course)
                order.append(course)
                break
        else:
            return None
    return order
