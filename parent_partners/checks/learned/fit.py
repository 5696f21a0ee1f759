"""Fitting the learned stage: logistic regression on sparse features (numpy and scipy).

Used by `make train-checker` (training/train_checker.py) and by the tests, which train a
tiny model with this same code. Deterministic: full-batch optimisation, no sampling.
scipy (the ``fit`` extra) is needed here only, never at run time: its compressed-row
products make a fit about four times faster than numpy's ``bincount``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..categories import categories_for
from .features import PEOPLE, counts_for_meaning, item_features, meaning_scale
from .model import HEADS
from .sentences import NAME, lead_tokens, sentences, tokens


def item_tokens(
    text: str, known: frozenset[str] | None = None
) -> list[tuple[list[str], list[str]]]:
    """Each sentence's tokens with the first words of the next, as the run-time stage reads
    (``known``: see sentences.tokens)."""
    units = list(sentences(text))
    out = []
    for i, u in enumerate(units):
        after = units[i + 1] if i + 1 < len(units) else None
        lead = lead_tokens(text, after.start, after.end) if after is not None else []
        out.append((tokens(text[u.start : u.end], known), lead))
    return out


def known_words(texts: Sequence[str]) -> list[str]:
    """The words the texts use in lower case, after a sentence's first word (sorted).

    A name is capitalised wherever it stands, so it is never among them; a model that
    keeps this list reads a capitalised first word outside it as a name. Who-words
    (features.PEOPLE: "Mr", "Mum") are always known: they say who, and are read as such.
    """
    seen: set[str] = {p for p in PEOPLE if p != NAME}
    for text in texts:
        for u in sentences(text):
            seen.update(t for t in tokens(text[u.start : u.end])[1:] if t != NAME)
    return sorted(t for t in seen if not t.startswith("q:"))


class Sparse:
    """Rows of feature counts, kept as compressed rows and columns for fast products."""

    def __init__(
        self, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, n_rows: int, n_cols: int
    ) -> None:
        """Build from the row ids, column ids and values of the non-zero cells."""
        from scipy import sparse  # training only: the run-time package never fits

        self.n_rows, self.n_cols = n_rows, n_cols
        self._by_row = sparse.csr_matrix((vals, (rows, cols)), shape=(n_rows, n_cols))
        # The transpose as its own row-compressed matrix: X.T @ g is then a row pass too.
        self._by_col = self._by_row.T.tocsr()

    def dot(self, w: np.ndarray) -> np.ndarray:
        """X @ w for a weight vector."""
        return np.asarray(self._by_row @ w)

    def tdot(self, g: np.ndarray) -> np.ndarray:
        """X.T @ g for a per-row vector."""
        return np.asarray(self._by_col @ g)


def vocabulary(feature_lists: Sequence[Sequence[str]], min_count: int = 2) -> list[str]:
    """Features present in at least ``min_count`` items, sorted (a stable column order)."""
    df: Counter[str] = Counter()
    for feats in feature_lists:
        df.update(set(feats))
    return sorted(f for f, c in df.items() if c >= min_count)


def matrix(feature_lists: Sequence[Sequence[str]], keys: Sequence[str]) -> Sparse:
    """The sparse count matrix of ``feature_lists`` over the columns ``keys``."""
    index = {k: i for i, k in enumerate(keys)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, feats in enumerate(feature_lists):
        counts = Counter(f for f in feats if f in index)
        for f, c in counts.items():
            rows.append(r)
            cols.append(index[f])
            vals.append(float(c))
    return Sparse(
        np.asarray(rows, dtype=np.int64),
        np.asarray(cols, dtype=np.int64),
        np.asarray(vals, dtype=np.float64),
        len(feature_lists),
        len(keys),
    )


def _adam(
    grad: Any, dim: tuple[int, ...], steps: int, rate: float
) -> tuple[np.ndarray, np.ndarray]:
    """Minimise with Adam from zero; ``grad(w, b)`` returns (loss gradient in w, in b)."""
    w = np.zeros(dim)
    b = np.zeros(dim[1:]) if len(dim) > 1 else np.zeros(1)
    m_w, v_w = np.zeros_like(w), np.zeros_like(w)
    m_b, v_b = np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        g_w, g_b = grad(w, b)
        m_w = beta1 * m_w + (1 - beta1) * g_w
        v_w = beta2 * v_w + (1 - beta2) * g_w * g_w
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b * g_b
        scale = rate * np.sqrt(1 - beta2**t) / (1 - beta1**t)
        w -= scale * m_w / (np.sqrt(v_w) + eps)
        b -= scale * m_b / (np.sqrt(v_b) + eps)
    return w, b


def fit_binary(
    x: Sparse | WithDense, y: np.ndarray, l2: float, steps: int = 300, rate: float = 0.05
) -> tuple[np.ndarray, float]:
    """Logistic regression with an L2 penalty: (weights, bias)."""
    n = max(1, x.n_rows)

    def grad(w: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        z = x.dot(w) + b[0]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = (p - y) / n
        return x.tdot(err) + l2 * w, np.array([err.sum()])

    w, b = _adam(grad, (x.n_cols,), steps, rate)
    return w, float(b[0])


def fit_softmax(
    x: Sparse, y: np.ndarray, classes: int, l2: float, steps: int = 300, rate: float = 0.05
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression with an L2 penalty: (weights (features, classes), bias)."""
    n = max(1, x.n_rows)
    onehot = np.zeros((x.n_rows, classes))
    onehot[np.arange(x.n_rows), y] = 1.0

    def grad(w: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        z = np.stack([x.dot(w[:, k]) for k in range(classes)], axis=1) + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        err = (p - onehot) / n
        g_w = np.stack([x.tdot(err[:, k]) for k in range(classes)], axis=1) + l2 * w
        return g_w, err.sum(axis=0)

    return _adam(grad, (x.n_cols, classes), steps, rate)


@dataclass
class WithDense:
    """A sparse block and a dense block side by side (columns: sparse first)."""

    sparse: Sparse
    dense: np.ndarray  # (rows, dims)

    @property
    def n_rows(self) -> int:
        """How many rows (items)."""
        return self.sparse.n_rows

    @property
    def n_cols(self) -> int:
        """How many columns, sparse and dense."""
        return self.sparse.n_cols + self.dense.shape[1]

    def dot(self, w: np.ndarray) -> np.ndarray:
        """X @ w for a weight vector."""
        cut = self.sparse.n_cols
        return self.sparse.dot(w[:cut]) + self.dense @ w[cut:]

    def tdot(self, g: np.ndarray) -> np.ndarray:
        """X.T @ g for a per-row vector."""
        return np.concatenate([self.sparse.tdot(g), self.dense.T @ g])


@dataclass
class WordTable:
    """Static word vectors (training/embeddings/): one row per word, scaled per dimension."""

    words: list[str]
    vectors: np.ndarray  # (words, dims), float64

    def __post_init__(self) -> None:
        """Index the words."""
        self.index = {w: i for i, w in enumerate(self.words)}

    def pooled(self, toks: Sequence[str]) -> tuple[np.ndarray, int]:
        """The mean vector of the words that count for meaning (words not in the table add
        0), and how many words counted.

        The run-time model adds the same thing as one folded number per word
        (model.LearnedModel.logits), so the two must agree on which words count.
        """
        counted = [t for t in toks if counts_for_meaning(t)]
        out = np.zeros(self.vectors.shape[1])
        at = [self.index[t] for t in counted if t in self.index]
        if at:
            out = self.vectors[at].sum(axis=0) / len(counted)
        return out, len(counted)


def load_table(directory: Path) -> WordTable:
    """The committed word table (words.txt, words.npy), each dimension scaled to unit spread."""
    words = (directory / "words.txt").read_text(encoding="utf-8").split()
    vectors = np.load(directory / "words.npy").astype(np.float64)
    spread = vectors.std(axis=0)
    return WordTable(words, vectors / np.where(spread > 0, spread, 1.0))


@dataclass
class Settings:
    """Hyper-parameters of one training run (recorded in the artefact)."""

    # The penalty is on the mean loss, so it weighs more as data grows: 1e-3 suited the first
    # 3,700 items and held the model back at 24,000 (training/README.md, seventh round).
    l2: float = 4e-5
    min_count: int = 2
    steps: int = 300
    with_pieces: bool = True
    with_skips: bool = True
    # Dimensions of the static word vectors read (0: none); see WordTable.
    embedding_dims: int = 0
    # A sentence of fewer counted words than this has its meaning term scaled down in
    # proportion (see meaning_scale): "Maybe." must not take its whole meaning from one word.
    meaning_min_words: int = 8


@dataclass
class Trained:
    """A fitted model in memory, before it is written out."""

    keys: list[str]
    weights: np.ndarray
    bias: np.ndarray
    category_ids: dict[str, list[str]]
    category_weights: dict[str, np.ndarray]
    category_bias: dict[str, np.ndarray]
    # Per word of the word table: its vector times the blame heads' dense weights (words, 2).
    # A sentence adds their mean over its counted words, less meaning_centre, times
    # features.meaning_scale.
    meaning_words: list[str] = field(default_factory=list)
    meaning_weights: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    # The mean sentence's meaning term per head, taken off each sentence's before scaling.
    meaning_centre: np.ndarray = field(default_factory=lambda: np.zeros(2))
    meaning_min_words: int = 0
    # Words seen in lower case (known_words); empty: the first word is never a name.
    known_words: list[str] = field(default_factory=list)


# Item features by text and settings: cross-validation fits one model per writer left out
# on the same items, and reading them once saves most of its Python time. A process
# trains with one list of known words at most, so whether there is one is in the key.
_FEATURES: dict[tuple[str, bool, bool, bool], list[str]] = {}


def _features(text: str, settings: Settings, known: frozenset[str] | None = None) -> list[str]:
    key = (text, settings.with_pieces, settings.with_skips, bool(known))
    found = _FEATURES.get(key)
    if found is None:
        found = item_features(item_tokens(text, known), settings.with_pieces, settings.with_skips)
        _FEATURES[key] = found
    return found


def warm_features(
    texts: Sequence[str], settings: Settings, known: frozenset[str] | None = None
) -> None:
    """Read the features of ``texts`` into the cache now (before forking workers that share it)."""
    for text in texts:
        _features(text, settings, known)


def _meaning(
    items: Sequence[dict[str, Any]],
    table: WordTable,
    min_words: int,
    known: frozenset[str] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per item, the sum over its sentences of their pooled word vectors, centred and scaled
    by meaning_scale; and the centre (the mean sentence)."""
    per_item = []
    for item in items:
        units = item_tokens(str(item["text"]), known)
        per_item.append([table.pooled(toks) for toks, _ in units])
    flat = [v for vs in per_item for v, _ in vs]
    centre = np.mean(flat, axis=0) if flat else np.zeros(table.vectors.shape[1])
    dense = np.zeros((len(items), len(centre)))
    for row, vs in enumerate(per_item):
        for v, n in vs:
            dense[row] += (v - centre) * meaning_scale(n, min_words)
    return dense, centre


def train(
    items: Sequence[dict[str, Any]],
    settings: Settings,
    table: WordTable | None = None,
    known: frozenset[str] | None = None,
) -> Trained:
    """Fit both blame heads and both category heads on labelled items.

    Each item needs "text", "child_blame", "parent_blame"; "child_category" and
    "parent_category" (ids from categories.py, or None) train the category heads. With a
    word table, the blame heads also read each sentence's mean word vector (its meaning,
    so a synonym the training data never used still counts); the category heads do not.
    With ``known`` words, a capitalised first word outside them is read as a name.
    """
    feats = [_features(str(i["text"]), settings, known) for i in items]
    keys = vocabulary(feats, settings.min_count)
    x = matrix(feats, keys)
    design: Sparse | WithDense = x
    centre = np.zeros(0)
    if table is not None:
        dense, centre = _meaning(items, table, settings.meaning_min_words, known)
        design = WithDense(x, dense)
    weights = np.zeros((len(keys), 2))
    bias = np.zeros(2)
    dense_w = np.zeros((len(centre), 2))
    for h, head in enumerate(HEADS):
        y = np.asarray([1.0 if i[head] else 0.0 for i in items])
        w, bias[h] = fit_binary(design, y, settings.l2, settings.steps)
        weights[:, h], dense_w[:, h] = w[: len(keys)], w[len(keys) :]
    meaning_words: list[str] = []
    meaning_weights = np.zeros((0, 2))
    meaning_centre = np.zeros(2)
    if table is not None:
        # Linear in the mean vector, so fold: each word's vector times the dense weights.
        meaning_words, meaning_weights = table.words, table.vectors @ dense_w
        meaning_centre = centre @ dense_w
    cat_ids: dict[str, list[str]] = {}
    cat_w: dict[str, np.ndarray] = {}
    cat_b: dict[str, np.ndarray] = {}
    for head in HEADS:
        ids = [c.id for c in categories_for(head)]
        field = "child_category" if head == "child_blame" else "parent_category"
        chosen = [r for r, i in enumerate(items) if i[head] and i.get(field) in ids]
        cat_ids[head] = ids
        if not chosen:
            cat_w[head] = np.zeros((len(keys), len(ids)))
            cat_b[head] = np.zeros(len(ids))
            continue
        sub = matrix([feats[r] for r in chosen], keys)
        y_cat = np.asarray([ids.index(str(items[r][field])) for r in chosen])
        cat_w[head], cat_b[head] = fit_softmax(sub, y_cat, len(ids), settings.l2, settings.steps)
    return Trained(
        keys,
        weights,
        bias,
        cat_ids,
        cat_w,
        cat_b,
        list(meaning_words),
        meaning_weights,
        meaning_centre,
        settings.meaning_min_words if table is not None else 0,
        sorted(known or ()),
    )


def data_hash(paths: Sequence[Path]) -> str:
    """SHA-256 over the training files' names and bytes, in name order."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def save(trained: Trained, directory: Path, meta: dict[str, Any]) -> None:
    """Write blame.npz (float32 weights) and blame.json (version, settings, figures)."""
    directory.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {
        "keys": np.asarray(trained.keys, dtype=np.str_),
        "weights": trained.weights.astype(np.float32),
        "bias": trained.bias.astype(np.float32),
    }
    for head in HEADS:
        arrays[f"cat_{head}"] = trained.category_weights[head].astype(np.float32)
        arrays[f"cat_bias_{head}"] = trained.category_bias[head].astype(np.float32)
    arrays["meaning_words"] = np.asarray(trained.meaning_words, dtype=np.str_)
    arrays["meaning_weights"] = trained.meaning_weights.astype(np.float32)
    arrays["meaning_centre"] = trained.meaning_centre.astype(np.float32)
    arrays["meaning_min_words"] = np.asarray(trained.meaning_min_words, dtype=np.int32)
    if trained.known_words:
        arrays["known_words"] = np.asarray(trained.known_words, dtype=np.str_)
    with (directory / "blame.npz").open("wb") as fh:
        np.savez_compressed(fh, **arrays)  # type: ignore[arg-type]
    full = {**meta, "categories": trained.category_ids}
    (directory / "blame.json").write_text(json.dumps(full, indent=1, sort_keys=True) + "\n")
