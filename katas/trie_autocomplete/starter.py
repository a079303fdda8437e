class Trie:
    """A set of words with fast prefix queries."""

    def __init__(self) -> None:
        pass

    def insert(self, word: str) -> None:
        """Add `word`; ValueError if it is empty."""
        raise NotImplementedError("write insert()")

    def __contains__(self, word: object) -> bool:
        """Was exactly this word inserted?"""
        raise NotImplementedError("write __contains__()")

    def starts_with(self, prefix: str) -> bool:
        """Does any inserted word start with `prefix`?"""
        raise NotImplementedError("write starts_with()")

    def complete(self, prefix: str, limit: int = 10) -> list[str]:
        """Up to `limit` inserted words starting with `prefix`, in lexicographic order."""
        raise NotImplementedError("write complete()")

    def __len__(self) -> int:
        raise NotImplementedError("write __len__()")
