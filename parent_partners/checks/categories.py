"""The blame categories: what each one means, why it matters, what to write instead.

Every text finding carries one category. Lexicon rules name theirs; the learned stage
predicts one. Explanations and suggestions here are what a learned finding shows,
because it has no rule of its own to quote.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    """One kind of blaming framing, with the words a practitioner sees."""

    id: str
    kind: str
    label: str
    explanation: str
    suggestion: str
    source: str


_SOCIETY = (
    "The Children's Society & NWG, Appropriate language: child sexual and/or criminal "
    "exploitation (2019/2022)"
)
_LANGUAGE_MATTERS = "Language Matters (Sewel); NSPCC, 'hard to reach' guidance"
_PACE = "PACE relational safeguarding model; Complex Safeguarding Wales"

CATEGORIES: tuple[Category, ...] = (
    Category(
        "choice_consent",
        "child_blame",
        "choice or consent framing",
        "The sentence frames the child as choosing, agreeing to or bargaining for what is "
        "being done to them. A child cannot consent to their own exploitation; the adults "
        "who groom and coerce them are responsible.",
        "Say what the adults did and how the child was groomed, coerced or controlled, "
        "e.g. 'adults are exploiting him and have made him feel he owes them'.",
        _SOCIETY + "; NSPCC blog; The Children's Society, Counting Lives",
    ),
    Category(
        "criminalising_label",
        "child_blame",
        "criminalising label",
        "The sentence labels the child by the crime they were exploited into, which hides "
        "that they are a victim of criminal exploitation.",
        "Describe the child as a child being criminally exploited, and name who is making "
        "them carry, sell or hold things.",
        "The Children's Society; YJLC summary; Language Matters (Sewel)",
    ),
    Category(
        "sexualising_label",
        "child_blame",
        "sexualising label",
        "The sentence describes the child in sexual terms or frames abuse as a relationship, "
        "which moves attention from the abuser to the child.",
        "Name the abuse: 'she is being sexually exploited by', 'an adult has been grooming "
        "her'.",
        "Safe and Sound (Derby); Durham Safeguarding Children Partnership; " + _SOCIETY,
    ),
    Category(
        "risk_taking",
        "child_blame",
        "risk-taking framing",
        "The sentence makes the child the cause of the danger they are in, rather than the "
        "people who target them.",
        "Say who puts the child at risk and how: 'adults are targeting her', 'he is being "
        "made to travel'.",
        _SOCIETY + "; Complex Safeguarding Wales (Cardiff)",
    ),
    Category(
        "discrediting",
        "child_blame",
        "discrediting the child",
        "The sentence casts the child as dishonest, knowing or in control of the adults, "
        "which makes it less likely that what they say will be believed or acted on.",
        "Describe what the child said and did, and what fear, trauma or control may lie "
        "behind it.",
        "North Lanarkshire 'The Promise' language guide; Safe and Sound (Derby)",
    ),
    Category(
        "non_engagement",
        "child_blame",
        "non-engagement framing (child)",
        "The sentence turns the child's response to trauma or coercion into a fault of "
        "theirs, instead of a task for the services trying to reach them.",
        "Say what services have tried and what may stop the child feeling safe to talk, "
        "e.g. 'we have not yet found a way to reach him'.",
        _LANGUAGE_MATTERS,
    ),
    Category(
        "failure_to_protect",
        "parent_blame",
        "failure to protect from harm by others",
        "The sentence holds a parent or carer responsible for harm that other people "
        "caused, often with hindsight the parent did not have.",
        "Describe what the parent knew at the time and what support they had, and name "
        "the people causing harm.",
        _PACE,
    ),
    Category(
        "deficit_label",
        "parent_blame",
        "deficit label (parent)",
        "The sentence labels the parent or carer, or guesses at their motives, instead of "
        "describing what they did and the pressures on them.",
        "Describe the behaviour you saw and the context, and what the parent may be "
        "feeling (fear, distress, exhaustion).",
        "Practitioner language guides (e.g. safeguard-me); " + _PACE,
    ),
    Category(
        "collusion",
        "parent_blame",
        "collusion framing",
        "The sentence suggests the parent or carer is siding with or shielding the people "
        "who harm their child, which exploiters use to keep families from asking for help.",
        "Record what the parent knows and fears, and what would help them act, "
        "e.g. 'mum is frightened of reprisals if she reports'.",
        "Practitioner language guides (e.g. safeguard-me); " + _PACE,
    ),
    Category(
        "non_engagement_parent",
        "parent_blame",
        "non-engagement framing (parent)",
        "The sentence reads a parent's fear, distrust or disagreement as refusal, instead "
        "of asking what stands in the way.",
        "Be curious about the barriers: 'dad has not felt able to meet us yet; we will "
        "offer a visit at home'.",
        "Hampshire Safeguarding Children Partnership; " + _LANGUAGE_MATTERS,
    ),
)

_BY_ID = {c.id: c for c in CATEGORIES}
# The training data names parent non-engagement "non_engagement" too; the kind tells them apart.
_ALIASES = {("parent_blame", "non_engagement"): "non_engagement_parent"}


def category_id(kind: str, name: str | None) -> str | None:
    """The category id for ``name`` under ``kind`` (None when unknown)."""
    if not name:
        return None
    name = _ALIASES.get((kind, name), name)
    found = _BY_ID.get(name)
    return found.id if found is not None and found.kind == kind else None


def category(name: str) -> Category:
    """The category with id ``name`` (KeyError if unknown)."""
    return _BY_ID[name]


def categories_for(kind: str) -> tuple[Category, ...]:
    """Every category of one kind, in a fixed order (the learned heads' output order)."""
    return tuple(c for c in CATEGORIES if c.kind == kind)


def category_label(name: str | None) -> str:
    """Plain words for a category id, for the pages ('' for none or unknown)."""
    found = _BY_ID.get(name or "")
    return found.label if found is not None else ""
