"""Paraphrased blame (bench/corpus/paraphrase.jsonl) and the context fixes it led to."""

import json
from pathlib import Path

import pytest

from parent_partners.checks import scan_text

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "corpus" / "paraphrase.jsonl"


def kinds(text: str) -> set[str]:
    return {f.kind for f in scan_text(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tayo has chosen the gang over his family.", {"child_blame"}),
        ("Ava makes herself available to the men at the hotel.", {"child_blame"}),
        ("Bethany can't be bothered with the sessions.", {"child_blame"}),
        ("Sana refuses support at every turn.", {"child_blame"}),
        ("Tyler gets a buzz out of carrying for the older boys.", {"child_blame"}),
        ("Mum prioritises her new boyfriend over Tasha's safety.", {"parent_blame"}),
        ("The household is dysfunctional.", {"parent_blame"}),
        ("Mum lacks the capacity to keep Demi safe.", {"parent_blame"}),
        ("Mum knew about the messages and did not act.", {"parent_blame"}),
        ("Dad has shown no willingness to change.", {"parent_blame"}),
    ],
)
def test_paraphrased_blame_is_flagged(text: str, expected: set[str]) -> None:
    assert kinds(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "Tayo took responsibility for cooking dinner for his siblings.",
        "Omar was paid £50 a day by the adults running the line.",
        "The men who groomed Amara were hostile when police arrived.",
        "Mum is aggressive in defending her son and has pushed police to act.",
        "To say Reuben chose this lifestyle is inaccurate; he was trapped by a debt.",
        "Grandma has not allowed the older boys into the house since May.",
    ],
)
def test_hard_negatives_are_not_flagged(text: str) -> None:
    assert kinds(text) == set(), text


def test_subject_of_a_second_verb_phrase() -> None:
    text = "Nathan treats the exploitation worker with contempt and refuses to cooperate."
    assert kinds(text) == {"child_blame"}
    assert kinds("Mum visited Kai in hospital and is in denial about the men.") == {"parent_blame"}


@pytest.mark.skipif(not CORPUS.exists(), reason="paraphrase corpus not present")
def test_paraphrase_set_precision_and_f1() -> None:
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) >= 120
    for kind in ("child_blame", "parent_blame"):
        tp = fp = fn = 0
        for row in rows:
            got = any(f.kind == kind for f in scan_text(row["text"]))
            tp += got and row[kind]
            fp += got and not row[kind]
            fn += (not got) and row[kind]
        precision = tp / (tp + fp)
        f1 = 2 * tp / (2 * tp + fp + fn)
        assert precision >= 0.95, (kind, precision)
        assert f1 >= 0.90, (kind, f1)
