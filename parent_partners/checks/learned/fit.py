"""Fitting the learned stage: logistic regression on sparse features, in numpy alone.

Used by `make train-checker` (training/train_checker.py) and by the tests, which train a
tiny model with this same code. Deterministic: full-batch optimisation, no sampling.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..categories import categories_for
from .features import item_features
from .model import HEADS
from .sentences import lead_tokens, sentences, tokens


def item_tokens(text: str) -> list[tuple[list[str], list[str]]]:
    """Each sentence's tokens with the first words of the next, as the run-time stage reads."""
    units = list(sentences(text))
    out = []
    for i, u in enumerate(units):
        after = units[i + 1] if i + 1 < len(units) else None
        lead = lead_tokens(text, after.start, after.end) if after is not None else []
        out.append((tokens(text[u.start : u.end]), lead))
    return out


@dataclass
class Sparse:
    """Rows of feature counts: row ids, column ids and values of the non-zero cells."""

    rows: np.ndarray
    cols: np.ndarray
    vals: np.ndarray
    n_rows: int
    n_cols: int

    def dot(self, w: np.ndarray) -> np.ndarray:
        """X @ w for a weight vector."""
        return np.bincount(self.rows, weights=self.vals * w[self.cols], minlength=self.n_rows)

    def tdot(self, g: np.ndarray) -> np.ndarray:
        """X.T @ g for a per-row vector."""
        return np.bincount(self.cols, weights=self.vals * g[self.rows], minlength=self.n_cols)


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
    x: Sparse, y: np.ndarray, l2: float, steps: int = 300, rate: float = 0.05
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
class Settings:
    """Hyper-parameters of one training run (recorded in the artefact)."""

    l2: float = 1e-3
    min_count: int = 2
    steps: int = 300
    with_pieces: bool = True
    with_skips: bool = True


@dataclass
class Trained:
    """A fitted model in memory, before it is written out."""

    keys: list[str]
    weights: np.ndarray
    bias: np.ndarray
    category_ids: dict[str, list[str]]
    category_weights: dict[str, np.ndarray]
    category_bias: dict[str, np.ndarray]


# Item features by text and settings: cross-validation fits one model per writer left out
# on the same items, and reading them once saves most of its Python time.
_FEATURES: dict[tuple[str, bool, bool], list[str]] = {}


def _features(text: str, settings: Settings) -> list[str]:
    key = (text, settings.with_pieces, settings.with_skips)
    found = _FEATURES.get(key)
    if found is None:
        found = item_features(item_tokens(text), settings.with_pieces, settings.with_skips)
        _FEATURES[key] = found
    return found


def train(items: Sequence[dict[str, Any]], settings: Settings) -> Trained:
    """Fit both blame heads and both category heads on labelled items.

    Each item needs "text", "child_blame", "parent_blame"; "child_category" and
    "parent_category" (ids from categories.py, or None) train the category heads.
    """
    feats = [_features(str(i["text"]), settings) for i in items]
    keys = vocabulary(feats, settings.min_count)
    x = matrix(feats, keys)
    weights = np.zeros((len(keys), 2))
    bias = np.zeros(2)
    for h, head in enumerate(HEADS):
        y = np.asarray([1.0 if i[head] else 0.0 for i in items])
        weights[:, h], bias[h] = fit_binary(x, y, settings.l2, settings.steps)
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
    return Trained(keys, weights, bias, cat_ids, cat_w, cat_b)


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
    with (directory / "blame.npz").open("wb") as fh:
        np.savez_compressed(fh, **arrays)  # type: ignore[arg-type]
    full = {**meta, "categories": trained.category_ids}
    (directory / "blame.json").write_text(json.dumps(full, indent=1, sort_keys=True) + "\n")
