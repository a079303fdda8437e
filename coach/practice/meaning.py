"""How close a typed answer is in meaning to the model answer (and to the pitfall).

A static word-embedding model: each text is the mean of its tokens' vectors,
compared by cosine similarity. The weights and tokenizer ship inside the
``wordllama`` wheel (WordLlama "l2_supercat", 256 dimensions, 16 MB); they
are read from the installed package's files, never downloaded. The package
itself is not imported: its ``__init__`` configures the root logger and its
loader would try the network when a file is missing.

Loading takes a few hundred milliseconds, so a screen calls ``warm_up()``
early and scoring uses the model only once it is ready (``ready()``); the
CLI waits for it. Without the package, or with ``COACH_SEMANTIC=0``, the
signal is simply absent.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

_TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
_WEIGHTS = ("weights", "l2_supercat_256.safetensors")


def _files() -> tuple[Path, Path] | None:
    if os.environ.get("COACH_SEMANTIC", "1") == "0":
        return None
    return _installed()


@lru_cache(maxsize=1)
def _installed() -> tuple[Path, Path] | None:
    try:
        spec = importlib.util.find_spec("wordllama")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    tokenizer, weights = root.joinpath(*_TOKENIZER), root.joinpath(*_WEIGHTS)
    return (tokenizer, weights) if tokenizer.is_file() and weights.is_file() else None


@dataclass(frozen=True)
class _Model:
    tokenizer: Any
    vectors: Any  # numpy array, vocabulary x 256

    def embed(self, texts: list[str]) -> Any:
        import numpy as np

        rows = []
        # One text at a time: encode_batch hands a dozen short texts to a thread pool, whose
        # start-up costs more than the work and stalls on a busy machine.
        for text in texts:
            encoding = self.tokenizer.encode(text, add_special_tokens=False)
            ids = np.clip(np.asarray(encoding.ids, dtype=np.int64), 0, len(self.vectors) - 1)
            mean = self.vectors[ids].astype(np.float32).mean(axis=0) if len(ids) else \
                np.zeros(self.vectors.shape[1], dtype=np.float32)
            norm = float(np.linalg.norm(mean))
            rows.append(mean / norm if norm else mean)
        return np.vstack(rows)


class Meaning:
    """The model, loaded once per process, in the background if asked."""

    def __init__(self) -> None:
        self._model: _Model | None = None
        self._failed = False
        self._lock = threading.Lock()
        self._loaded = threading.Event()
        self._cards: dict[tuple[str, ...], Any] = {}

    def available(self) -> bool:
        return not self._failed and _files() is not None

    def ready(self) -> bool:
        return self._model is not None

    def warm_up(self) -> None:
        """Start loading in a background thread; returns at once."""
        if self.available() and not self._loaded.is_set():
            threading.Thread(target=self.load, name="coach-meaning", daemon=True).start()

    def load(self) -> bool:
        with self._lock:
            if self._model is None and not self._failed:
                files = _files()
                try:
                    if files is None:
                        raise FileNotFoundError("wordllama's files are not installed")
                    from safetensors.numpy import load_file
                    from tokenizers import Tokenizer

                    tokenizer = Tokenizer.from_file(str(files[0]))
                    tokenizer.no_padding()
                    tokenizer.no_truncation()
                    self._model = _Model(tokenizer, load_file(str(files[1]))["embedding.weight"])
                except Exception:
                    self._failed = True
            self._loaded.set()
        return self._model is not None

    def _refs(self, model: _Model, refs: tuple[str, ...]) -> Any:
        matrix = self._cards.get(refs)
        if matrix is None:
            matrix = self._cards[refs] = model.embed(list(refs))
        return matrix

    def prepare(self, refs: tuple[str, ...]) -> None:
        """Embed a card's reference texts ahead of time (when it is shown): scoring then embeds only the answer."""
        if self._model is not None:
            self._refs(self._model, refs)

    def similarities(self, texts: list[str], refs: tuple[str, ...]) -> list[list[float]] | None:
        """Cosine similarity of each text to each reference text; None if the model is not ready.

        The references (a card's texts) are embedded once and kept; an empty text is 0 to all.
        """
        model = self._model
        if model is None:
            return None
        grid = model.embed(texts) @ self._refs(model, refs).T
        return [[float(x) for x in row] for row in grid]

    def closeness(self, answer: str, model_answer: str, pitfall: str) -> tuple[float, float] | None:
        """Cosine similarity of ``answer`` to the model answer and to the pitfall; None if not ready."""
        grid = self.similarities([answer], (model_answer, pitfall))
        return None if grid is None else (grid[0][0], grid[0][1])


MEANING = Meaning()
