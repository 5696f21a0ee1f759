"""Record rules in plain words: dates as people write them, the consultation rule spelt out,
and no "no strengths" flag for a short administrative call."""

from dataclasses import replace

from parent_partners.checks import CheckSettings, check_case
from tests.checks.test_case_rules import case, con, inv, of

SHARING = {
    "shares_child_information": True,
    "shared_what": "The safety plan.",
    "shared_why": "So mum can help at weekends.",
}


def test_not_consulted_names_the_contact_and_the_date_to_consult_by() -> None:
    sharing = inv(1, 20, kind="phone_call", **SHARING)  # 21 March 2025
    [flag] = of(check_case(case((sharing,))), "child_not_consulted")
    assert "at the phone call on 21 March 2025" in flag.explanation
    assert "between 21 December 2024 and 21 March 2025" in flag.explanation
    assert "on or before the day of sharing" in flag.explanation
    assert "on or before 21 March 2025" in flag.suggestion
    assert "phone_call" not in flag.explanation and "2025-03-21" not in flag.explanation


def test_a_consultation_dated_after_the_sharing_is_named_as_not_counting() -> None:
    sharing = inv(1, 20, **SHARING)
    late = con(1, 22)  # 23 March 2025: the child was asked two days after
    [flag] = of(check_case(case((sharing,), (late,))), "child_not_consulted")
    assert "The consultation of 23 March 2025 was recorded after the sharing" in flag.explanation
    on_the_day = con(2, 20)
    assert of(check_case(case((sharing,), (late, on_the_day))), "child_not_consulted") == []


def test_a_short_administrative_call_needs_no_strengths() -> None:
    call = inv(1, 1, kind="phone_call", strengths="", notes="Rang to move Tuesday's visit.")
    assert of(check_case(case((call,))), "no_strengths") == []
    long_call = replace(call, notes="Talked through the week. " * 12)
    [flag] = of(check_case(case((long_call,))), "no_strengths")
    assert (
        flag.explanation
        == "No strengths or assets are recorded for the phone call on 2 March 2025."
    )
    visit = replace(call, kind="home_visit")
    assert len(of(check_case(case((visit,))), "no_strengths")) == 1
    sharing_call = replace(call, **SHARING)
    assert len(of(check_case(case((sharing_call,))), "no_strengths")) == 1


def test_which_contacts_are_exempt_is_configurable() -> None:
    call = inv(1, 1, kind="phone_call", strengths="", notes="Rang to move the visit.")
    strict = CheckSettings(strengths_exempt_kinds=())
    assert len(of(check_case(case((call,)), strict), "no_strengths")) == 1
    visits_too = CheckSettings(strengths_exempt_kinds=("phone_call", "home_visit"))
    visit = replace(call, kind="home_visit")
    assert of(check_case(case((visit,)), visits_too), "no_strengths") == []
