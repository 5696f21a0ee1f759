"""Putting the rule stage and the learned stage together into one list of findings.

Per sentence and per kind (child, parent):
- a rule finding stays, unless the learned stage is all but sure that neither the sentence
  nor the match's own clause blames (both probabilities under the "veto" threshold);
- with no rule finding, the learned stage flags the sentence when its probability
  reaches the kind's threshold; but never in a clause where the rules set a match of the
  same kind aside for its context (negated, quoted, challenged, advice about language,
  about someone else), whether the clause the finding points at or the one holding the
  word that carries the verdict: the context analysis knows more about those words than
  the model does. Negation just before that word, and the rules' language-advice check
  on it, stop it too, as does a verdict that no single word carries;
- every finding gets a confidence: a rule's measured precision, or the learned stage's
  calibrated probability.
Thresholds were chosen by cross-validation for precision (training/README.md).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple

import ahocorasick

from ..categories import category
from ..context import is_language_advice
from ..findings import Finding
from ..lexicon import Rule, default_lexicon
from .features import PEOPLE, START
from .model import HEADS, LearnedModel, default_model, sigmoid
from .sentences import Unit, clauses, lead_tokens, sentences, token_spans

_CACHE_SIZE = 50_000
# The least weight (log-odds) one word, with its pair (and its share of the sentence's
# meaning, for a model that reads word meanings), must add for a learned flag: for models
# that do not record their own "min_evidence" (chosen with the thresholds in training).
MIN_EVIDENCE = 1.1
# Negation right before the verdict's words ("Dad is not resistant"). Kept to the three
# words before them: "none of this would have happened" is hindsight blame, not a denial.
_NEGATIONS = frozenset(("not", "no", "never", "neither", "nor", "without", "cannot"))
# Words that carry grammar, not a reading of anyone: like who-words, they never count as the
# word a verdict rests on. "So Bukola could challenge the plan where it did not fit life at
# home" must not be parent blame because "where" often stands in "did not know where he was".
# Negations, modals and "have" stay out of the list: hindsight blame ("had she checked the
# tablet, none of this would have happened") rests on them.
FUNCTION_WORDS = frozenset(
    [
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "there", "here",
        "and", "or", "but", "so", "if", "then", "than", "as", "of", "to", "in", "on", "at",
        "by", "for", "with", "from", "into", "onto", "about", "over", "under", "up", "down",
        "out", "off", "through", "where", "when", "what", "which", "who", "whom", "whose",
        "why", "how", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does",
        "did",
    ]
)


class Detail(NamedTuple):
    """Where a learned finding points, relative to its sentence, and why it was made."""

    category: str
    # The clause the finding points at: the one that scores highest.
    start: int
    end: int
    # The clause holding the single word that carries the verdict (often the same one).
    held_start: int
    held_end: int


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
        found = model.logits(model.tokens(key[1]), lead)
        VERDICTS.put(key, found)
    return found


def evidence(model: LearnedModel, toks: Sequence[str], h: int) -> tuple[int, float]:
    """The token that adds most to head ``h`` (its weight, its pair's and its share of the
    sentence's meaning), and how much.

    Who-words (features.PEOPLE) and FUNCTION_WORDS never count as evidence: a sentence is
    not blaming because it is about mum.
    """
    best, best_at = -math.inf, 0
    prev = START
    shares = model.meaning_share(toks)
    for n, tok in enumerate(toks):
        if tok not in PEOPLE and tok not in FUNCTION_WORDS:
            weight = model.word_weight(tok)[h] + model.pair_weight(prev, tok)[h] + shares[n][h]
            if weight > best:
                best, best_at = weight, n
        prev = tok
    return best_at, best


def verdict_word(model: LearnedModel, text: str, unit: Unit, h: int) -> tuple[int, int] | None:
    """The span of the word that carries the learned verdict, or None when the rules'
    context checks, applied to that word, forbid a learned finding.

    Negation just before it ("Dad is not resistant") and advice about language ("do not
    describe parents as hostile") hold for learned findings as they do for rule matches.
    And some word must carry the verdict: a sentence whose score is spread thinly over
    many words ("the safety plan and the places of concern") is not flagged.
    """
    toks = model.tokens(text[unit.start : unit.end])
    spans = token_spans(text, unit.start, unit.end)
    if not toks or len(spans) != len(toks):
        return (unit.start, unit.end)
    at, weight = evidence(model, toks, h)
    if weight < float(model.meta.get("min_evidence", MIN_EVIDENCE)):
        return None
    negations = [
        n for n in range(max(0, at - 3), at) if toks[n] in _NEGATIONS or toks[n].endswith("n't")
    ]
    if negations and not _negation_is_the_blame(model, toks, negations, h):
        return None
    start, end = spans[at]
    if other_sense(text, start, end, HEADS[h], unit):
        return None
    if is_language_advice(text, unit.start, start, end, unit.end):
        return None
    return (start, end)


def _negation_is_the_blame(
    model: LearnedModel, toks: Sequence[str], negations: Sequence[int], h: int
) -> bool:
    """Whether the model reads a negation before the verdict word as part of the blame
    ("does not engage", "did not secure the home", "no sense of danger"), not as a denial
    of it ("Mum is not hostile"): the sentence scores no lower with the negation than
    without it."""
    without = [t for n, t in enumerate(toks) if n not in negations]
    return model.logits(toks)[h] >= model.logits(without)[h]


# Characters either side of a verdict word within which a lexicon phrase taking it in lies.
_PHRASE_REACH = 80


class _SenseIndex(NamedTuple):
    """For one kind: the rules with word-sense exclusions, their patterns without the
    exclusion folded in, and an automaton over the patterns' anchors (as plain text)
    giving (rule, pattern) positions."""

    automaton: Any
    rules: tuple[Rule, ...]
    patterns: tuple[tuple[re.Pattern[str], ...], ...]


def _plain(rule: Rule, compiled: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern's regex without the rule's exclude_next lookahead (lexicon.compile_rule)."""
    if rule.exclude_next is None:
        return compiled
    suffix = f"(?!{rule.exclude_next.pattern})"
    body = compiled.pattern
    return re.compile(body[: -len(suffix)] if body.endswith(suffix) else body, re.IGNORECASE)


@lru_cache(maxsize=1)
def _rules_with_exclusions() -> dict[str, _SenseIndex]:
    """Per kind, the rules with word-sense exclusions, indexed by their patterns' anchors."""
    found: dict[str, list[Rule]] = {}
    for rule in default_lexicon().rules:
        if rule.exclude_next is not None or rule.exclude_prev is not None:
            found.setdefault(rule.kind, []).append(rule)
    out: dict[str, _SenseIndex] = {}
    for kind, rules in found.items():
        owners: dict[str, set[tuple[int, int]]] = {}
        for n, rule in enumerate(rules):
            for k, anchors in enumerate(rule.pattern_anchors):
                for anchor in anchors:
                    owners.setdefault(anchor.rstrip("*"), set()).add((n, k))
        automaton = ahocorasick.Automaton()
        for anchor, ids in owners.items():
            automaton.add_word(anchor, tuple(sorted(ids)))
        automaton.make_automaton()
        patterns = tuple(tuple(_plain(r, c) for c in r.pattern_regexes) for r in rules)
        out[kind] = _SenseIndex(automaton, tuple(rules), patterns)
    return out


def prepare() -> None:
    """Build the word-sense index now: it compiles some 600 patterns (about 0.2 s), which
    would otherwise fall on the first check that reaches other_sense."""
    _rules_with_exclusions()


def other_sense(text: str, start: int, end: int, kind: str, unit: Unit) -> bool:
    """Whether the lexicon says the word at text[start:end] is used in its other sense here.

    A rule's exclude_next and exclude_prev name the neighbours that give its phrase a sense
    that is not blame ("dealing with a lot", "won't listen to drill music", "is aggressive
    in defending her son"). Where one of the rule's phrases in the sentence ``unit`` takes
    in the learned stage's verdict word and is set aside by those neighbours, the word is
    read in that sense too; so is a word that is itself one of the rule's anchors and is
    followed by the rule's exclude_next, though no phrase matches ("chooses to go to the
    boxing gym"). A phrase elsewhere in the sentence says nothing about the word: "the
    line" is no reason to doubt "a fair trade".
    """
    # A phrase that takes in the word starts and ends near it; only rules with an anchor
    # in that stretch can match there.
    index = _rules_with_exclusions().get(kind)
    if index is None:
        return False
    lo, hi = max(unit.start, start - _PHRASE_REACH), min(unit.end, end + _PHRASE_REACH)
    # One pass finds every anchor in the stretch, overlapping ones included; only the
    # patterns owning one can match there, so only those are tried (a rule's whole
    # alternation over the stretch cost twice as much).
    near: dict[int, set[int]] = {}
    for _, owners in index.automaton.iter(text[lo:hi].lower()):
        for n, k in owners:
            near.setdefault(n, set()).add(k)
    word = text[start:end].lower()
    for n in sorted(near):
        rule = index.rules[n]
        if (
            rule.exclude_next is not None
            and word in rule.anchors
            and rule.exclude_next.match(text, end)
        ):
            return True
        for k in sorted(near[n]):
            if _excluded_phrase(rule, index.patterns[n][k], text, (lo, hi), (start, end)):
                return True
    return False


def _excluded_phrase(
    rule: Rule, pattern: re.Pattern[str], text: str, stretch: tuple[int, int], word: tuple[int, int]
) -> bool:
    """Whether a match of ``pattern`` in ``stretch`` takes in ``word`` and is set aside by
    the rule's exclusions."""
    (lo, hi), (start, end) = stretch, word
    for match in pattern.finditer(text, lo, hi):
        if match.start() > start:
            break
        if match.end() < end:
            continue
        if rule.exclude_next is not None and rule.exclude_next.match(text, match.end()):
            return True
        if rule.exclude_prev is not None and rule.exclude_prev.search(
            text, max(0, match.start() - 80), match.start()
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
) -> Detail | tuple[()]:
    """Where a learned finding of ``kind`` in sentence ``i`` would point (cached), see _detail."""
    key = (*_sentence_key(model, text, units, i), kind)
    detail = DETAILS.get(key)
    if detail is None:
        detail = _detail(model, kind, text, units, i)
        DETAILS.put(key, detail)
    return detail


def left_to_rules(detail: Detail, unit: Unit, set_aside: Sequence[int]) -> bool:
    """Whether the rules set aside a match of the same kind in the finding's clause, or in
    the clause holding the word that carries the verdict.

    There the context analysis (negated, quoted, challenged, about someone else, the
    word's other sense) knows more about those words than the model does: in "Mum is
    aggressive in defending her son and has pushed police to act" the verdict rests on
    "aggressive", which the rules read as advocacy. A match set aside elsewhere in the
    sentence says nothing about this clause: in "He isn't a runner, and mum let things
    drift" the second clause still blames.
    """
    spans = ((detail.start, detail.end), (detail.held_start, detail.held_end))
    return any(unit.start + a <= at < unit.start + b for a, b in spans for at in set_aside)


def rule_logit(model: LearnedModel, text: str, unit: Unit, finding: Finding, h: int) -> float:
    """The model's log-odds for the clause that holds a rule match.

    A veto needs the model sure of the sentence and of the match's own clause: "This is not
    about mum's parenting; Tyler simply chooses to go missing" blames in its second half.
    """
    at = finding.start or 0
    for part in clauses(text, unit.start, unit.end):
        if part.start <= at < max(part.end, part.start + 1):
            return model.logits(model.tokens(text[part.start : part.end]))[h]
    return -math.inf


def _detail(
    model: LearnedModel, kind: str, text: str, units: Sequence[Unit], i: int
) -> Detail | tuple[()]:
    """A learned finding for a sentence the rules missed, relative to the sentence; () when
    the context checks forbid it."""
    unit = units[i]
    h = HEADS.index(kind)
    word = verdict_word(model, text, unit, h)
    if word is None:
        return ()
    after = units[i + 1] if i + 1 < len(units) else None
    lead = lead_tokens(text, after.start, after.end) if after is not None else []
    cat_id, _ = model.category(kind, model.tokens(text[unit.start : unit.end]), lead)
    # The finding points at the clause that scores highest: the words that carry it.
    best = held = unit
    parts = clauses(text, unit.start, unit.end)
    if len(parts) > 1:
        best = max(parts, key=lambda c: model.logits(model.tokens(text[c.start : c.end]))[h])
        held = next((c for c in parts if c.start <= word[0] < max(c.end, c.start + 1)), unit)
    return Detail(
        cat_id,
        best.start - unit.start,
        best.end - unit.start,
        held.start - unit.start,
        held.end - unit.start,
    )


def _from_detail(
    model: LearnedModel,
    kind: str,
    text: str,
    at: int,
    detail: Detail,
    logit: float,
) -> Finding:
    cat_id, start, end = detail.category, detail.start, detail.end
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
