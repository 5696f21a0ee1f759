"""Subjects and mentions: who the words at a match are about."""

from __future__ import annotations

import pytest

from parent_partners.checks.context import (
    coordinated_roles,
    find_mentions,
    labelled_group,
    labelled_object,
    named_parent,
)
from tests.checks.context_support import about, span


@pytest.mark.parametrize(
    ("text", "words", "roles"),
    [
        ("Kai is streetwise.", "streetwise", {"child", "name"}),
        ("Mum is hostile.", "hostile", {"parent"}),
        ("The foster carers are hostile.", "hostile", {"parent"}),
        ("Kai and his mother are hostile.", "hostile", {"child", "parent"}),
        # The men are the subject; Amara is only the object of the relative clause.
        ("The men who groomed Amara were hostile.", "hostile", {"other"}),
        ("The men targeting Nikita are reckless.", "reckless", {"other"}),
        # The possessor only owns the person who does something.
        ("Kyra's dad is refusing to engage and avoids calls.", "avoids", {"parent"}),
        # A "who" clause is about the person right before it, after a preposition too.
        ("Inspectors saw little challenge to families who refuse help.", "refuse", {"parent"}),
        ("Carers have been v. resistant to intervention.", "resistant", {"parent"}),
        # A second verb phrase belongs to the first subject, not to the object between.
        ("Nathan treats the worker with contempt and refuses to engage.", "refuses", {"child"}),
        # ", knowing ..." describes the main clause's subject.
        ("Mia argued with her mum, knowing full well it was late.", "knowing", {"child"}),
        ("She sat down quietly and listened.", "listened", {"child"}),
        ("It rained all day and was cold.", "cold", {"unknown"}),
        # "despite ..." tells of the subject's doing: Dad was advised, not the boy he lets out.
        ("Dad lets Rashid out late despite advice.", "despite", {"parent"}),
        # ... unless the nearest person is the subject of a verb of its own.
        ("Mum knows Rashid still goes out despite advice.", "despite", {"child", "name"}),
        # An opening "Despite ...," is about the main clause's subject after the comma.
        ("Despite repeated warnings, the mother lets Tia go.", "Despite", {"parent"}),
        ("Despite warnings, the men kept messaging Tia.", "Despite", {"other"}),
        ("Despite warnings, she went back.", "Despite", {"unknown"}),
        # "that" opening a clause: the person after it is that clause's subject.
        ("I find that the grandmother turned a blind eye.", "turned", {"parent"}),
        ("I am satisfied that the mother knew and did nothing.", "did nothing", {"parent"}),
        # A place or firm as the subject is nobody the rules are about...
        ("The hotel failed to check the guests' ages.", "failed", {"service"}),
        ("Visit done. The clinic is hard to reach by bus.", "hard", {"service"}),
        # ... but a person noun the mention table lacks is still unknown, not a thing.
        ("The YP refused to engage.", "refused", {"unknown"}),
    ],
)
def test_who_the_words_are_about(text: str, words: str, roles: set[str]) -> None:
    assert about(text, words) == roles


def test_a_pronoun_goes_back_to_the_last_subject() -> None:
    assert about("The worker met Kai. He is defiant.", "defiant") == {"child"}
    assert about("Dad arrived late. He is hostile.", "hostile") == {"parent"}


def test_a_first_name_introduced_as_a_parent_is_a_parent() -> None:
    text = "Joanne, Tyler's mum, failed to protect him."
    assert about(text, "failed") == {"parent"}
    assert named_parent(text, find_mentions(text, 0, 10)[0])


def test_a_bare_first_name_is_a_child_and_a_name() -> None:
    # The "name" role lets parent-only wording ("failed to protect") treat it as a parent.
    assert about("Joanne failed to protect him.", "failed") == {"child", "name"}


def test_mentions_read_titles_ages_and_places() -> None:
    text = (
        "Mr and Mrs Harris met DC Patel and Aunty Grace in Luton "
        "with a 15-year-old and two 19-year-old men."
    )
    found = [(m.text, m.role) for m in find_mentions(text, 0, len(text))]
    assert found == [
        ("Mr and Mrs Harris", "parent"),
        ("DC Patel", "service"),
        ("Aunty Grace", "parent"),
        ("15-year-old", "child"),
        ("19-year-old", "other"),
        ("men", "other"),
    ]


@pytest.mark.parametrize(
    ("place", "role"),
    [
        ("The hotel staff", "other"),
        ("The school staff", "service"),
        ("Staff at the home", "parent"),
    ],
)
def test_staff_depend_on_where_they_work(place: str, role: str) -> None:
    text = f"{place} were worried."
    assert [m.role for m in find_mentions(text, 0, len(text)) if "taff" in m.text] == [role]


def test_neither_nor_is_about_everyone_named() -> None:
    text = "Neither Mia nor her mother will engage."
    assert coordinated_roles(text, 0, len(text) - 1) == {"child", "parent"}
    assert coordinated_roles("Mia will not engage.", 0, 19) is None


def test_describe_x_as_is_about_x() -> None:
    text = "describes her as manipulative"
    assert labelled_object(text, 0, len(text)) == (10, {"child"})


@pytest.mark.parametrize(
    ("text", "words", "roles"),
    [
        ("Non-compliant parents were more likely to lose their children.", "Non-compliant",
         {"parent"}),
        ("Hostile or uncooperative parents are a barrier.", "uncooperative", {"parent"}),
        ("Persistent non-engagement by parents was recorded.", "non-engagement", {"parent"}),
        ("Parental disengagement was the main reason given.", "disengagement", {"parent"}),
        ("Services work with streetwise teenagers.", "streetwise", {"child"}),
        # Not a label on a group: "his parents" starts a new phrase, a verb takes an object.
        ("Kai is disengaged and his parents are worried.", "disengaged", None),
        ("Staff failed to protect children at the unit.", "failed to protect", None),
        ("Possible disguised compliance from mum.", "disguised compliance", {"parent"}),
    ],
)
def test_a_label_on_a_group_is_about_the_group(
    text: str, words: str, roles: set[str] | None
) -> None:
    start, end = span(text, words)
    assert labelled_group(text, start, end) == roles
