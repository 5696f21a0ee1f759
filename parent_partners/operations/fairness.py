"""The fairness view (principle 2): consultation and flag rates by the child's age band,
gender and ethnicity as recorded, from ``fairness_rollup`` in one grouped query, with groups
too small to show without identifying children suppressed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from parent_partners.extensions import db
from parent_partners.models.summary import FAIRNESS_DIMENSIONS, fairness_rollup
from parent_partners.operations.periods import Period
from parent_partners.operations.rates import rate
from parent_partners.vocabulary import AGE_BANDS, ETHNICITIES, GENDERS, label

SUPPRESS_BELOW = 10  # fairness groups with fewer children than this are not shown


@dataclass
class FairnessLine:
    """One group of children (an age band, a gender or an ethnicity as recorded)."""

    value: str
    label: str
    children: int  # the most children of this group seen in any one month of the period
    involvements: int
    needs_consultation: int
    consulted_ok: int
    flags_raised: int
    flags_blame: int

    @property
    def suppressed(self) -> bool:
        """Too few children to show without risk of identifying them."""
        return self.children < SUPPRESS_BELOW

    @property
    def consultation_share(self) -> float | None:
        """Share of sharing involvements with a valid child consultation (percent)."""
        return rate(self.consulted_ok, self.needs_consultation)

    @property
    def flags_per_100(self) -> float | None:
        """Flags per 100 involvements."""
        return rate(self.flags_raised, self.involvements)

    @property
    def blame_per_100(self) -> float | None:
        """Blaming-wording flags per 100 involvements."""
        return rate(self.flags_blame, self.involvements)


DIMENSION_LABELS = {
    "age_band": ("Age band", AGE_BANDS),
    "gender": ("Gender", GENDERS),
    "ethnicity": ("Ethnicity (as recorded)", ETHNICITIES),
}


def fairness(period: Period, team_id: int | None = None) -> dict[str, list[FairnessLine]]:
    """Consultation and flag rates by age band, gender and ethnicity. One query."""
    f = fairness_rollup.c
    query = (
        select(
            f.dimension,
            f.value,
            f.month,
            func.sum(f.children).label("children"),
            func.sum(f.involvements).label("involvements"),
            func.sum(f.needs_consultation).label("needs_consultation"),
            func.sum(f.consulted_ok).label("consulted_ok"),
            func.sum(f.flags_raised).label("flags_raised"),
            func.sum(f.flags_blame).label("flags_blame"),
        )
        .where(f.month >= period.start, f.month <= period.end)
        .group_by(f.dimension, f.value, f.month)
    )
    if team_id is not None:
        query = query.where(f.team_id == team_id)
    sums: dict[tuple[str, str], defaultdict[str, int]] = {}
    for row in db.session.execute(query):
        sums_for = sums.setdefault((row.dimension, row.value), defaultdict(int))
        sums_for["children"] = max(sums_for["children"], int(row.children or 0))
        for name in ("involvements", "needs_consultation", "consulted_ok", "flags_raised",
                     "flags_blame"):
            sums_for[name] += int(getattr(row, name) or 0)
    out: dict[str, list[FairnessLine]] = {}
    for dimension in FAIRNESS_DIMENSIONS:
        choices = DIMENSION_LABELS[dimension][1]
        lines = []
        for value, value_label in choices:
            found = sums.get((dimension, value))
            if found is None:
                continue
            bucket = found
            lines.append(
                FairnessLine(
                    value=value,
                    label=label(choices, value) or value_label,
                    children=bucket["children"],
                    involvements=bucket["involvements"],
                    needs_consultation=bucket["needs_consultation"],
                    consulted_ok=bucket["consulted_ok"],
                    flags_raised=bucket["flags_raised"],
                    flags_blame=bucket["flags_blame"],
                )
            )
        out[dimension] = lines
    return out
