import pytest

from valid_parentheses import is_valid


def check(s):
    result = is_valid(s)
    assert type(result) is bool, f"is_valid must return True or False, got {type(result).__name__}: {result!r}"
    return result


@pytest.mark.parametrize(
    "s",
    ["", "()", "[]", "{}", "()[]{}", "{[]}", "([{}])", "(()(()))", "{}[()()]{[()]}", "((([[[{{{}}}]]])))"],
)
def test_valid(s):
    assert check(s) is True


@pytest.mark.parametrize(
    "s",
    ["(", ")", "(]", "([)]", "(((", ")))", "(()", "())", ")(", "][", "}{", "[(])", "{[}]", "([]", "()]"],
)
def test_invalid(s):
    assert check(s) is False


@pytest.mark.parametrize(
    "s",
    ["a(b)c", "print(a[0])", "f(x, {'k': [1, 2]})", "x < y and (a > b)", "no brackets at all", "  ", "«(»)"],
)
def test_other_characters_are_ignored(s):
    assert check(s) is True


@pytest.mark.parametrize("s", ["a)b(c", "f(x]", "print(a[0)]", "(<)>]", "x > (y"])
def test_other_characters_do_not_hide_errors(s):
    assert check(s) is False


def test_a_closer_with_nothing_open():
    assert check("}") is False
    assert check("()]") is False
    assert check("a]") is False


def test_openers_left_at_the_end():
    assert check("{") is False
    assert check("()(") is False
    assert check("[[]") is False


@pytest.mark.timeout(1)
def test_deep_nesting_in_linear_time():
    # 100,000 levels deep: recursion overflows, and removing "()" pairs one
    # replace() at a time takes quadratic time.
    depth = 100_000
    nested = "(" * depth + "[" + "{}" + "]" + ")" * depth
    assert check(nested) is True
    assert check(nested[:-1]) is False
    assert check(nested[:depth] + "]" + nested[depth + 1:]) is False


@pytest.mark.timeout(1)
def test_long_flat_input():
    assert check("()[]{}" * 50_000) is True
    assert check("()[]{}" * 50_000 + "(") is False
    assert check(")" + "()[]{}" * 50_000) is False
