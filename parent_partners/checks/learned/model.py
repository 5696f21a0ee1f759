"""The shipped learned model: loading it and scoring sentences with plain Python and numpy.

The model is linear, so a word's weight and the weights of its pieces add up to one
number per head, worked out once at load time; scoring a sentence is then a handful of
dictionary look-ups. Word pieces are summed on the fly only for words the model never
saw in training (typos, names).
"""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..findings import TEXT_KINDS
from .features import (
    END,
    NEXT_WORDS,
    PEOPLE,
    START,
    counts_for_meaning,
    meaning_scale,
    pieces,
)
from .sentences import tokens as read_tokens

HEADS = TEXT_KINDS  # one head per blame kind
# word -> (child weight, parent weight, {word before: pair}, {word two before: skip pair},
#          child meaning weight, parent meaning weight, 1 if it counts for meaning else 0)
_WordEntry = tuple[
    float,
    float,
    dict[str, tuple[float, float]],
    dict[str, tuple[float, float]],
    float,
    float,
    int,
]
MODEL_DIR = Path(str(resources.files("parent_partners.checks").joinpath("model")))
_UNSEEN_CACHE = 20_000


def sigmoid(x: float) -> float:
    """The logistic function, safe for large |x|."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass
class LearnedModel:
    """Weights of the two blame heads and the two category heads, plus their settings."""

    version: str
    keys: list[str]
    weights: np.ndarray  # (features, 2): child and parent blame heads
    bias: np.ndarray  # (2,)
    category_ids: dict[str, list[str]]  # kind -> category ids in output order
    category_weights: dict[str, np.ndarray]  # kind -> (features, categories)
    category_bias: dict[str, np.ndarray]
    meta: dict[str, Any]
    # Static word vectors folded into the blame heads (fit.WordTable): word -> (child,
    # parent); a sentence adds their mean over the words that count for meaning.
    meaning: dict[str, tuple[float, float]] = field(default_factory=dict)
    # The mean sentence's meaning term (child, parent), taken off before scaling, and the
    # counted words from which a sentence's meaning term counts in full (0: always; models
    # trained before the scaling have the centre in the bias).
    meaning_centre: tuple[float, float] = (0.0, 0.0)
    meaning_min_words: int = 0
    # Words seen in lower case in training: a capitalised first word outside them is read
    # as a name (sentences.tokens). Empty for models trained before that reading.
    known_words: frozenset[str] = frozenset()
    _index: dict[str, int] = field(default_factory=dict)
    _words: dict[str, tuple[float, float]] = field(default_factory=dict)
    # Pairs and skip pairs keyed by (first word, second word): a tuple of two words hashes
    # from their cached string hashes, where a joined "a b" key would be built and hashed anew.
    _pairs: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    _next: dict[str, tuple[float, float]] = field(default_factory=dict)
    _skips: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    # word -> (child weight, parent weight, {word before: pair}, {word two before: skip pair})
    _by_word: dict[str, _WordEntry] = field(default_factory=dict)
    _unseen: OrderedDict[str, tuple[float, float]] = field(default_factory=OrderedDict)
    # Category heads, folded the same way: feature -> row of summed weights per kind.
    _cat_rows: dict[str, np.ndarray] = field(default_factory=dict)
    _cat_row_of: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Fold each word's pieces into its own weight (the model is linear)."""
        self._index = {k: i for i, k in enumerate(self.keys)}
        self._fold_categories()
        rows = self.weights.tolist()
        for key, (wc, wp) in zip(self.keys, rows, strict=True):
            if key.startswith("b:"):
                self._pairs[_split_pair(key[2:])] = (wc, wp)
            elif key.startswith("n:"):
                self._next[key[2:]] = (wc, wp)
            elif key.startswith("k:"):
                self._skips[_split_pair(key[2:])] = (wc, wp)
        for key in self.keys:
            if key.startswith("w:"):
                word = key[2:]
                self._words[word] = self._word_total(word, rows)
        # Who-words weigh nothing alone (features.PEOPLE), not even through their pieces.
        for word in PEOPLE:
            self._words[word] = (0.0, 0.0)
        self._build_by_word()

    def _build_by_word(self) -> None:
        """Per word: its own weights, and the pairs and skip pairs that end in it by first word.

        logits() then looks a word up once and its pairs in small dictionaries keyed by the
        word before, instead of building a key for every pair.
        """
        ending = {END, *self._words, *self.meaning}
        ending.update(second for _, second in self._pairs)
        ending.update(second for _, second in self._skips)
        for word in ending:
            wc, wp = self._word(word) if word != END else (0.0, 0.0)
            mc, mp = self.meaning.get(word, (0.0, 0.0))
            counted = int(word != END and counts_for_meaning(word))
            self._by_word[word] = (wc, wp, {}, {}, mc, mp, counted)
        self._unseen.clear()
        for (first, second), weights in self._pairs.items():
            self._by_word[second][2][first] = weights
        for (first, second), weights in self._skips.items():
            self._by_word[second][3][first] = weights

    def _fold_categories(self) -> None:
        """One row per word (its pieces added in), pair and next-sentence word."""
        parts: list[list[int]] = []
        for key in self.keys:
            at = [self._index[key]]
            if key.startswith("w:") and not key.startswith("w:q:"):
                at += [self._index[p] for p in pieces(key[2:]) if p in self._index]
            if key[:2] in ("w:", "b:", "n:", "k:"):
                self._cat_row_of[key] = len(parts)
                parts.append(at)
        flat = np.asarray([i for at in parts for i in at], dtype=np.int64)
        starts = np.cumsum([0] + [len(at) for at in parts[:-1]]).astype(np.int64)
        for kind, w in self.category_weights.items():
            self._cat_rows[kind] = np.add.reduceat(w[flat], starts, axis=0) if len(parts) else w[:0]

    def _word_total(self, word: str, rows: list[list[float]]) -> tuple[float, float]:
        wc = wp = 0.0
        own = self._index.get("w:" + word)
        if own is not None:
            wc, wp = rows[own][0], rows[own][1]
        if not word.startswith("q:"):
            for piece in pieces(word):
                at = self._index.get(piece)
                if at is not None:
                    wc += rows[at][0]
                    wp += rows[at][1]
        return wc, wp

    def _word(self, word: str) -> tuple[float, float]:
        known = self._words.get(word)
        if known is not None:
            return known
        known = self._unseen.get(word)
        if known is None:
            wc = wp = 0.0
            if not word.startswith("q:"):
                w = self.weights
                for piece in pieces(word):
                    at = self._index.get(piece)
                    if at is not None:
                        wc += float(w[at, 0])
                        wp += float(w[at, 1])
            known = (wc, wp)
            self._unseen[word] = known
            if len(self._unseen) > _UNSEEN_CACHE:
                self._unseen.popitem(last=False)
        return known

    def word_weight(self, word: str) -> tuple[float, float]:
        """A word's weight per head, its pieces included."""
        return self._word(word)

    def meaning_share(self, toks: Sequence[str]) -> list[tuple[float, float]]:
        """What each word adds through the sentence's mean word vector, per head."""
        counted = sum(1 for t in toks if counts_for_meaning(t))
        if not counted or not self.meaning:
            return [(0.0, 0.0)] * len(toks)
        zero = (0.0, 0.0)
        part = self.meaning_scale(counted) / counted
        return [
            (w[0] * part, w[1] * part)
            for w in (self.meaning.get(t, zero) if counts_for_meaning(t) else zero for t in toks)
        ]

    def meaning_scale(self, counted: int) -> float:
        """How much of a sentence's meaning term counts (features.meaning_scale)."""
        return meaning_scale(counted, self.meaning_min_words)

    def pair_weight(self, prev: str, word: str) -> tuple[float, float]:
        """The weight per head of two neighbouring words (0 for pairs never seen)."""
        return self._pairs.get((prev, word), (0.0, 0.0))

    def logits(self, toks: Sequence[str], next_toks: Sequence[str] = ()) -> tuple[float, float]:
        """Child and parent blame scores (log-odds) of one sentence.

        Weights are added one at a time in the order the features are read (word, pair,
        skip pair, word by word), so a score is the same to the last bit however it is sped up.
        The meaning weights (static word vectors, folded) are summed apart and added as
        their mean over the words that count for meaning.
        """
        c = float(self.bias[0])
        p = float(self.bias[1])
        mc = mp = 0.0
        counted = 0
        by_word = self._by_word.get
        prev2 = prev = START
        for n, tok in enumerate(toks):
            entry = by_word(tok)
            if entry is None:
                # A word the model has in no pair and no vector for: its pieces only.
                wc, wp = self._word(tok)
                c += wc
                p += wp
                counted += not tok.startswith("q:")
            else:
                c += entry[0]
                p += entry[1]
                mc += entry[4]
                mp += entry[5]
                counted += entry[6]
                pair = entry[2].get(prev)
                if pair is not None:
                    c += pair[0]
                    p += pair[1]
                # No skip pair for the first word (features.sentence_features reads none there).
                if n:
                    pair = entry[3].get(prev2)
                    if pair is not None:
                        c += pair[0]
                        p += pair[1]
            prev2, prev = prev, tok
        pair = self._by_word[END][2].get(prev)
        if pair is not None:
            c += pair[0]
            p += pair[1]
        if counted:
            scale = self.meaning_scale(counted)
            c += (mc / counted - self.meaning_centre[0]) * scale
            p += (mp / counted - self.meaning_centre[1]) * scale
        nexts = self._next.get
        for tok in next_toks[:NEXT_WORDS]:
            nxt = nexts(tok)
            if nxt is not None:
                c += nxt[0]
                p += nxt[1]
        return c, p

    def probabilities(
        self, toks: Sequence[str], next_toks: Sequence[str] = ()
    ) -> tuple[float, float]:
        """Child and parent blame probabilities of one sentence."""
        c, p = self.logits(toks, next_toks)
        return sigmoid(c), sigmoid(p)

    def category(
        self, kind: str, toks: Sequence[str], next_toks: Sequence[str] = ()
    ) -> tuple[str, float]:
        """The most likely category of a blaming sentence of ``kind``, and its probability."""
        row_of = self._cat_row_of
        keys = ["w:" + t for t in toks]
        keys += ["b:" + a + " " + b for a, b in zip([START, *toks], [*toks, END], strict=True)]
        keys += ["k:" + a + " " + b for a, b in zip([START, *toks], toks[1:], strict=False)]
        keys += ["n:" + t for t in next_toks[:NEXT_WORDS]]
        rows = [row_of[k] for k in keys if k in row_of]
        scores = self.category_bias[kind].astype(np.float64)
        if rows:
            scores = scores + self._cat_rows[kind][rows].sum(axis=0)
        unseen = [
            t for t in toks if "w:" + t not in row_of and not t.startswith("q:") and t not in PEOPLE
        ]
        if unseen:
            # Words the model never saw (typos): their pieces, summed here.
            at = [self._index[p] for t in unseen for p in pieces(t) if p in self._index]
            if at:
                scores = scores + self.category_weights[kind][at].sum(axis=0)
        scores = np.exp(scores - scores.max())
        probs = scores / scores.sum()
        best = int(np.argmax(probs))
        return self.category_ids[kind][best], float(probs[best])

    def tokens(self, text: str) -> list[str]:
        """The tokens of ``text`` as this model was trained to read them."""
        return read_tokens(text, self.known_words or None)

    def threshold(self, name: str) -> float:
        """A decision threshold from the model's settings (see training/README.md)."""
        return float(self.meta["thresholds"][name])


def load_model(directory: Path | None = None) -> LearnedModel:
    """Read the model artefact (blame.npz and blame.json) from ``directory``."""
    where = directory or MODEL_DIR
    meta = json.loads((where / "blame.json").read_text(encoding="utf-8"))
    with np.load(where / "blame.npz", allow_pickle=False) as data:
        keys = [str(k) for k in data["keys"]]
        cat_ids = {kind: list(meta["categories"][kind]) for kind in HEADS}
        return LearnedModel(
            version=str(meta["version"]),
            keys=keys,
            weights=data["weights"].astype(np.float64),
            bias=data["bias"].astype(np.float64),
            category_ids=cat_ids,
            category_weights={k: data[f"cat_{k}"].astype(np.float64) for k in HEADS},
            category_bias={k: data[f"cat_bias_{k}"].astype(np.float64) for k in HEADS},
            meta=meta,
            meaning=_meaning(data),
            meaning_centre=_meaning_centre(data),
            meaning_min_words=int(data["meaning_min_words"]) if "meaning_min_words" in data else 0,
            known_words=frozenset(str(w) for w in data["known_words"])
            if "known_words" in data
            else frozenset(),
        )


def _meaning(data: Any) -> dict[str, tuple[float, float]]:
    """The folded word-vector weights of an artefact (none in one trained without them)."""
    if "meaning_words" not in data:
        return {}
    words = [str(w) for w in data["meaning_words"]]
    rows = data["meaning_weights"].astype(np.float64).tolist()
    return {w: (r[0], r[1]) for w, r in zip(words, rows, strict=True)}


def _meaning_centre(data: Any) -> tuple[float, float]:
    """The mean sentence's meaning term of an artefact ((0, 0) where the bias holds it)."""
    if "meaning_centre" not in data:
        return (0.0, 0.0)
    c, p = data["meaning_centre"].astype(np.float64).tolist()
    return (c, p)


def _split_pair(words: str) -> tuple[str, str]:
    """A pair feature's two words ("mum failed" -> ("mum", "failed")); tokens hold no spaces."""
    first, _, second = words.partition(" ")
    return first, second


@lru_cache(maxsize=1)
def default_model() -> LearnedModel:
    """The packaged model, loaded once per process."""
    return load_model()
