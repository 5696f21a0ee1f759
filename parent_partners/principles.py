"""The eight Practice Principles for responding to child exploitation and extra-familial harm,
with the reflective prompt a case audit asks for each, and the audit grades."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principle:
    """One principle: its number, its name and the question an auditor reflects on."""

    number: int
    name: str
    prompt: str


PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        1,
        "Put children and young people first",
        "Reading this record, is the child seen as a child first? Where do the words place "
        "responsibility for harm others cause them, and would the child recognise themselves?",
    ),
    Principle(
        2,
        "Recognise and challenge inequalities, exclusion and discrimination",
        "What do we know about this child's and family's identity, language and communication "
        "needs, and how did that shape the work? Is anything missing from the record, and could "
        "bias (adultification, for example) have crept in?",
    ),
    Principle(
        3,
        "Respect the voices, experiences and expertise of children and young people",
        "Where is the child's voice, in their own words? Were they asked before their parents "
        "or carers were involved, did their view shape what happened, and were they told why?",
    ),
    Principle(
        4,
        "Be strengths-based and relationship-based",
        "What strengths and relationships does the record notice, for the child, the family "
        "and the network? How is the worker's relationship with the child and family being "
        "used and protected?",
    ),
    Principle(
        5,
        "Recognise and respond to trauma",
        "How is behaviour such as going missing or not engaging understood: as a choice, or as "
        "a response to trauma, fear or coercion? What made it safer for the child to engage?",
    ),
    Principle(
        6,
        "Be curious, evidence-informed and knowledgeable",
        "What questions did the worker ask, and what evidence and research informed the plan? "
        "Were flags looked at and acted on, or dismissed with a reason a manager can follow?",
    ),
    Principle(
        7,
        "Approach parents and carers as partners wherever possible",
        "How far did partnership with each parent or carer reach? Was their knowledge of their "
        "child used, their own distress supported, and is any decision not to involve someone "
        "recorded, reasoned and reviewed?",
    ),
    Principle(
        8,
        "Create safe spaces and places",
        "Are the places, spaces and online contexts where harm happens recorded, and is the "
        "response aimed at making them safer, rather than only at changing the child?",
    ),
)

BY_NUMBER = {p.number: p for p in PRINCIPLES}

AUDIT_GRADES: list[tuple[str, str]] = [
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("requires_improvement", "Requires improvement"),
    ("inadequate", "Inadequate"),
]

AUDIT_STATUSES: list[tuple[str, str]] = [
    ("draft", "Draft"),
    ("graded", "Waiting for the worker's response"),
    ("responded", "Waiting for moderation"),
    ("moderated", "Moderated"),
]
