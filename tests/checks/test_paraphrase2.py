"""Second round of paraphrase fixes (bench/corpus/paraphrase2.jsonl and colleagues' reports)."""

import json
from pathlib import Path

import pytest

from parent_partners.checks import scan_text
from parent_partners.checks.context import find_mentions
from parent_partners.checks.lexicon import packaged_data
from parent_partners.checks.patterns import inflect

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "corpus" / "paraphrase2.jsonl"


def kinds(text: str) -> set[str]:
    return {f.kind for f in scan_text(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        # an auxiliary or adverb before the verb ("refus~" used to miss "refuse")
        ("Jack continues to refuse to engage with the team.", {"child_blame"}),
        ("Jack is still refusing to engage.", {"child_blame"}),
        ("Jack has repeatedly refused to engage with services.", {"child_blame"}),
        ("Amira has consistently declined to engage with the team.", {"child_blame"}),
        ("Mum continues to refuse to engage with the plan.", {"parent_blame"}),
        # a reported label the writer lets stand
        ("Staff describe Ella as manipulative.", {"child_blame"}),
        ("The school describes Dad as hostile.", {"parent_blame"}),
        # a named parent
        ("Jack's mum, Joanne, said he was fine. Joanne should have known.", {"parent_blame"}),
        ("Joanne should have known what was happening.", {"parent_blame"}),
        ("Joanne failed to protect her daughter.", {"parent_blame"}),
        ("Donna allowed her son to stay out with the older boys.", {"parent_blame"}),
        ("Joanne is Tyler's mum. She failed to protect him.", {"parent_blame"}),
        # carers in residential settings
        ("Key worker failed to protect Ella.", {"parent_blame"}),
        ("The key worker let him leave the unit with the men every night.", {"parent_blame"}),
        ("Staff at the home turned a blind eye.", {"parent_blame"}),
        # elliptical and coordinated blame
        ("Dean won't engage, and neither will his parents.", {"child_blame", "parent_blame"}),
        ("Neither Mia nor her mother will engage with us.", {"child_blame", "parent_blame"}),
        ("Reuben has decided the line is where he wants to be.", {"child_blame"}),
        ("Ella should have known better than to get in the car.", {"child_blame"}),
    ],
)
def test_paraphrased_blame_is_flagged(text: str, expected: set[str]) -> None:
    assert kinds(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "Staff at the hotel turned a blind eye.",
        "Hotel staff turned a blind eye to the girls arriving with older men.",
        "The taxi driver should have noticed that she was a child.",
        "The officer called him 'a runner'; I challenged this.",
        "Staff describe Ella as manipulative; I challenged this.",
        "Dad sees Ella as defiant but I see a scared child.",
        "Police treated Ella as aggressive when she was the victim.",
        "Neither Mia nor her mother has done anything wrong here.",
        "Jack doesn't smoke and neither does his mum.",
        "Lewis continues to refuse to see the men since the disruption order.",
        "Dad was hostile towards the dealer who came to the door.",
        "Kacey is still attending her sessions despite everything that has happened.",
        "Joanne failed her driving theory test again.",
        "Joanne allowed her son to stay with his grandparents as agreed in the safety plan.",
    ],
)
def test_hard_negatives_are_not_flagged(text: str) -> None:
    assert kinds(text) == set(), text


def test_staff_role_depends_on_the_setting() -> None:
    def roles(text: str) -> list[str]:
        return [m.role for m in find_mentions(text, 0, len(text)) if "taff" in m.text]

    assert roles("Staff at the hotel phoned police.") == ["other"]
    assert roles("Staff at the home phoned police.") == ["parent"]
    assert roles("School staff phoned police.") == ["service"]
    assert roles("The staff phoned police.") == ["parent"]


def test_word_tilde_lemmas_are_base_forms() -> None:
    """A stem such as "refus~" has no base form ("refuse"): lemmas must be whole words."""
    assert "refuse" in inflect("refuse")
    data = packaged_data()
    phrases = [p for r in data["rule"] for p in r["patterns"]]
    phrases += [p for ps in data["macros"].values() for p in ps]
    words = {w for p in phrases for tok in p.split() for w in tok.split("|")}
    stems = {"refus~", "collud~", "minimis~", "mak~", "shar~", "manipulat~", "enabl~", "trad~"}
    assert not words & stems


@pytest.mark.skipif(not CORPUS.exists(), reason="paraphrase2 corpus not present")
def test_paraphrase2_precision() -> None:
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) >= 80
    for kind in ("child_blame", "parent_blame"):
        tp = fp = fn = 0
        for row in rows:
            got = kind in kinds(row["text"])
            tp += got and row[kind]
            fp += got and not row[kind]
            fn += (not got) and row[kind]
        assert tp / max(1, tp + fp) >= 0.93, kind
        assert tp / max(1, tp + fn) >= 0.9, kind
