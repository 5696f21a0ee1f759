"""The learned stage of the blame check: what it adds to the rules, and how it explains itself."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from parent_partners.checks import default_lexicon, load_lexicon, scan_text
from parent_partners.checks.categories import CATEGORIES, categories_for, category_label
from parent_partners.checks.learned import combine
from parent_partners.checks.learned.fit import (
    Settings,
    WordTable,
    data_hash,
    known_words,
    save,
    train,
)
from parent_partners.checks.learned.model import (
    MODEL_DIR,
    LearnedModel,
    default_model,
    load_model,
)
from parent_partners.checks.learned.sentences import NAME, tokens
from parent_partners.checks.text_scan import scan_rules

ROOT = Path(__file__).resolve().parents[2]
# Wording no lexicon rule lists, in the spirit of issue 10's examples.
HINDSIGHT = "A single look at the tablet by mum would have prevented all of this."
FAIR_TRADE = "Kai sees the money from the line as a fair trade for the risk he takes."


def test_every_lexicon_rule_has_a_category_of_its_kind():
    for rule in default_lexicon().rules:
        assert rule.category, rule.id
        assert category_label(rule.category)
        assert next(c for c in CATEGORIES if c.id == rule.category).kind == rule.kind


def test_a_sentence_the_rules_miss_is_flagged_and_explains_itself():
    assert [f for f in scan_rules(HINDSIGHT) if f.kind == "parent_blame"] == []
    [found] = [f for f in scan_text(HINDSIGHT) if f.kind == "parent_blame"]
    assert found.rule == f"learned.{found.category}"
    assert found.category == "failure_to_protect"
    assert HINDSIGHT[found.start : found.end] == found.matched
    assert found.explanation and found.suggestion and found.source
    assert 0.5 <= (found.confidence or 0) <= 1


def test_choice_framing_said_another_way_is_child_blame():
    kinds = {f.kind for f in scan_text(FAIR_TRADE)}
    assert kinds == {"child_blame"}


def test_rule_findings_carry_their_category_and_a_confidence():
    [found] = scan_text("Amira keeps putting herself at risk by going to the flat.")
    assert found.rule == "putting_self_at_risk" and found.category == "risk_taking"
    assert found.confidence is not None and 0.5 < found.confidence <= 1


def test_a_learned_finding_keeps_its_identity_when_other_sentences_change():
    first = [f for f in scan_text(HINDSIGHT) if f.kind == "parent_blame"]
    edited = "Home visit done on Monday. " + HINDSIGHT + " We agreed a plan."
    second = [f for f in scan_text(edited) if f.kind == "parent_blame"]
    assert [f.key() for f in first] == [f.key() for f in second]
    assert second[0].start == first[0].start + len("Home visit done on Monday. ")


def test_words_in_a_childs_own_quoted_voice_are_not_flagged():
    text = "Kai told me: \u201cI chose to go with them, it was my choice and a fair trade.\u201d"
    assert scan_text(text) == []


def test_what_the_rules_set_aside_for_context_the_learned_stage_leaves_alone():
    for text in (
        "There is no suggestion mum failed to protect her.",
        "Please avoid describing Chloe as promiscuous in any report.",
        "The officer described Kai as 'a runner'. I challenged this at the meeting.",
    ):
        assert scan_text(text) == [], text


def test_a_rule_set_aside_only_for_its_own_reading_of_who_leaves_the_learned_stage_free():
    # The rules set these aside as the child's unquoted report, or as words about a service:
    # the writer's own framing all the same (LABELLING.md), and the model reads it so.
    for text in (
        "Pt admits sexting adult males on Instagram.",
        "Sol has admitted dealing cannabis to friends at college.",
        "Police informed conference the latest allegation is likely attention seeking.",
    ):
        assert scan_rules(text) == [], text
        assert [f.kind for f in scan_text(text)] == ["child_blame"], text
    # The other party's words stay set aside: a mother's attention seeking is no child blame.
    text = "Mother is attention seeking and often redirects consultations to her own health."
    assert scan_text(text) == []


def test_a_negation_the_model_reads_as_the_blame_does_not_cancel_it():
    # "did not secure": the negation is the failure the sentence blames the carers for.
    text = "Carers did not secure the home and the child was able to leave at night."
    assert [f.kind for f in scan_text(text)] == ["parent_blame"]
    # A negation that denies the label still cancels it.
    for text in (
        "Mum is not hostile.",
        "Dad is not colluding with anyone.",
        "Cody is not choosing this life.",
    ):
        assert scan_text(text) == [], text


def test_the_verdict_cache_makes_a_rescan_after_a_rule_change_cost_only_the_rules():
    text = "Nobody made her get in the car; she sees it as a fair trade. Mum has given up on her."
    combine.VERDICTS.clear()
    scan_text(text)
    misses = combine.VERDICTS.misses
    assert misses >= 2
    scan_text(text, load_lexicon(disabled=["streetwise"]))
    assert combine.VERDICTS.misses == misses and combine.VERDICTS.hits >= 2


def test_the_cache_is_bounded():
    cache = combine.VerdictCache(size=3)
    for n in range(5):
        cache.put(("v", f"sentence {n}", ""), (0.0, 0.0))
    assert len(cache) == 3 and cache.get(("v", "sentence 0", "")) is None


def test_the_shipped_model_was_trained_on_the_data_in_the_repository():
    meta = json.loads((MODEL_DIR / "blame.json").read_text())
    paths = sorted((ROOT / "training" / "blame").glob("*.jsonl"))
    assert [p.name for p in paths] == meta["data_files"]
    assert meta["data_sha256"] == data_hash(paths)
    if meta["settings"].get("embedding_dims"):
        # The word vectors its meaning weights were folded from are the committed ones.
        table = sorted((ROOT / "training" / "embeddings").glob("words.*"))
        assert meta["embeddings_sha256"] == data_hash(table)
    assert default_model().version == meta["version"]
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size < 10_000_000


def test_training_code_learns_a_small_slice_and_round_trips(tmp_path: Path):
    rows = [
        json.loads(line)
        for line in (ROOT / "training" / "blame" / "train_a.jsonl").read_text().splitlines()[:120]
    ]
    for row in rows:
        row["parent_category"] = (
            "non_engagement_parent"
            if row.get("parent_category") == "non_engagement"
            else row.get("parent_category")
        )
    trained = train(rows, Settings(steps=150))
    meta = {"version": "tiny", "thresholds": {"veto": 0.0, "child_blame": 0.5, "parent_blame": 0.5}}
    save(trained, tmp_path, meta)
    model = load_model(tmp_path)
    assert model.version == "tiny" and len(model.keys) == len(trained.keys)
    right = 0
    for row in rows:
        got = combine.combine(row["text"], [], [], model)
        right += {f.kind for f in got} == {k for k in ("child_blame", "parent_blame") if row[k]}
    # It fits what it was shown (a smoke test of the real training code, not a quality bar).
    assert right / len(rows) > 0.9


def _one_word_model(word: str, key: str | None = None) -> LearnedModel:
    """A model that reads ``word`` (or the feature ``key``) as parent blame, nothing else."""
    ids = {kind: [c.id for c in categories_for(kind)] for kind in ("child_blame", "parent_blame")}
    return LearnedModel(
        version=f"one-word-{word}",
        keys=[key or "w:" + word],
        weights=np.asarray([[0.0, 8.0]]),
        bias=np.asarray([-4.0, -4.0]),
        category_ids=ids,
        category_weights={k: np.zeros((1, len(v))) for k, v in ids.items()},
        category_bias={k: np.zeros(len(v)) for k, v in ids.items()},
        meta={"thresholds": {"veto": 0.0, "child_blame": 0.9, "parent_blame": 0.9}},
    )


def test_a_match_set_aside_in_one_clause_leaves_the_other_clause_to_the_learned_stage():
    model = _one_word_model("drift")
    text = "Kai is not a runner, and mum let things drift for months."
    runner = text.index("runner")
    drift = text.index("drift")
    # The rules set aside a child-blame match ("not a runner"): the parent clause still blames.
    [found] = combine.combine(text, [], [(runner, "child_blame")], model)
    assert found.kind == "parent_blame"
    assert found.matched.endswith("mum let things drift for months")
    # A parent-blame match set aside in the same clause leaves that clause to the rules.
    assert combine.combine(text, [], [(drift, "parent_blame")], model) == []
    # One set aside in another clause does not.
    assert len(combine.combine(text, [], [(runner, "parent_blame")], model)) == 1


def test_a_word_slipped_into_a_phrase_keeps_the_phrase_weight():
    # "mum is hiding" has the skip pair (mum, hiding) and the pair (is, hiding); with one
    # word slipped in, the skip pair (is, hiding) carries the phrase.
    model = _one_word_model("hiding", key="k:is hiding")
    plain = model.logits(["mum", "is", "hiding", "something"])[1]
    slipped = model.logits(["mum", "is", "clearly", "hiding", "something"])[1]
    assert plain == -4.0 and slipped == 4.0


def _meaning_model(min_words: int, centre: tuple[float, float]) -> LearnedModel:
    """A model whose only knowledge is the meaning of "abandoned" (parent blame)."""
    base = _one_word_model("unused")
    return LearnedModel(
        version=f"meaning-{min_words}",
        keys=base.keys,
        weights=np.zeros((1, 2)),
        bias=base.bias,
        category_ids=base.category_ids,
        category_weights=base.category_weights,
        category_bias=base.category_bias,
        meta=base.meta,
        meaning={"abandoned": (0.0, 8.0)},
        meaning_centre=centre,
        meaning_min_words=min_words,
    )


def test_a_word_known_only_by_its_meaning_moves_the_score_by_its_share_of_the_sentence():
    model = _meaning_model(0, (0.0, 0.0))
    # Who-words and quoted words do not count: the mean is over "abandoned" alone here.
    assert model.logits(["mum", "abandoned", "him"])[1] == 4.0
    # Two counted words: half the weight. A quoted "abandoned" is someone else's word.
    assert model.logits(["mum", "abandoned", "school"])[1] == 0.0
    assert model.logits(["mum", "q:abandoned", "him"])[1] == -4.0


def test_a_short_sentence_counts_only_part_of_its_meaning():
    model = _meaning_model(4, (0.0, 1.0))
    # One counted word: a quarter of (its meaning less the mean sentence's).
    assert model.logits(["abandoned"])[1] == -4.0 + (8.0 - 1.0) / 4
    assert model.logits(["mum", "abandoned", "him"])[1] == -4.0 + (8.0 - 1.0) / 4
    # Four counted words and more: all of it.
    assert model.logits(["she", "abandoned", "the", "plan", "again"])[1] == -4.0 + (2.0 - 1.0)
    # Its share as evidence is scaled the same way.
    assert model.meaning_share(["abandoned"])[0][1] == 2.0
    # No counted words: no meaning term at all, not minus the centre.
    assert model.logits(["mum"])[1] == -4.0


def test_the_meaning_scaling_survives_saving_and_loading(tmp_path: Path):
    rows = [
        json.loads(line)
        for line in (ROOT / "training" / "blame" / "train_a.jsonl").read_text().splitlines()[:60]
    ]
    for row in rows:
        row["parent_category"] = "deficit_label" if row["parent_blame"] else None
        row["child_category"] = "discrediting" if row["child_blame"] else None
    table = WordTable(["abandoned", "school", "plan", "went"], np.eye(4))
    trained = train(rows, Settings(steps=30, meaning_min_words=4), table)
    save(trained, tmp_path, {"version": "scaled", "thresholds": {}})
    model = load_model(tmp_path)
    assert model.meaning_min_words == 4
    assert model.meaning_centre == pytest.approx(tuple(trained.meaning_centre), rel=1e-5)
    assert set(model.meaning) == {"abandoned", "school", "plan", "went"}


def test_a_set_aside_match_where_the_verdict_word_stands_stops_a_finding_pointed_elsewhere():
    # The verdict rests on "drift" (first clause, the heaviest word); the second clause
    # scores higher only because two lighter words add up there. When the rules set a match
    # of the first clause aside, there is no learned finding at all.
    base = _one_word_model("drift")
    model = LearnedModel(
        version="three-words",
        keys=["w:drift", "w:pushed", "w:police"],
        weights=np.asarray([[0.0, 5.0], [0.0, 3.0], [0.0, 3.0]]),
        bias=base.bias,
        category_ids=base.category_ids,
        category_weights={k: np.zeros((3, len(v))) for k, v in base.category_ids.items()},
        category_bias=base.category_bias,
        meta=base.meta,
    )
    text = "Mum let things drift in the spring, and has pushed police to act."
    aside = [(text.index("let things"), "parent_blame")]
    assert combine.combine(text, [], aside, model) == []
    [found] = combine.combine(text, [], [], model)
    assert found.matched == "and has pushed police to act"


def test_the_lexicons_other_sense_holds_for_a_phrase_that_takes_in_the_verdict_word():
    # hostile_parent's phrase starts at "is" ("is aggressive"), and its exclusion ("in
    # defending") stops that match outright: the learned stage's verdict word
    # "aggressive" is read in the same other sense.
    model = _one_word_model("aggressive")
    assert combine.combine("Mum is aggressive in defending her son.", [], [], model) == []
    [found] = combine.combine("Mum is aggressive with staff.", [], [], model)
    assert found.kind == "parent_blame"
    # The verdict word need not be the rule's anchor: "won't" in "won't listen to drill".
    child = _one_word_model("won't")
    child.weights = np.asarray([[8.0, 0.0]])
    child.__post_init__()
    assert combine.combine("Zara won't listen to drill music any more.", [], [], child) == []
    assert len(combine.combine("Zara won't listen to anyone at school.", [], [], child)) == 1


def test_a_rules_anchor_followed_by_its_other_sense_is_read_in_that_sense():
    # No phrase of choice_framing matches "chooses to go to the boxing gym", but its
    # exclusions name a choice of something good: the learned verdict on "chooses" holds
    # only where what follows is not that.
    child = _one_word_model("chooses")
    child.weights = np.asarray([[8.0, 0.0]])
    child.__post_init__()
    assert combine.combine("Dylan chooses to go to the boxing gym on Fridays.", [], [], child) == []
    assert combine.combine("Sana chooses to study at the library.", [], [], child) == []
    [found] = combine.combine("Kai chooses to go out with them every night.", [], [], child)
    assert found.kind == "child_blame"


def test_a_capitalised_first_word_the_model_never_saw_in_lower_case_is_a_name():
    known = frozenset(["police", "went", "missing", "kayla", "the"])
    assert tokens("Tyler went missing.", known)[0] == NAME
    assert tokens("Police went missing.", known)[0] == "police"
    # Without the list (models trained before it), the first word is read as written.
    assert tokens("Tyler went missing.")[0] == "tyler"
    # Not capitalised, all capitals or quoted: read as written.
    assert tokens("tyler went missing.", known)[0] == "tyler"
    assert tokens("CSE went missing.", known)[0] == "cse"
    assert tokens("'Tyler' went missing.", known)[0] == "q:tyler"


def test_a_possessive_first_name_is_a_name_too():
    # "Alina's view was followed in full." once read "alina's" as a word of its own, whose
    # pieces a model could weigh as blame; in the middle of a sentence it was already NAME.
    known = frozenset(["view", "was", "followed", "mum's"])
    assert tokens("Alina's view was followed.", known)[0] == NAME
    assert tokens("Alina’s view was followed.", known)[0] == NAME
    assert tokens("We followed Alina's view.", known)[2] == NAME
    # A who-word the training data uses in lower case stays itself.
    assert tokens("Mum's view was followed.", known)[0] == "mum's"


def test_the_words_seen_in_lower_case_come_from_the_training_text_and_are_saved(tmp_path: Path):
    texts = ["Tyler went missing. The police found Tyler.", "Mia said Kayla was there."]
    known = set(known_words(texts))
    assert {"found", "missing", "police", "said", "there", "was", "went", "mr"} <= known
    assert "tyler" not in known and "mia" not in known and "kayla" not in known
    rows = [
        {"text": t, "child_blame": False, "parent_blame": False, "child_category": None}
        for t in texts
    ]
    trained = train(rows, Settings(steps=5, min_count=1), known=frozenset(known_words(texts)))
    save(trained, tmp_path, {"version": "names", "thresholds": {}})
    model = load_model(tmp_path)
    assert model.tokens("Tyler went missing.")[0] == NAME
    assert "w:tyler" not in model.keys
