"""Lexicon rules as data: loading, validating, merging admin rules, compiling.

The packaged rules are in ``lexicon.toml`` (its header explains the format and the
pattern notation); administrators' rules have the same shape, as dicts.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick

from .categories import category_id
from .findings import TEXT_KINDS
from .patterns import SEP, PatternCompiler, PatternError

ROLES = ("child", "parent", "service", "other", "unknown")

# Everything that is not a letter or digit becomes a space, keeping offsets: anchors are then
# found only as whole words (or word starts), without any per-hit boundary check in Python.
_NON_WORD = "".join(chr(c) for c in range(128) if not chr(c).isalnum()) + "‘’“”—–…\u00a0"
_FOLD_TABLE = str.maketrans(_NON_WORD, " " * len(_NON_WORD))


def lower_aligned(text: str) -> str:
    """Lower-case ``text`` keeping every offset (a letter that lower-cases to two stays)."""
    low = text.lower()
    if len(low) != len(text):
        # A few characters (e.g. "İ") lower-case to two; keep offsets aligned.
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def fold_lowered(low: str) -> str:
    """Map punctuation/whitespace of lower-cased text to single spaces, keeping length."""
    return low.translate(_FOLD_TABLE)


def fold_for_anchors(text: str) -> str:
    """Lower-case and map punctuation/whitespace to single spaces, keeping length."""
    return fold_lowered(lower_aligned(text))


_REQUIRED = ("id", "kind", "patterns", "suggestions", "source", "note")


@dataclass(frozen=True)
class Rule:
    """One lexicon rule, compiled.

    ``subject`` lists the roles the wording must be about for the rule to apply
    (empty = any): it is how "hostile" about a parent differs from "hostile
    towards the men grooming his son".
    """

    id: str
    kind: str
    patterns: tuple[str, ...]
    suggestions: tuple[str, ...]
    source: str
    note: str
    subject: tuple[str, ...]
    regex: re.Pattern[str]
    anchors: frozenset[str]
    pattern_regexes: tuple[re.Pattern[str], ...] = ()
    pattern_anchors: tuple[frozenset[str], ...] = ()
    # Per pattern: (anchor word always starts the match, chars a match may start before it).
    pattern_reach: tuple[tuple[bool, int], ...] = ()
    # Per pattern: (next-word prefixes, previous-word suffixes), each None for no filter.
    pattern_neighbours: tuple[tuple[tuple[str, ...] | None, tuple[str, ...] | None], ...] = ()
    exclude_next: re.Pattern[str] | None = None
    exclude_prev: re.Pattern[str] | None = None
    unless_sentence: re.Pattern[str] | None = None
    # Wording that only fits a parent ("failed to protect her"): with a bare first name as
    # its subject, the rule treats the name as a parent's.
    name_as_parent: re.Pattern[str] | None = None
    # The blame category (see categories.py); admin rules may leave it out.
    category: str | None = None
    # Sentences the rule must flag, and sentences it must not (see lexicon_lint.py).
    should_flag: tuple[str, ...] = ()
    should_not_flag: tuple[str, ...] = ()

    @property
    def suggestion(self) -> str:
        """All suggestions as one line for display."""
        return " Or: ".join(self.suggestions)


@dataclass
class Lexicon:
    """The compiled rule set plus the first-stage trigger automaton."""

    rules: tuple[Rule, ...]
    macros: Mapping[str, Sequence[str]] = field(default_factory=dict)
    _automaton: Any = None

    def __post_init__(self) -> None:
        """Build the Aho-Corasick automaton over every rule's anchor words."""
        automaton = ahocorasick.Automaton()
        by_anchor: dict[str, set[tuple[int, int]]] = {}
        prefix_only: set[str] = set()
        for index, rule in enumerate(self.rules):
            for pindex, anchors in enumerate(rule.pattern_anchors):
                for anchor in anchors:
                    word = anchor.rstrip("*")
                    if anchor.endswith("*"):
                        prefix_only.add(word)
                    by_anchor.setdefault(word, set()).add((index, pindex))
        keyed: dict[str, set[tuple[int, int]]] = {}
        for word, targets in by_anchor.items():
            # Keys carry their word boundaries as spaces (see fold_for_anchors), so the
            # automaton never reports a hit inside another word. Value: (offset of the word
            # start from the key start, key length, (rule, pattern) pairs).
            key = " " + fold_for_anchors(word) + ("" if word in prefix_only else " ")
            merged = set(targets) | keyed.get(key, set())
            keyed[key] = merged
        for key, pairs in keyed.items():
            # Each target carries what the scanner needs, so the hot loop does no lookups:
            # (compiled pattern, anchor starts the match?, reach before anchor, rule index,
            # next-word prefixes or None, previous-word suffixes or None).
            flat = tuple(
                (
                    self.rules[ri].pattern_regexes[pi],
                    self.rules[ri].pattern_reach[pi][0],
                    self.rules[ri].pattern_reach[pi][1],
                    ri,
                    *self._neighbours(ri, pi, key),
                )
                for ri, pi in sorted(pairs)
            )
            # Key-level filters: when every target rejects on the next (previous) word, the
            # union of their word pieces lets the scanner skip the whole hit at once.
            nexts = [t[4] for t in flat]
            prevs = [t[5] for t in flat]
            key_next = _union(nexts)
            key_prev = _union(prevs)
            automaton.add_word(key, (len(key) - 1, flat, key_next, key_prev))
        if by_anchor:
            automaton.make_automaton()
        self._automaton = automaton

    def _neighbours(
        self, ri: int, pi: int, key: str
    ) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
        rule = self.rules[ri]
        if not key.endswith(" ") or pi >= len(rule.pattern_neighbours):
            return None, None  # prefix keys ("manipulat*") never filter
        return rule.pattern_neighbours[pi]

    @property
    def automaton(self) -> Any:
        """The first-stage automaton over fold_for_anchors(" " + text + " ")."""
        return self._automaton

    def trigger_words(self) -> list[str]:
        """Every anchor word the first stage looks for (used by the speed bench)."""
        words: set[str] = set()
        for rule in self.rules:
            words |= {a.rstrip("*") for a in rule.anchors}
        return sorted(words)

    def rule(self, rule_id: str) -> Rule:
        """Return the rule with ``rule_id`` (KeyError if absent)."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def _union(parts: list[tuple[str, ...] | None]) -> tuple[str, ...] | None:
    """All pieces of every filter, or None when any target has no filter."""
    if not parts or any(p is None for p in parts):
        return None
    return tuple(sorted({piece for p in parts if p is not None for piece in p}))


def _as_list(value: Any, name: str, rule_id: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError(f"rule {rule_id!r}: {name} must be a string or a list of strings")


def _context_regex(
    compiler: PatternCompiler, phrases: list[str], mode: str
) -> re.Pattern[str] | None:
    if not phrases:
        return None
    parts = []
    for phrase in phrases:
        inner = compiler.compile(phrase).regex
        parts.append(f"(?:{inner})")
    body = "|".join(parts)
    if mode == "next":
        return re.compile(r"[\s,'\"‘’“”]*(?:" + body + ")", re.IGNORECASE)
    if mode == "prev":
        return re.compile("(?:" + body + r")(?:" + SEP + r"|[\s,'\"‘’“”])*$", re.IGNORECASE)
    return re.compile(body, re.IGNORECASE)


def compile_rule(data: Mapping[str, Any], compiler: PatternCompiler) -> Rule:
    """Validate one rule dict (a ``[[rule]]`` of lexicon.toml) and compile it."""
    missing = [k for k in _REQUIRED if not data.get(k)]
    rule_id = str(data.get("id", "?"))
    if missing:
        raise ValueError(f"rule {rule_id!r} is missing {', '.join(missing)}")
    kind = str(data["kind"])
    if kind not in TEXT_KINDS:
        raise ValueError(f"rule {rule_id!r}: kind must be one of {TEXT_KINDS}")
    subject = tuple(_as_list(data.get("subject"), "subject", rule_id))
    bad_roles = [r for r in subject if r not in ROLES]
    if bad_roles:
        raise ValueError(f"rule {rule_id!r}: unknown subject roles {bad_roles}")
    raw_category = data.get("category")
    category = category_id(kind, str(raw_category)) if raw_category else None
    if raw_category and category is None:
        raise ValueError(f"rule {rule_id!r}: unknown category {raw_category!r} for {kind}")
    patterns = _as_list(data["patterns"], "patterns", rule_id)
    try:
        compiled = [compiler.compile(p) for p in patterns]
        exclude_next = _context_regex(
            compiler, _as_list(data.get("exclude_next"), "exclude_next", rule_id), "next"
        )
        exclude_prev = _context_regex(
            compiler, _as_list(data.get("exclude_prev"), "exclude_prev", rule_id), "prev"
        )
        unless = _context_regex(
            compiler, _as_list(data.get("unless_sentence"), "unless_sentence", rule_id), "any"
        )
        name_as_parent = _context_regex(
            compiler, _as_list(data.get("name_as_parent"), "name_as_parent", rule_id), "any"
        )
    except PatternError as exc:
        raise ValueError(f"rule {rule_id!r}: {exc}") from exc
    # Longer alternatives first so the reported span is the fullest phrase.
    ordered = sorted(compiled, key=lambda c: len(c.source), reverse=True)
    regex = re.compile("|".join(f"(?:{c.regex})" for c in ordered), re.IGNORECASE)
    anchors: frozenset[str] = frozenset().union(*(c.anchors for c in compiled))
    return Rule(
        id=rule_id,
        kind=kind,
        patterns=tuple(patterns),
        suggestions=tuple(_as_list(data["suggestions"], "suggestions", rule_id)),
        source=str(data["source"]),
        note=str(data["note"]),
        subject=subject,
        regex=regex,
        anchors=anchors,
        # The rule's exclude_next is folded into each pattern as a negative lookahead, so
        # "dealing with a lot" never even becomes a candidate.
        pattern_regexes=tuple(
            re.compile(
                c.regex + (f"(?!{exclude_next.pattern})" if exclude_next is not None else ""),
                re.IGNORECASE,
            )
            for c in compiled
        ),
        pattern_anchors=tuple(c.anchors for c in compiled),
        pattern_reach=tuple((c.anchor_first, c.before_chars) for c in compiled),
        pattern_neighbours=tuple((c.next_prefixes, c.prev_suffixes) for c in compiled),
        exclude_next=exclude_next,
        exclude_prev=exclude_prev,
        unless_sentence=unless,
        name_as_parent=name_as_parent,
        category=category,
        should_flag=tuple(_as_list(data.get("should_flag"), "should_flag", rule_id)),
        should_not_flag=tuple(_as_list(data.get("should_not_flag"), "should_not_flag", rule_id)),
    )


@lru_cache(maxsize=1)
def packaged_data() -> dict[str, Any]:
    """The packaged lexicon.toml as read: ``version``, ``macros`` and the ``rule`` list."""
    text = resources.files(__package__).joinpath("lexicon.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_lexicon(
    extra_rules: Iterable[Mapping[str, Any]] = (), disabled: Iterable[str] = ()
) -> Lexicon:
    """Build a lexicon from the packaged rules plus admin-added rules, minus disabled ids.

    An extra rule with the id of a packaged rule replaces it. Extra rules use the
    same shape as a ``[[rule]]`` of lexicon.toml; ``subject`` defaults to any role.
    """
    data = packaged_data()
    macros: dict[str, list[str]] = {k: list(v) for k, v in data.get("macros", {}).items()}
    rules: dict[str, Mapping[str, Any]] = {r["id"]: r for r in data["rule"]}
    for extra in extra_rules:
        if "id" not in extra:
            raise ValueError("an extra rule needs an id")
        rules[str(extra["id"])] = extra
    off = set(disabled)
    compiler = PatternCompiler(macros)
    compiled = tuple(compile_rule(r, compiler) for rid, r in rules.items() if rid not in off)
    return Lexicon(rules=compiled, macros=macros)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, compiled once per process."""
    return load_lexicon()
