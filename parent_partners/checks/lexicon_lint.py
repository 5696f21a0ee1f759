"""Lint for lexicon rules: each rule proves itself on its own examples.

Run by ``partners lexicon lint`` (packaged rules and administrators' rules), by the admin
form before a new rule is saved, and by the test suite. A rule passes when:

- it has at least one ``should_flag`` and one ``should_not_flag`` example;
- the rule stage flags every ``should_flag`` sentence with this rule, and no
  ``should_not_flag`` sentence (so it matches something);
- it does not shadow another rule, nor is shadowed: over every example sentence of the
  lexicon, it is never the case that wherever one rule matches, another rule of the same
  kind matches the same words (the first would then add nothing).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .candidates import find_candidates
from .lexicon import Lexicon, Rule
from .text_scan import scan_rules


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one rule, said so that its author can mend it."""

    rule: str
    message: str
    # Which field the problem is in: should_flag, should_not_flag or patterns.
    field: str = "patterns"

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


def _quote(text: str) -> str:
    return f"“{text if len(text) <= 80 else text[:77] + '...'}”"


def example_problems(lexicon: Lexicon, rule: Rule) -> list[Problem]:
    """Missing examples, and examples the rule does not treat as they say."""
    problems: list[Problem] = []
    if not rule.should_flag:
        problems.append(Problem(rule.id, "has no should_flag example", "should_flag"))
    if not rule.should_not_flag:
        problems.append(Problem(rule.id, "has no should_not_flag example", "should_not_flag"))
    missed = 0
    for text in rule.should_flag:
        found = {f.rule for f in scan_rules(text, lexicon) if f.kind == rule.kind}
        if rule.id not in found:
            missed += 1
            instead = f" (flagged by {', '.join(sorted(found))} instead)" if found else ""
            problems.append(
                Problem(rule.id, f"does not flag {_quote(text)}{instead}", "should_flag")
            )
    if rule.should_flag and missed == len(rule.should_flag):
        problems.append(Problem(rule.id, "matches none of its should_flag examples"))
    for text in rule.should_not_flag:
        if any(f.rule == rule.id for f in scan_rules(text, lexicon)):
            problems.append(Problem(rule.id, f"flags {_quote(text)}", "should_not_flag"))
    return problems


def _matches(lexicon: Lexicon, texts: Iterable[str]) -> dict[int, list[tuple[int, int, int]]]:
    """Every rule's pattern matches over ``texts``: rule index -> (text number, start, end)."""
    found: dict[int, list[tuple[int, int, int]]] = {}
    for number, text in enumerate(texts):
        for start, end, ri in find_candidates(text, lexicon):
            found.setdefault(ri, []).append((number, start, end))
    return found


def _covered(inner: list[tuple[int, int, int]], outer: list[tuple[int, int, int]]) -> bool:
    """True when every match of ``inner`` overlaps some match of ``outer`` (same text)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for number, start, end in outer:
        spans.setdefault(number, []).append((start, end))
    return all(
        any(s < end and start < e for s, e in spans.get(number, ())) for number, start, end in inner
    )


def shadow_problems(lexicon: Lexicon, rule_ids: Iterable[str] | None = None) -> list[Problem]:
    """Rules that match only where another same-kind rule matches too, over every example."""
    texts = [t for r in lexicon.rules for t in (*r.should_flag, *r.should_not_flag)]
    matches = _matches(lexicon, texts)
    wanted = None if rule_ids is None else set(rule_ids)
    problems: list[Problem] = []
    for ai, a in enumerate(lexicon.rules):
        for bi, b in enumerate(lexicon.rules):
            if ai == bi or a.kind != b.kind or ai not in matches:
                continue
            if wanted is not None and not wanted & {a.id, b.id}:
                continue
            if _covered(matches[ai], matches.get(bi, [])):
                problems.append(
                    Problem(
                        a.id,
                        f"only matches where {b.id} (same kind) matches the same words, "
                        "so it adds nothing: narrow one of them or remove it",
                    )
                )
    return problems


def lint(lexicon: Lexicon, rule_ids: Iterable[str] | None = None) -> list[Problem]:
    """Every problem of the rules ``rule_ids`` (all rules when None) in ``lexicon``."""
    wanted = None if rule_ids is None else list(rule_ids)
    rules = [r for r in lexicon.rules if wanted is None or r.id in wanted]
    problems = [p for rule in rules for p in example_problems(lexicon, rule)]
    return problems + shadow_problems(lexicon, wanted)
