"""Every rule's own examples, and the lint that holds rules to them."""

from __future__ import annotations

from typing import Any

import pytest

from parent_partners.checks import default_lexicon, load_lexicon
from parent_partners.checks.lexicon_lint import lint
from parent_partners.checks.text_scan import scan_rules

RULES = default_lexicon().rules
FLAG = [(r.id, text) for r in RULES for text in r.should_flag]
PASS = [(r.id, text) for r in RULES for text in r.should_not_flag]


def test_every_packaged_rule_has_both_kinds_of_example() -> None:
    assert all(r.should_flag and r.should_not_flag for r in RULES)


@pytest.mark.parametrize(("rule_id", "text"), FLAG)
def test_rule_flags_its_should_flag_example(rule_id: str, text: str) -> None:
    assert rule_id in {f.rule for f in scan_rules(text, default_lexicon())}


@pytest.mark.parametrize(("rule_id", "text"), PASS)
def test_rule_leaves_its_should_not_flag_example(rule_id: str, text: str) -> None:
    assert rule_id not in {f.rule for f in scan_rules(text, default_lexicon())}


def test_packaged_lexicon_lints_clean() -> None:
    assert [str(p) for p in lint(default_lexicon())] == []


def _rule(rule_id: str, **changes: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": rule_id,
        "kind": "child_blame",
        "subject": ["child", "unknown"],
        "patterns": ["run~ wild"],
        "suggestions": ["Say what happened and who was with the child."],
        "source": "Local practice guidance",
        "note": "Describes the child as out of control instead of describing the harm.",
        "should_flag": ["Kai has been running wild on the estate."],
        "should_not_flag": ["Kai is not running wild; the men move him between flats."],
    }
    rule.update(changes)
    return rule


def _problems(*rules: dict[str, Any]) -> list[str]:
    lexicon = load_lexicon(extra_rules=rules)
    return [str(p) for p in lint(lexicon, [r["id"] for r in rules])]


def test_a_rule_with_behaving_examples_passes() -> None:
    assert _problems(_rule("running_wild")) == []


def test_missing_examples_are_problems() -> None:
    problems = _problems(_rule("running_wild", should_flag=[], should_not_flag=[]))
    assert "running_wild: has no should_flag example" in problems
    assert "running_wild: has no should_not_flag example" in problems


def test_an_example_the_rule_gets_wrong_is_named() -> None:
    problems = _problems(
        _rule("running_wild", should_not_flag=["Mia has been running wild all summer."])
    )
    assert problems == ["running_wild: flags “Mia has been running wild all summer.”"]


def test_a_rule_that_matches_nothing_is_a_problem() -> None:
    problems = _problems(_rule("running_wild", patterns=["gallivant~ wildly"]))
    assert "running_wild: matches none of its should_flag examples" in problems
    assert "running_wild: does not flag “Kai has been running wild on the estate.”" in problems


def test_a_rule_inside_another_is_shadowed() -> None:
    # Every "running wild on the estate" is also "running wild": the narrower rule adds nothing.
    narrow = _rule("running_wild_estate", patterns=["run~ wild on the estate"])
    problems = _problems(_rule("running_wild"), narrow)
    assert any(
        p.startswith("running_wild_estate: only matches where running_wild") for p in problems
    )
