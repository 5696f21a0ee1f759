"""How `make train-checker` chooses the learned stage's thresholds and reuses fitted folds."""

from __future__ import annotations

import importlib
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _trainer() -> ModuleType:
    sys.path.insert(0, str(ROOT / "training"))
    return importlib.import_module("train_checker")


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _view(file: str, blame: bool, prob: float, rule: bool = False) -> tuple[dict, list]:
    """One item of one sentence: the model's child-blame probability and whether a rule fired."""
    z = _logit(prob)
    sentence: dict[str, Any] = {
        "evidence": [5.0, 5.0],
        "logits": [z, -6.0],
        "rules": {"child_blame": ["some_rule"] if rule else [], "parent_blame": []},
        "rule_logit": [6.0 if rule else z, -6.0],
        "aside": set(),
    }
    item = {"file": file, "child_blame": blame, "parent_blame": False}
    return item, [sentence]


def _writer_a() -> list[tuple[dict, list]]:
    """A writer whose blaming items the model scores 0.88 and plain ones 0.10."""
    return [_view("a.jsonl", True, 0.88) for _ in range(20)] + [
        _view("a.jsonl", False, 0.10) for _ in range(20)
    ]


def test_rule_false_alarms_no_threshold_removes_do_not_push_the_threshold_up():
    trainer = _trainer()
    # The rules find most blaming items; writer B's wording also sets them off on ten plain
    # items, which no threshold removes. The model's own flags at 0.88 are right 28 times
    # in 30: flags the rules alone would have missed.
    views = _writer_a() + [_view("a.jsonl", True, 0.10, rule=True) for _ in range(190)]
    views += [_view("a.jsonl", False, 0.88)]
    views += [_view("b.jsonl", False, 0.10, rule=True) for _ in range(10)]
    views += [_view("b.jsonl", True, 0.88) for _ in range(10)]
    views += [_view("b.jsonl", False, 0.88)]
    chosen = trainer.choose(views, veto=0.0)
    assert trainer.GRID[0] <= chosen["child_blame"] <= 0.88
    flagged = sum(trainer.decide(v, 0, "child_blame", chosen) for i, v in views if i["child_blame"])
    assert flagged == 220


def test_a_writer_whose_learned_flags_are_mostly_wrong_still_raises_the_threshold():
    trainer = _trainer()
    views = _writer_a() + [_view("b.jsonl", False, 0.90) for _ in range(10)]
    views += [_view("b.jsonl", True, 0.95) for _ in range(3)]
    chosen = trainer.choose(views, veto=0.0)
    # Only above 0.90 do writer B's ten false learned flags stop.
    assert 0.90 < chosen["child_blame"] <= 0.95
    false_alarms = sum(
        trainer.decide(v, 0, "child_blame", chosen) for i, v in views if not i["child_blame"]
    )
    assert false_alarms == 0


def test_a_writer_whose_false_alarms_chance_explains_does_not_raise_the_threshold():
    trainer = _trainer()
    # Writer B: 9 learned false alarms in 409 plain items (2.2%) is what a 2% rate gives by
    # chance (about one time in two); the threshold stays where the blame is found.
    views = _writer_a() + [_view("b.jsonl", False, 0.10) for _ in range(400)]
    views += [_view("b.jsonl", False, 0.88) for _ in range(9)]
    views += [_view("b.jsonl", True, 0.88) for _ in range(120)]
    chosen = trainer.choose(views, veto=0.0)
    assert chosen["child_blame"] <= 0.88
    # Twenty in 420 (4.8%) is not chance: the threshold rises above them.
    views += [_view("b.jsonl", False, 0.88) for _ in range(11)]
    views += [_view("b.jsonl", True, 0.95) for _ in range(3)]
    assert trainer.choose(views, veto=0.0)["child_blame"] > 0.88


def test_binomial_tail():
    trainer = _trainer()
    assert trainer.binomial_tail(0, 10, 0.02) == 1.0
    assert trainer.binomial_tail(11, 10, 0.02) == 0.0
    assert trainer.binomial_tail(1, 10, 0.02) == pytest.approx(1 - 0.98**10)
    assert trainer.binomial_tail(10, 436, 0.02) == pytest.approx(0.3754, abs=1e-4)


def _items() -> list[dict[str, Any]]:
    texts = {
        "w1.jsonl": ["She chose to go with them.", "Mum rang the school.", "He is streetwise."],
        "w2.jsonl": ["Dad let it happen.", "We met at the library.", "She is promiscuous."],
        "w3.jsonl": ["Mum colluded with the men.", "The plan was agreed.", "He ran off again."],
    }
    items = []
    for file, lines in texts.items():
        for n, text in enumerate(lines * 3):
            items.append(
                {
                    "id": f"{file}-{n}", "text": text, "file": file,
                    "child_blame": n % 3 in (0, 2) and "Dad" not in text and "Mum" not in text,
                    "parent_blame": "Dad" in text or "colluded" in text,
                    "child_category": None, "parent_category": None,
                }
            )
    return items


def test_fitted_folds_are_reused_only_for_the_same_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    trainer = _trainer()
    settings = trainer.Settings(min_count=1, steps=20)
    items = _items()
    first, _ = trainer.cross_validate(items, settings, cache=tmp_path)
    fitted: list[int] = []
    real_train = trainer.train

    def counting_train(*args: Any, **kwargs: Any) -> Any:
        fitted.append(1)
        return real_train(*args, **kwargs)

    monkeypatch.setattr(trainer, "train", counting_train)
    again, _ = trainer.cross_validate(items, settings, cache=tmp_path)
    assert fitted == []
    assert [v[0]["logits"] for _, v in again] == [v[0]["logits"] for _, v in first]
    # One relabelled item changes what every fold was fitted on: all three are fitted anew.
    items[0] = {**items[0], "child_blame": not items[0]["child_blame"]}
    trainer.cross_validate(items, settings, cache=tmp_path)
    assert len(fitted) == 3
