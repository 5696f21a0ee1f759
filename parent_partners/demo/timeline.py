"""When a demo case's contacts happen and how far the partnership climbs over them."""

from __future__ import annotations

import random
from datetime import date, timedelta

from parent_partners.demo.family import weighted
from parent_partners.vocabulary import LEVEL_VALUES

LADDER = LEVEL_VALUES[1:]  # informed up to partner; "not involved" is never planned
_TOP_LEVEL = {"partner": 55, "involved": 35, "consulted": 10}


def contact_dates(
    rng: random.Random, opened_on: date, end: date, count: int, closed: bool
) -> list[date]:
    """``count`` sorted contact dates between opening and ``end``, the last on closing day."""
    span = (end - opened_on).days
    first = rng.randint(1, min(10, span - count))
    rest = sorted(rng.sample(range(first + 1, span + 1), count - 1))
    days = [first, *rest]
    if closed:
        days[-1] = span  # the closing meeting is on the day the case closed
    return [opened_on + timedelta(days=d) for d in days]


def partnership_levels(rng: random.Random, count: int, stalled: bool) -> list[str]:
    """Partnership levels over the case, mostly rising from informed towards partner."""
    if stalled:
        return ["informed"] * count
    informed = min(rng.choice((0, 1, 1, 2)), count - 1)
    top = LADDER.index(weighted(rng, _TOP_LEVEL))
    stages = LADDER[1 : top + 1]
    rest = count - informed
    levels = ["informed"] * informed
    previous = 0
    for j in range(rest):
        stage = min(len(stages) - 1, int((j + rng.random() * 0.8) * len(stages) / rest))
        previous = max(previous, stage)
        levels.append(stages[previous])
    return levels
