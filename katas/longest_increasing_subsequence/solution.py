from bisect import bisect_left


def length_of_lis(nums: list[int]) -> int:
    """Return the length of the longest strictly increasing subsequence.

    Patience sorting: tails[L] is the smallest value that ends an increasing
    subsequence of length L + 1 so far; it stays sorted, so each number
    finds its place by binary search. O(n log n) time, O(n) space.
    """
    tails: list[int] = []
    for x in nums:
        i = bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)
