"""The eight Practice Principles for responding to child exploitation and extra-familial harm:
the reflective prompt a case audit asks for each, how each should feel to the child (in the
published words of children and young people), the questions parents and carers are asked about
partnership, the feedback scale, and the audit and self-assessment grades.

Everything that names a principle (case audits, feedback, the voice views, the service
self-assessment) reads it from here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principle:
    """One principle: its number, its name and the question an auditor reflects on."""

    number: int
    name: str
    prompt: str
    # How it should feel to the child being supported (TCE Practice Principles, 2023).
    feels: str = ""


PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        1,
        "Put children and young people first",
        "Reading this record, is the child seen as a child first? Where do the words place "
        "responsibility for harm others cause them, and would the child recognise themselves?",
        feels=(
            'I feel understood, believed and treated like a human being. I feel my worker is '
            "interested in me and on my side. I know they don't judge or blame me."
        ),
    ),
    Principle(
        2,
        "Recognise and challenge inequalities, exclusion and discrimination",
        "What do we know about this child's and family's identity, language and communication "
        "needs, and how did that shape the work? Is anything missing from the record, and could "
        "bias (adultification, for example) have crept in?",
        feels=(
            'I am seen, respected and accepted for who I am, professionals can relate to me, '
            'and they challenge any discrimination I face.'
        ),
    ),
    Principle(
        3,
        "Respect the voices, experiences and expertise of children and young people",
        "Where is the child's voice, in their own words? Were they asked before their parents "
        "or carers were involved, did their view shape what happened, and were they told why?",
        feels=(
            'I feel heard, acknowledged, and validated because my views and opinions are '
            'sought and included. This matters to me and makes me want to talk to them.'
        ),
    ),
    Principle(
        4,
        "Be strengths-based and relationship-based",
        "What strengths and relationships does the record notice, for the child, the family "
        "and the network? How is the worker's relationship with the child and family being "
        "used and protected?",
        feels=(
            'I have someone to go to who genuinely cares about me and my future. They do '
            'things to actually help me. I feel safe with them and can trust them.'
        ),
    ),
    Principle(
        5,
        "Recognise and respond to trauma",
        "How is behaviour such as going missing or not engaging understood: as a choice, or as "
        "a response to trauma, fear or coercion? What made it safer for the child to engage?",
        feels=(
            'People understand how I have been affected by what has happened to me and they '
            'show that in the way they help me. I feel like I matter.'
        ),
    ),
    Principle(
        6,
        "Be curious, evidence-informed and knowledgeable",
        "What questions did the worker ask, and what evidence and research informed the plan? "
        "Were flags looked at and acted on, or dismissed with a reason a manager can follow?",
        feels=(
            'I feel properly seen, because the people who are there to help me put in the '
            'effort to understand me and my life. They are knowledgeable, and are always '
            'learning about how to help me feel safer.'
        ),
    ),
    Principle(
        7,
        "Approach parents and carers as partners wherever possible",
        "How far did partnership with each parent or carer reach? Was their knowledge of their "
        "child used, their own distress supported, and is any decision not to involve someone "
        "recorded, reasoned and reviewed?",
        feels=(
            'I am included in decisions about involving my parents and carers. Supporting my '
            'parents and / or carers to understand what has happened to me can help improve '
            'family relationships and the support I receive.'
        ),
    ),
    Principle(
        8,
        "Create safe spaces and places",
        "Are the places, spaces and online contexts where harm happens recorded, and is the "
        "response aimed at making them safer, rather than only at changing the child?",
        feels=(
            'In my community, I have opportunities to do activities and make new friends. The'
            ' spaces and places where I spend my time feel safe, and give me a sense of '
            'belonging.'
        ),
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


# How true a statement is for the person now. "Rather not say" is always allowed and is kept
# apart: it is not a low score.
FEEDBACK_SCALE: list[tuple[str, str]] = [
    ("4", "Completely true"),
    ("3", "Mostly true"),
    ("2", "A little true"),
    ("1", "Not true"),
    ("skip", "I'd rather not say"),
]
SCALE_TOP = 4


@dataclass(frozen=True)
class Question:
    """One statement put to a child, parent or carer, and the principle it speaks to."""

    key: str
    principle: int
    text: str


# Children are asked about each principle in children's own published words.
CHILD_QUESTIONS: tuple[Question, ...] = tuple(
    Question(f"p{p.number}", p.number, p.feels) for p in PRINCIPLES
)

# Parents and carers are asked about partnership, written here as statements they can rate.
CARER_QUESTIONS: tuple[Question, ...] = (
    Question("partner", 7, "I was treated as a partner in keeping my child safe."),
    Question("knowledge", 7, "What I know about my child was listened to and used."),
    Question("distress", 5, "Someone noticed how this has affected me, and I was offered support."),
    Question("sharing", 3, "I knew what was shared about my child, with whom and why."),
    Question("no_blame", 1, "I did not feel blamed for what others have done to my child."),
    Question("respect", 2, "I was treated with respect for who we are as a family."),
    Question("strengths", 4, "The good things in our family were noticed, not only problems."),
)

RESPONDENTS: list[tuple[str, str]] = [
    ("child", "The child or young person"),
    ("carer", "A parent or carer"),
]


def questions_for(respondent: str) -> tuple[Question, ...]:
    """The statements put to a child (``"child"``) or to a parent or carer (``"carer"``)."""
    return CHILD_QUESTIONS if respondent == "child" else CARER_QUESTIONS


# A principal social worker's judgement of the service against one principle.
SELF_ASSESSMENT_RATINGS: list[tuple[str, str]] = [
    ("strong", "A strength across the service"),
    ("developing", "Developing: good in places, not yet everywhere"),
    ("priority", "A priority for improvement"),
]
