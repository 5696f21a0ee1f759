"""Chart text summaries describe the series as drawn, lowest and highest months included."""

from parent_partners.blueprints.dashboards.describe import describe_series


def test_a_month_at_zero_between_two_at_a_hundred_is_named():
    text = describe_series(
        "Valid child consultation", [("Jan 2026", 100.0), ("Feb 2026", 0.0), ("Mar 2026", 100.0)]
    )
    assert text == (
        "Valid child consultation went from 100% in Jan 2026 to 100% in Mar 2026; "
        "lowest 0% in Feb 2026."
    )


def test_flat_single_and_empty_series_say_so():
    assert describe_series("S", [("Jan", 50.0), ("Feb", None), ("Mar", 50.0)]) == (
        "S was 50% in every month with data (2 months)."
    )
    assert describe_series("S", [("Jan", None), ("Feb", 75.0)]) == (
        "S was 75% in Feb, the only month with data."
    )
    assert describe_series("S", [("Jan", None)]) == "S: no months with data."


def test_extremes_at_the_ends_are_not_repeated():
    text = describe_series("S", [("Jan", 10.0), ("Feb", 40.0), ("Mar", 90.0), ("Apr", 60.0)])
    assert text == "S went from 10% in Jan to 60% in Apr; highest 90% in Mar."
