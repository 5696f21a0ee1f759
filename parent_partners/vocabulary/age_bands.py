"""Age bands of the fairness view: the child's age on the first day of a month.

The bands are computed in SQL (``operations/summaries.py`` ``_age_band``) from ``UPPER_AGES``,
so the labels here and the stored values cannot drift apart.
"""

from __future__ import annotations

from parent_partners.vocabulary.choices import Choices

# (value, label, the first age no longer in the band); the last band has no upper age.
_BANDS: tuple[tuple[str, str, int | None], ...] = (
    ("under_12", "Under 12", 12),
    ("12_13", "12 to 13", 14),
    ("14_15", "14 to 15", 16),
    ("16_17", "16 to 17", 18),
    ("18_plus", "18 and over", None),
)
NOT_RECORDED = "not_recorded"

UPPER_AGES: tuple[tuple[str, int], ...] = tuple(
    (value, upper) for value, _, upper in _BANDS if upper is not None
)
OLDEST = _BANDS[-1][0]

AGE_BANDS: Choices = [
    *((value, text) for value, text, _ in _BANDS),
    (NOT_RECORDED, "Date of birth not recorded"),
]
