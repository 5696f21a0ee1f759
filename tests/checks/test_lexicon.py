"""The lexicon file and admin rules (added and switched off)."""

import pytest

from parent_partners.checks import load_lexicon, scan_text
from parent_partners.checks.lexicon import packaged_data
from parent_partners.checks.text_scan import scan_rules


def test_packaged_rules_are_complete() -> None:
    data = packaged_data()
    ids = [r["id"] for r in data["rule"]]
    assert len(ids) == len(set(ids))
    for rule in data["rule"]:
        assert rule["kind"] in ("child_blame", "parent_blame")
        for key in ("patterns", "suggestions", "source", "note"):
            assert rule[key], (rule["id"], key)


def test_admin_rule_added_and_rule_disabled() -> None:
    extra = {
        "id": "admin_feral",
        "kind": "child_blame",
        "patterns": ["run~ wild"],
        "suggestions": ["Describe what happened and who was with the child."],
        "source": "Local practice guidance",
        "note": "Describes the child as out of control instead of describing the harm.",
    }
    lex = load_lexicon(extra_rules=[extra])
    found = scan_text("Kai has been running wild on the estate.", lex)
    assert [f.rule for f in found] == ["admin_feral"]
    assert found[0].source == "Local practice guidance"

    # Switching a rule off removes that rule's findings; the learned stage still reads the
    # sentence (issue 10), so it is the rule that must be gone, not every finding.
    off = load_lexicon(disabled=["streetwise"])
    assert "streetwise" not in [f.rule for f in scan_text("Jamal is streetwise.", off)]
    assert scan_rules("Jamal is streetwise.", off) == []
    assert [f.rule for f in scan_text("Jamal is streetwise.")] == ["streetwise"]


def test_invalid_admin_rule_is_rejected() -> None:
    with pytest.raises(ValueError):
        load_lexicon(extra_rules=[{"id": "x", "kind": "child_blame", "patterns": ["ok"]}])
    with pytest.raises(ValueError):
        load_lexicon(
            extra_rules=[
                {
                    "id": "y",
                    "kind": "teacher_blame",
                    "patterns": ["ok"],
                    "suggestions": ["s"],
                    "source": "s",
                    "note": "n",
                }
            ]
        )
