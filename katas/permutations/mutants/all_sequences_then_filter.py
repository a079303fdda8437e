# Wrong: tries every number at every position and drops sequences with repeats: n**n work for n! answers.
def permutations(nums):
    result = []
    path = []

    def build():
        if len(path) == len(nums):
            if len(set(path)) == len(path):
                result.append(path[:])
            return
        for x in nums:
            path.append(x)
            build()
            path.pop()

    build()
    return result
