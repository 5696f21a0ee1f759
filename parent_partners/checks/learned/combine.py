"""Putting the rule stage and the learned stage together into one list of findings.

Per sentence and per kind (child, parent):
- a rule finding stays, unless the learned stage is all but sure the sentence does not
  blame (probability under the "veto" threshold);
- with no rule finding, the learned stage flags the sentence when its probability
  reaches the kind's threshold; but never where the rules set a match aside for its
  context (negated, quoted, challenged, advice about language, about someone else): the
  context analysis knows more about those words than the model does. The rules'
  negation and language-advice checks also run on the words that carry the verdict;
- every finding gets a confidence: a rule's measured precision, or the learned stage's
  calibrated probability.
Thresholds were chosen by cross-validation for precision (training/README.md).
"""

from __future__ import annotations

import bisect
import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace

from ..categories import category
from ..context import is_language_advice, is_negated
from ..findings import Finding
from .features import PEOPLE, START
from .model import HEADS, LearnedModel, default_model, sigmoid
from .sentences import Unit, clauses, lead_tokens, sentences, token_spans, tokens

_CACHE_SIZE = 50_000
# The least weight (log-odds) one word, with its pair, must add for a learned flag.
MIN_EVIDENCE = 1.1


class VerdictCache:
    """Bounded least-recently-used store of sentence verdicts, by model version and text.

    A rescan after a rule change meets the same sentences again, so it costs the rules only.
    """

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        """An empty cache holding at most ``size`` sentences."""
        self.size = size
        self._store: OrderedDict[tuple[str, str, str], tuple[float, float]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[str, str, str]) -> tuple[float, float] | None:
        """The stored logits for ``key``, marking it recently used."""
        found = self._store.get(key)
        if found is not None:
            self._store.move_to_end(key)
            self.hits += 1
        return found

    def put(self, key: tuple[str, str, str], value: tuple[float, float]) -> None:
        """Store logits for ``key``, dropping the least recently used beyond the size."""
        self.misses += 1
        self._store[key] = value
        if len(self._store) > self.size:
            self._store.popitem(last=False)

    def clear(self) -> None:
        """Forget every verdict (the speed bench measures a cold cache this way)."""
        self._store.clear()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        """How many sentences are stored."""
        return len(self._store)


VERDICTS = VerdictCache()


def calibrated(model: LearnedModel, kind: str, logit: float) -> float:
    """The learned stage's confidence for a logit, after the fitted calibration."""
    a, b = model.meta.get("calibration", {}).get(kind, (1.0, 0.0))
    return round(sigmoid(a * logit + b), 3)


def rule_confidence(model: LearnedModel, rule_id: str) -> float:
    """A rule's measured precision (smoothed); rules without figures get the average."""
    table = model.meta.get("rule_precision", {})
    return round(float(table.get(rule_id, model.meta.get("rule_precision_default", 0.9))), 3)


def _logits(model: LearnedModel, text: str, units: Sequence[Unit], i: int) -> tuple[float, float]:
    u = units[i]
    sentence = text[u.start : u.end]
    after = units[i + 1] if i + 1 < len(units) else None
    following = text[after.start : after.start + 60] if after is not None else ""
    key = (model.version, sentence, following)
    found = VERDICTS.get(key)
    if found is None:
        lead = lead_tokens(following, 0, len(following)) if following else []
        found = model.logits(tokens(sentence), lead)
        VERDICTS.put(key, found)
    return found


def evidence(model: LearnedModel, toks: Sequence[str], h: int) -> tuple[int, float]:
    """The token that adds most to head ``h`` (its weight and its pair's), and how much.

    Who-words (features.PEOPLE) never count as evidence: a sentence is not blaming
    because it is about mum.
    """
    best, best_at = -math.inf, 0
    prev = START
    for n, tok in enumerate(toks):
        if tok not in PEOPLE:
            weight = model.word_weight(tok)[h] + model.pair_weight(prev, tok)[h]
            if weight > best:
                best, best_at = weight, n
        prev = tok
    return best_at, best


def context_allows(model: LearnedModel, text: str, unit: Unit, h: int) -> bool:
    """The rules' context checks, applied to the words that carry the learned verdict.

    Negation ("Dad is not resistant") and advice about language ("do not describe parents
    as hostile") hold for learned findings as they do for rule matches. And some words must
    carry the verdict: a sentence whose score is spread thinly over many words ("the safety
    plan and the places of concern") is not flagged.
    """
    toks = tokens(text[unit.start : unit.end])
    spans = token_spans(text, unit.start, unit.end)
    if not toks or len(spans) != len(toks):
        return True
    at, weight = evidence(model, toks, h)
    if weight < MIN_EVIDENCE:
        return False
    start, end = spans[at]
    return not (
        is_negated(text, unit.start, start, end, unit.end)
        or is_language_advice(text, unit.start, start, end, unit.end)
    )


def _learned_finding(
    model: LearnedModel, kind: str, text: str, unit: Unit, lead: list[str], logit: float
) -> Finding:
    """A finding for a sentence the rules missed: its category and its strongest clause."""
    h = HEADS.index(kind)
    cat_id, _ = model.category(kind, tokens(text[unit.start : unit.end]), lead)
    best = unit
    parts = clauses(text, unit.start, unit.end)
    if len(parts) > 1:
        best = max(parts, key=lambda c: model.logits(tokens(text[c.start : c.end]))[h])
    cat = category(cat_id)
    return Finding(
        kind=kind,
        rule=f"learned.{cat_id}",
        explanation=cat.explanation,
        suggestion=cat.suggestion,
        source=cat.source,
        start=best.start,
        end=best.end,
        matched=text[best.start : best.end],
        category=cat_id,
        confidence=calibrated(model, kind, logit),
    )


def combine(
    text: str,
    rule_findings: Sequence[Finding],
    rejected: Sequence[tuple[int, str]] = (),
    model: LearnedModel | None = None,
) -> list[Finding]:
    """Rule findings plus learned ones, each with a confidence, in text order."""
    mdl = model if model is not None else default_model()
    units = list(sentences(text))
    if not units:
        return list(rule_findings)
    starts = [u.start for u in units]

    def unit_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    by_unit: dict[tuple[int, str], list[Finding]] = {}
    for f in rule_findings:
        by_unit.setdefault((unit_of(f.start or 0), f.kind), []).append(f)
    # A sentence where the rules set any match aside for its context is left to the rules.
    set_aside = {unit_of(start) for start, _ in rejected}
    # Compared as log-odds, so plain sentences cost no exponentials.
    veto = _log_odds(mdl.threshold("veto"))
    limits = [_log_odds(mdl.threshold(kind)) for kind in HEADS]
    out: list[Finding] = []
    for i, unit in enumerate(units):
        logits = _logits(mdl, text, units, i)
        for h, kind in enumerate(HEADS):
            ruled = by_unit.get((i, kind))
            if ruled:
                if logits[h] >= veto:
                    out.extend(
                        _with_confidence(f, rule_confidence(mdl, f.rule)) for f in ruled
                    )
                continue
            if logits[h] < limits[h] or i in set_aside:
                continue
            if not context_allows(mdl, text, unit, h):
                continue
            after = units[i + 1] if i + 1 < len(units) else None
            lead = lead_tokens(text, after.start, after.end) if after is not None else []
            out.append(_learned_finding(mdl, kind, text, unit, lead, logits[h]))
    out.sort(key=lambda f: (f.start or 0, f.kind))
    return out


def _log_odds(p: float) -> float:
    """The logit of a probability threshold (0 and 1 map to minus and plus infinity)."""
    if p <= 0.0:
        return -math.inf
    if p >= 1.0:
        return math.inf
    return math.log(p / (1.0 - p))


def _with_confidence(finding: Finding, confidence: float) -> Finding:
    return replace(finding, confidence=confidence)
