"""Record rules over plain case data, and which fields are (not) scanned."""

from dataclasses import replace
from datetime import date, timedelta

from parent_partners.checks import (
    CarerData,
    CaseData,
    CheckSettings,
    ConsultationData,
    Finding,
    InvolvementData,
    check_case,
)

D0 = date(2025, 3, 1)
MUM = CarerData(id=1, name="Sarah", relationship="mother", safe_to_involve=True)
DAD = CarerData(id=2, name="Lee", relationship="father", safe_to_involve=True)


def inv(iid: int, day: int, carers: tuple[int, ...] = (1,), **kw: object) -> InvolvementData:
    base = InvolvementData(
        id=iid,
        date=D0 + timedelta(days=day),
        carer_ids=carers,
        kind="home_visit",
        partnership_level="involved",
        shares_child_information=False,
        strengths="Mum keeps a diary of missing episodes.",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def con(cid: int, day: int, carers: tuple[int, ...] = (1,), **kw: object) -> ConsultationData:
    base = ConsultationData(
        id=cid, date=D0 + timedelta(days=day), carer_ids=carers, child_wish="agrees"
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def case(
    involvements: tuple[InvolvementData, ...] = (),
    consultations: tuple[ConsultationData, ...] = (),
    carers: tuple[CarerData, ...] = (MUM, DAD),
    dob: date | None = date(2010, 6, 1),
) -> CaseData:
    return CaseData(
        id=7,
        child_name="Kai",
        child_dob=dob,
        carers=carers,
        involvements=involvements,
        consultations=consultations,
    )


def of(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


# ---------------------------------------------------------------- child_not_consulted
def test_sharing_without_consultation_flags_each_carer() -> None:
    found = of(
        check_case(case((inv(1, 10, (1, 2), shares_child_information=True),))),
        "child_not_consulted",
    )
    assert {(f.record_type, f.record_id, f.carer_id) for f in found} == {
        ("involvement", 1, 1),
        ("involvement", 1, 2),
    }
    assert all(f.explanation and f.suggestion and f.source for f in found)


def test_consultation_covers_only_its_carer_and_window() -> None:
    c = case((inv(1, 10, (1, 2), shares_child_information=True),), (con(1, 5, (1,)),))
    assert [f.carer_id for f in of(check_case(c), "child_not_consulted")] == [2]
    # Consultation dated after the involvement does not count.
    late = case((inv(1, 10, shares_child_information=True),), (con(1, 11),))
    assert of(check_case(late), "child_not_consulted")
    # Too old for the default 90-day window, but fine with a longer configured window.
    old = case((inv(1, 100, shares_child_information=True),), (con(1, 5),))
    assert of(check_case(old), "child_not_consulted")
    assert not of(
        check_case(old, CheckSettings(consultation_window_days=120)), "child_not_consulted"
    )


def test_not_asked_reason_covers_and_non_sharing_needs_nothing() -> None:
    reason = con(1, 9, child_wish=None, not_asked_reason="child_missing")
    assert not of(
        check_case(case((inv(1, 10, shares_child_information=True),), (reason,))),
        "child_not_consulted",
    )
    assert not of(check_case(case((inv(1, 10),))), "child_not_consulted")


def test_too_young_reason_respects_configured_age() -> None:
    reason = con(1, 9, child_wish=None, not_asked_reason="too_young")
    c = case((inv(1, 10, shares_child_information=True),), (reason,))
    assert not of(check_case(c), "child_not_consulted")
    assert of(check_case(c, CheckSettings(too_young_age=8)), "child_not_consulted")


# ---------------------------------------------------------------- child_view_overridden
def test_override_needs_rationale_and_telling_the_child() -> None:
    c1 = con(1, 5, child_wish="does_not_agree", decision="proceed")
    found = of(check_case(case((), (c1,))), "child_view_overridden")
    assert len(found) == 1
    assert "rationale" in found[0].explanation and "told" in found[0].explanation
    assert found[0].record_type == "consultation" and found[0].record_id == 1

    only_told = replace(c1, child_told_outcome=True)
    found = of(check_case(case((), (only_told,))), "child_view_overridden")
    assert "rationale" in found[0].explanation and "told" not in found[0].explanation

    done = replace(c1, child_told_outcome=True, override_rationale="Immediate risk from men.")
    assert not of(check_case(case((), (done,))), "child_view_overridden")


def test_override_detected_from_later_sharing_within_window() -> None:
    c1 = con(1, 5, child_wish="does_not_agree", decision=None)
    later = inv(1, 20, shares_child_information=True)
    assert of(check_case(case((later,), (c1,))), "child_view_overridden")
    far = inv(1, 200, shares_child_information=True)
    assert not of(check_case(case((far,), (c1,))), "child_view_overridden")
    assert not of(check_case(case((), (c1,))), "child_view_overridden")
    agreed = con(1, 5, child_wish="agrees", decision="proceed")
    assert not of(check_case(case((later,), (agreed,))), "child_view_overridden")


# ---------------------------------------------------------------- no_strengths / distress
def test_no_strengths_and_distress_unsupported() -> None:
    blank = inv(1, 1, strengths="  ", parent_distress=True)
    ok = inv(2, 2, parent_distress=True, distress_support="Referred to PACE peer support.")
    found = check_case(case((blank, ok)))
    assert [(f.record_id, f.field) for f in of(found, "no_strengths")] == [(1, "strengths")]
    assert [f.record_id for f in of(found, "distress_unsupported")] == [1]


# ---------------------------------------------------------------- partnership_stalled
def test_partnership_stalled_needs_count_and_span() -> None:
    informed = [inv(i, d, partnership_level="informed") for i, d in ((1, 0), (2, 14), (3, 30))]
    found = of(check_case(case(tuple(informed))), "partnership_stalled")
    assert [(f.record_type, f.record_id, f.carer_id) for f in found] == [("carer", 1, 1)]
    # Too short a span, or too few, or a better level at the end: no flag.
    short = [inv(i, d, partnership_level="informed") for i, d in ((1, 0), (2, 5), (3, 10))]
    assert not of(check_case(case(tuple(short))), "partnership_stalled")
    assert not of(check_case(case(tuple(informed[:2]))), "partnership_stalled")
    recovered = [*informed, inv(4, 40, partnership_level="partner")]
    assert not of(check_case(case(tuple(recovered))), "partnership_stalled")
    # Configurable thresholds.
    assert of(
        check_case(case(tuple(short)), CheckSettings(stall_min_days=7)), "partnership_stalled"
    )
    assert not of(
        check_case(case(tuple(informed)), CheckSettings(stall_min_involvements=4)),
        "partnership_stalled",
    )


def test_partnership_not_expected_with_unsafe_carer() -> None:
    unsafe = replace(MUM, safe_to_involve=False, safe_reason="Suspected of harming Kai.")
    informed = [inv(i, d, partnership_level="informed") for i, d in ((1, 0), (2, 14), (3, 30))]
    assert not of(check_case(case(tuple(informed), carers=(unsafe,))), "partnership_stalled")


# ---------------------------------------------------------------- text fields and voices
def test_text_fields_scanned_but_voices_never() -> None:
    i1 = inv(
        1,
        1,
        notes="Mum is in denial about the men.",
        parent_view="I've been hostile because nobody listened. He is streetwise.",
    )
    c1 = con(1, 1, child_view="I chose to go, I'm streetwise.", influence="Kai is streetwise.")
    carer = replace(DAD, safe_to_involve=False, safe_reason="Dad failed to protect Kai.")
    found = check_case(case((i1,), (c1,), carers=(MUM, carer)))
    text = [(f.kind, f.record_type, f.record_id, f.field) for f in found if f.start is not None]
    assert ("parent_blame", "involvement", 1, "notes") in text
    assert ("child_blame", "consultation", 1, "influence") in text
    assert ("parent_blame", "carer", 2, "safe_reason") in text
    assert all(f.field not in ("parent_view", "child_view") for f in found)
    notes = next(f for f in found if f.field == "notes")
    assert i1.notes[notes.start : notes.end] == notes.matched


def test_clean_case_has_no_findings() -> None:
    i1 = inv(1, 10, shares_child_information=True, partnership_level="partner")
    assert check_case(case((i1,), (con(1, 3),))) == []


def test_a_safety_decision_past_its_review_date_is_a_finding_in_plain_words() -> None:
    unsafe = replace(
        DAD, safe_to_involve=False, safe_reason="Police advice.", safe_review_on=date(2026, 3, 3)
    )
    on = replace(case(carers=(MUM, unsafe)), today=date(2026, 3, 4))
    [found] = of(check_case(on), "review_overdue")
    assert (found.record_type, found.record_id, found.carer_id) == ("carer", 2, 2)
    assert "Lee (father)" in found.explanation
    assert "reviewed on 3 March 2026" in found.explanation
    assert "new review date" in found.suggestion

    # Due today is not yet overdue; a safe carer has no review to miss.
    assert of(check_case(replace(on, today=date(2026, 3, 3))), "review_overdue") == []
    safe_again = replace(unsafe, safe_to_involve=True)
    assert of(check_case(replace(on, carers=(MUM, safe_again))), "review_overdue") == []
