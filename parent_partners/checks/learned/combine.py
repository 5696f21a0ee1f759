"""Putting the rule stage and the learned stage together into one list of findings.

Per sentence and per kind (child, parent):
- a rule finding stays, unless the learned stage is all but sure that neither the sentence
  nor the match's own clause blames (both probabilities under the "veto" threshold);
- with no rule finding, the learned stage flags the sentence when its probability
  reaches the kind's threshold; but never in a clause where the rules set a match of the
  same kind aside for its context (negated, quoted, challenged, advice about language,
  about someone else): the context analysis knows more about those words than the model
  does. Negation just
  before the words that carry the verdict, and the rules' language-advice check on them,
  stop it too, as does a verdict that no single word carries;
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
from functools import lru_cache
from typing import Any

from ..categories import category
from ..context import is_language_advice
from ..findings import Finding
from ..lexicon import Rule, default_lexicon
from .features import PEOPLE, START
from .model import HEADS, LearnedModel, default_model, sigmoid
from .sentences import Unit, clauses, lead_tokens, sentences, token_spans, tokens

_CACHE_SIZE = 50_000
# The least weight (log-odds) one word, with its pair (and its share of the sentence's
# meaning, for a model that reads word meanings), must add for a learned flag.
MIN_EVIDENCE = 1.1
# Negation right before the verdict's words ("Dad is not resistant"). Kept to the three
# words before them: "none of this would have happened" is hindsight blame, not a denial.
_NEGATIONS = frozenset(("not", "no", "never", "neither", "nor", "without", "cannot"))


class VerdictCache:
    """Bounded least-recently-used store of sentence verdicts, by model version and text.

    A rescan after a rule change meets the same sentences again, so it costs the rules only.
    """

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        """An empty cache holding at most ``size`` sentences."""
        self.size = size
        self._store: OrderedDict[tuple[object, ...], Any] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[object, ...]) -> Any:
        """The stored verdict for ``key`` (None if absent), marking it recently used."""
        found = self._store.get(key)
        if found is not None:
            self._store.move_to_end(key)
            self.hits += 1
        return found

    def put(self, key: tuple[object, ...], value: Any) -> None:
        """Store a verdict for ``key``, dropping the least recently used beyond the size."""
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


# Per sentence (with the start of the next): the two heads' log-odds.
VERDICTS = VerdictCache()
# Per sentence and head, once it passed a threshold: where a learned finding points and its
# category, or () when the context checks stop it. Rescans then cost the rules only.
DETAILS = VerdictCache()


def calibrated(model: LearnedModel, kind: str, logit: float) -> float:
    """The learned stage's confidence for a logit, after the fitted calibration."""
    a, b = model.meta.get("calibration", {}).get(kind, (1.0, 0.0))
    return round(sigmoid(a * logit + b), 3)


def rule_confidence(model: LearnedModel, rule_id: str) -> float:
    """A rule's measured precision (smoothed); rules without figures get the average."""
    table = model.meta.get("rule_precision", {})
    return round(float(table.get(rule_id, model.meta.get("rule_precision_default", 0.9))), 3)


def _sentence_key(model: LearnedModel, text: str, units: Sequence[Unit], i: int) -> tuple[str, ...]:
    u = units[i]
    after = units[i + 1] if i + 1 < len(units) else None
    following = text[after.start : after.start + 60] if after is not None else ""
    return (model.version, text[u.start : u.end], following)


def _logits(model: LearnedModel, text: str, units: Sequence[Unit], i: int) -> tuple[float, float]:
    key = _sentence_key(model, text, units, i)
    found: tuple[float, float] | None = VERDICTS.get(key)
    if found is None:
        following = key[2]
        lead = lead_tokens(following, 0, len(following)) if following else []
        found = model.logits(tokens(key[1]), lead)
        VERDICTS.put(key, found)
    return found


def evidence(model: LearnedModel, toks: Sequence[str], h: int) -> tuple[int, float]:
    """The token that adds most to head ``h`` (its weight, its pair's and its share of the
    sentence's meaning), and how much.

    Who-words (features.PEOPLE) never count as evidence: a sentence is not blaming
    because it is about mum.
    """
    best, best_at = -math.inf, 0
    prev = START
    shares = model.meaning_share(toks)
    for n, tok in enumerate(toks):
        if tok not in PEOPLE:
            weight = model.word_weight(tok)[h] + model.pair_weight(prev, tok)[h] + shares[n][h]
            if weight > best:
                best, best_at = weight, n
        prev = tok
    return best_at, best


def context_allows(model: LearnedModel, text: str, unit: Unit, h: int) -> bool:
    """The rules' context checks, applied to the words that carry the learned verdict.

    Negation just before them ("Dad is not resistant") and advice about language ("do not
    describe parents as hostile") hold for learned findings as they do for rule matches.
    And some words must carry the verdict: a sentence whose score is spread thinly over
    many words ("the safety plan and the places of concern") is not flagged.
    """
    toks = tokens(text[unit.start : unit.end])
    spans = token_spans(text, unit.start, unit.end)
    if not toks or len(spans) != len(toks):
        return True
    at, weight = evidence(model, toks, h)
    if weight < MIN_EVIDENCE:
        return False
    if any(t in _NEGATIONS or t.endswith("n't") for t in toks[max(0, at - 3) : at]):
        return False
    start, end = spans[at]
    if other_sense(text, start, end, HEADS[h]):
        return False
    return not is_language_advice(text, unit.start, start, end, unit.end)


@lru_cache(maxsize=1)
def _rules_by_anchor() -> dict[tuple[str, str], tuple[Rule, ...]]:
    found: dict[tuple[str, str], list[Rule]] = {}
    for rule in default_lexicon().rules:
        if rule.exclude_next is None and rule.exclude_prev is None:
            continue
        for word in rule.anchors:
            found.setdefault((rule.kind, word), []).append(rule)
    return {key: tuple(rules) for key, rules in found.items()}


def other_sense(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the lexicon says the word at text[start:end] is used in its other sense here.

    A rule's exclude_next and exclude_prev name the neighbours that give its phrase a sense
    that is not blame ("dealing with a lot", "the older dealers"); where the learned stage's
    verdict word starts one of the rule's phrases, they hold for it as for the rule's match.
    """
    for rule in _rules_by_anchor().get((kind, text[start:end].lower()), ()):
        # Only where one of the rule's own phrases starts at the word: "the line" says nothing
        # about "a fair trade" when "line" merely weighs most in that sentence.
        match = rule.regex.match(text, start)
        if match is None:
            continue
        if rule.exclude_next is not None and rule.exclude_next.match(text, match.end()):
            return True
        if rule.exclude_prev is not None and rule.exclude_prev.search(
            text, max(0, start - 80), start
        ):
            return True
    return False


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
    set_aside: dict[tuple[int, str], list[int]] = {}
    for start, kind in rejected:
        set_aside.setdefault((unit_of(start), kind), []).append(start)
    # Compared as log-odds, so plain sentences cost no exponentials.
    veto = _log_odds(mdl.threshold("veto"))
    limits = [_log_odds(mdl.threshold(kind)) for kind in HEADS]
    out: list[Finding] = []
    for i, unit in enumerate(units):
        logits = _logits(mdl, text, units, i)
        for h, kind in enumerate(HEADS):
            ruled = by_unit.get((i, kind))
            if ruled:
                out.extend(
                    _with_confidence(f, rule_confidence(mdl, f.rule))
                    for f in ruled
                    if logits[h] >= veto or rule_logit(mdl, text, unit, f, h) >= veto
                )
                continue
            if logits[h] < limits[h]:
                continue
            detail = learned_detail(mdl, kind, text, units, i)
            if detail and not left_to_rules(detail, unit, set_aside.get((i, kind), ())):
                out.append(_from_detail(mdl, kind, text, unit.start, detail, logits[h]))
    out.sort(key=lambda f: (f.start or 0, f.kind))
    return out


def learned_detail(
    model: LearnedModel, kind: str, text: str, units: Sequence[Unit], i: int
) -> tuple[str, int, int] | tuple[()]:
    """Where a learned finding of ``kind`` in sentence ``i`` would point (cached), see _detail."""
    key = (*_sentence_key(model, text, units, i), kind)
    detail = DETAILS.get(key)
    if detail is None:
        detail = _detail(model, kind, text, units, i)
        DETAILS.put(key, detail)
    return detail


def left_to_rules(detail: tuple[str, int, int], unit: Unit, set_aside: Sequence[int]) -> bool:
    """Whether the rules set aside a match of the same kind inside the finding's clause.

    There the context analysis (negated, quoted, challenged, about someone else) knows more
    about those words than the model does. A match set aside elsewhere in the sentence says
    nothing about this clause: in "He isn't a runner, and mum let things drift" the second
    clause still blames.
    """
    _, start, end = detail
    return any(unit.start + start <= at < unit.start + end for at in set_aside)


def rule_logit(model: LearnedModel, text: str, unit: Unit, finding: Finding, h: int) -> float:
    """The model's log-odds for the clause that holds a rule match.

    A veto needs the model sure of the sentence and of the match's own clause: "This is not
    about mum's parenting; Tyler simply chooses to go missing" blames in its second half.
    """
    at = finding.start or 0
    for part in clauses(text, unit.start, unit.end):
        if part.start <= at < max(part.end, part.start + 1):
            return model.logits(tokens(text[part.start : part.end]))[h]
    return -math.inf


def _detail(
    model: LearnedModel, kind: str, text: str, units: Sequence[Unit], i: int
) -> tuple[str, int, int] | tuple[()]:
    """A learned finding for a sentence the rules missed, as (category, clause start, clause
    end) relative to the sentence; () when the context checks forbid it."""
    unit = units[i]
    if not context_allows(model, text, unit, HEADS.index(kind)):
        return ()
    after = units[i + 1] if i + 1 < len(units) else None
    lead = lead_tokens(text, after.start, after.end) if after is not None else []
    h = HEADS.index(kind)
    cat_id, _ = model.category(kind, tokens(text[unit.start : unit.end]), lead)
    # The finding points at the clause that scores highest: the words that carry it.
    best = unit
    parts = clauses(text, unit.start, unit.end)
    if len(parts) > 1:
        best = max(parts, key=lambda c: model.logits(tokens(text[c.start : c.end]))[h])
    return (cat_id, best.start - unit.start, best.end - unit.start)


def _from_detail(
    model: LearnedModel,
    kind: str,
    text: str,
    at: int,
    detail: tuple[str, int, int],
    logit: float,
) -> Finding:
    cat_id, start, end = detail
    cat = category(cat_id)
    return Finding(
        kind=kind,
        rule=f"learned.{cat_id}",
        explanation=cat.explanation,
        suggestion=cat.suggestion,
        source=cat.source,
        start=at + start,
        end=at + end,
        matched=text[at + start : at + end],
        category=cat_id,
        confidence=calibrated(model, kind, logit),
    )


def _log_odds(p: float) -> float:
    """The logit of a probability threshold (0 and 1 map to minus and plus infinity)."""
    if p <= 0.0:
        return -math.inf
    if p >= 1.0:
        return math.inf
    return math.log(p / (1.0 - p))


def _with_confidence(finding: Finding, confidence: float) -> Finding:
    return replace(finding, confidence=confidence)
