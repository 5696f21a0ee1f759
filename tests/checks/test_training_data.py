"""How `make train-checker` reads its data: writers' files, and a reviewer's corrections."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _trainer() -> ModuleType:
    sys.path.insert(0, str(ROOT / "training"))
    return importlib.import_module("train_checker")


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _item(n: int, child: bool, category: str | None) -> dict[str, object]:
    return {
        "id": f"tx{n}", "text": f"Sentence {n}.", "child_blame": child, "parent_blame": False,
        "child_category": category, "parent_category": None,
    }


def test_corrections_drop_and_relabel_items_and_are_not_a_writer(tmp_path: Path):
    trainer = _trainer()
    writer = _write(
        tmp_path / "train_x.jsonl",
        [
            _item(1, True, "discrediting"),
            _item(2, True, "criminalising_label"),
            _item(3, False, None),
        ],
    )
    fixes = _write(
        tmp_path / "corrections.jsonl",
        [
            {"id": "tx1", "action": "drop", "reason": "attributed, not endorsed or challenged"},
            {
                "id": "tx2", "action": "relabel", "child_blame": False, "parent_blame": True,
                "child_category": None, "parent_category": "non_engagement", "reason": "r",
            },
        ],
    )
    items = trainer.training_items([fixes, writer])
    assert [i["id"] for i in items] == ["tx2", "tx3"]
    relabelled = items[0]
    assert (relabelled["child_blame"], relabelled["parent_blame"]) == (False, True)
    assert relabelled["parent_category"] == "non_engagement_parent"
    assert {i["file"] for i in items} == {"train_x.jsonl"}
