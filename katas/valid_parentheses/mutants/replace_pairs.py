# Wrong: deletes '()', '[]' and '{}' pairs until none are left: O(n^2) and wrong with other characters between
def is_valid(s: str) -> bool:
    s = "".join(c for c in s if c in "()[]{}")
    while True:
        shorter = s.replace("()", "").replace("[]", "").replace("{}", "")
        if shorter == s:
            return s == ""
        s = shorter
