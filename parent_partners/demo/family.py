"""Synthetic children and the parents and carers around them."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from parent_partners.demo import names, voices

# Gender value -> (first-name bank, possessive, object, reflexive).
_GENDERS: dict[str, tuple[tuple[str, ...], str, str, str]] = {
    "girl": (names.GIRL_NAMES, "her", "her", "herself"),
    "boy": (names.BOY_NAMES, "his", "him", "himself"),
    "non_binary": (names.NEUTRAL_NAMES, "their", "them", "themselves"),
    "other": (names.NEUTRAL_NAMES, "their", "them", "themselves"),
    "not_recorded": (names.NEUTRAL_NAMES + names.GIRL_NAMES + names.BOY_NAMES, "their", "them",
                     "themselves"),
}
_GENDER_WEIGHTS = {"girl": 46, "boy": 47, "non_binary": 3, "other": 1, "not_recorded": 3}
# "Not recorded" is kept so the equality dashboards have a gap to show (principle 2).
_ETHNICITY_WEIGHTS = {
    "white": 45, "black": 17, "asian": 15, "mixed": 13, "other": 4, "not_recorded": 6,
}
_HARM_WEIGHTS = {
    "cce": 22, "county_lines": 20, "cse": 20, "online_grooming": 12, "serious_violence": 10,
    "peer_abuse": 8, "trafficking": 5, "radicalisation": 3,
}
# Where each kind of harm tends to happen, so a case's contexts fit its harm types.
_HARM_CONTEXTS: dict[str, tuple[str, ...]] = {
    "cse": ("party_house", "online", "shops", "transport"),
    "cce": ("neighbourhood", "shops", "peer_group", "transport"),
    "county_lines": ("transport", "out_of_area", "party_house"),
    "online_grooming": ("online",),
    "peer_abuse": ("school", "peer_group", "online"),
    "trafficking": ("out_of_area", "transport", "party_house"),
    "serious_violence": ("neighbourhood", "park", "peer_group"),
    "radicalisation": ("online", "peer_group"),
}


def weighted(rng: random.Random, weights: dict[str, int]) -> str:
    """Pick one key of ``weights`` with probability proportional to its weight."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass
class Child:
    """The child at the centre of a case."""

    first: str
    surname: str
    gender: str
    ethnicity: str
    dob: date
    harm_types: list[str]
    contexts: list[str]
    communication_needs: str
    their: str
    them: str
    self_word: str

    @property
    def name(self) -> str:
        """Full name as the case records it."""
        return f"{self.first} {self.surname}"


def make_child(rng: random.Random, opened_on: date, today: date) -> Child:
    """Draw a child aged 10-17 throughout the case, with harm types and matching contexts."""
    gender = weighted(rng, _GENDER_WEIGHTS)
    bank, their, them, self_word = _GENDERS[gender]
    first = rng.choice(bank)
    surname = rng.choice(names.SURNAMES)
    ethnicity = weighted(rng, _ETHNICITY_WEIGHTS)
    # Young enough at opening to still be 17 or under today.
    years_open = (today - opened_on).days // 365 + 1
    age_at_open = rng.randint(10, 17 - years_open)
    dob = opened_on - timedelta(days=age_at_open * 365 + rng.randint(20, 340))
    harm_types = [weighted(rng, _HARM_WEIGHTS)]
    for chance in (0.45, 0.12):
        if rng.random() < chance:
            extra = weighted(rng, _HARM_WEIGHTS)
            if extra not in harm_types:
                harm_types.append(extra)
    candidates = sorted({c for h in harm_types for c in _HARM_CONTEXTS[h]})
    contexts = rng.sample(candidates, k=min(len(candidates), rng.randint(1, 3)))
    needs = ""
    if rng.random() < 0.12:
        needs = rng.choice(voices.CHILD_COMMUNICATION).format(them=them)
    return Child(
        first=first,
        surname=surname,
        gender=gender,
        ethnicity=ethnicity,
        dob=dob,
        harm_types=harm_types,
        contexts=contexts,
        communication_needs=needs,
        their=their,
        them=them,
        self_word=self_word,
    )


@dataclass
class CarerPlan:
    """A parent or carer before it becomes a row: who they are and how we refer to them."""

    relationship: str
    first: str
    surname: str
    rel: str  # practitioner wording: "mum", "foster carer"
    called: str  # what the child calls them: "Mum", "Auntie Sonia", "Dan"
    parental_responsibility: bool
    professional: bool
    safe: bool = True
    interpreter_language: str = ""
    communication_needs: str = ""

    @property
    def name(self) -> str:
        """Full name as the record holds it."""
        return f"{self.first} {self.surname}"


# (relationship, gender, safe to involve). Households are drawn by weight.
_Spec = tuple[str, str, bool]
_HOUSEHOLDS: tuple[tuple[int, tuple[_Spec, ...]], ...] = (
    (16, (("mother", "f", True),)),
    (12, (("mother", "f", True), ("father", "m", True))),
    (6, (("mother", "f", True), ("step_parent", "m", True))),
    (5, (("father", "m", True),)),
    (5, (("mother", "f", True), ("grandparent", "f", True))),
    (4, (("grandparent", "f", True),)),
    (2, (("grandparent", "m", True), ("grandparent", "f", True))),
    (3, (("kinship_carer", "f", True),)),
    (4, (("foster_carer", "f", True), ("foster_carer", "m", True), ("mother", "f", True))),
    (3, (("residential_staff", "m", True), ("mother", "f", True))),
    (3, (("foster_carer", "f", True), ("father", "m", True))),
    (2, (("father", "m", True), ("step_parent", "f", True))),
    (1, (("kinship_carer", "m", True), ("other", "f", True))),
    # Households with someone it is not safe to involve (about one case in eight).
    (4, (("mother", "f", True), ("father", "m", False))),
    (3, (("mother", "f", True), ("step_parent", "m", False))),
    (2, (("residential_staff", "f", True), ("father", "m", False))),
    (1, (("grandparent", "f", True), ("mother", "f", False))),
)

_FAMILY_SURNAME_CHANCE = {"mother": 0.6, "father": 0.65, "grandparent": 0.5}
_PR_CHANCE = {
    "mother": 1.0, "father": 0.85, "step_parent": 0.1, "kinship_carer": 0.3, "grandparent": 0.1,
}
_PROFESSIONAL = {"foster_carer", "residential_staff"}


def _words(relationship: str, gender: str, first: str) -> tuple[str, str]:
    """How a practitioner refers to this carer, and what the child calls them."""
    female = gender == "f"
    if relationship == "mother":
        return "mum", "Mum"
    if relationship == "father":
        return "dad", "Dad"
    if relationship == "step_parent":
        return ("stepmum" if female else "stepdad"), first
    if relationship == "grandparent":
        return ("gran", "Gran") if female else ("grandad", "Grandad")
    if relationship == "kinship_carer":
        return ("aunt", f"Auntie {first}") if female else ("uncle", f"Uncle {first}")
    if relationship == "foster_carer":
        return "foster carer", first
    if relationship == "residential_staff":
        return "key worker", first
    return "family friend", first


Household = tuple[_Spec, ...]


def deal_households(rng: random.Random, count: int) -> list[Household]:
    """Deal ``count`` household shapes from shuffled decks holding each shape ``weight`` times.

    Dealing rather than drawing independently keeps even a 40-case demo close to
    the intended mix (independent draws can hand one seed eight foster homes).
    """
    dealt: list[Household] = []
    while len(dealt) < count:
        deck = [household for weight, household in _HOUSEHOLDS for _ in range(weight)]
        rng.shuffle(deck)
        dealt += deck
    return dealt[:count]


def make_carers(rng: random.Random, child: Child, household: Household) -> list[CarerPlan]:
    """Name the 1-3 parents and carers of ``household`` for ``child``."""
    plans: list[CarerPlan] = []
    used: set[str] = {child.first}
    for relationship, gender, safe in household:
        older = relationship == "grandparent"
        bank = (
            (names.OLDER_WOMEN if older else names.WOMEN)
            if gender == "f"
            else (names.OLDER_MEN if older else names.MEN)
        )
        first = rng.choice(bank)
        while first in used:  # two carers called Joanne on one case would confuse readers
            first = rng.choice(bank)
        used.add(first)
        if rng.random() < _FAMILY_SURNAME_CHANCE.get(relationship, 0.0):
            surname = child.surname
        else:
            surname = rng.choice(names.SURNAMES)
        rel, called = _words(relationship, gender, first)
        professional = relationship in _PROFESSIONAL
        plan = CarerPlan(
            relationship=relationship,
            first=first,
            surname=surname,
            rel=rel,
            called=called,
            parental_responsibility=rng.random() < _PR_CHANCE.get(relationship, 0.0),
            professional=professional,
            safe=safe,
        )
        if not professional and rng.random() < 0.08:
            plan.interpreter_language = rng.choice(voices.INTERPRETER_LANGUAGES)
        if rng.random() < 0.12:
            plan.communication_needs = rng.choice(voices.CARER_COMMUNICATION)
        plans.append(plan)
    return plans
