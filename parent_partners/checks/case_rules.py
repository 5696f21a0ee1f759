"""Record rules over a whole case (DOMAIN.md "Consultation rules" and "Slips"), plus text scans
of the practitioner-written fields. Voices (the child's and the parent's own words) are never
scanned."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from .case_data import CarerData, CaseData, CheckSettings, ConsultationData, InvolvementData
from .findings import Finding
from .lexicon import Lexicon
from .text_scan import scan_text

# Practitioner-written fields only: child_view and parent_view are voices and are never scanned.
INVOLVEMENT_TEXT_FIELDS = (
    "shared_what",
    "shared_why",
    "strengths",
    "distress_support",
    "actions",
    "notes",
)
CONSULTATION_TEXT_FIELDS = ("influence", "override_rationale", "not_asked_detail")
CARER_TEXT_FIELDS = ("safe_reason",)

SRC_VOICE = (
    "TCE Practice Principles, principle 3: respect the voices, experiences and expertise of "
    "children and young people (child consultation rule)"
)
SRC_STRENGTHS = "TCE Practice Principles, principle 4: be strengths-based and relationship-based"
SRC_PARTNERS = (
    "TCE Practice Principles, principle 7: approach parents and carers as partners; "
    "Parents and Carers Shifting Mindset"
)
SRC_REVIEW = (
    "TCE Practice Principles, principle 7: approach parents and carers as partners wherever "
    "possible; a decision that a parent or carer is not safe to involve is recorded, reasoned "
    "and reviewed"
)
SRC_DISTRESS = (
    "TCE Practice Principles, principle 7 (parents' own distress acknowledged and supported); "
    "PACE relational safeguarding model"
)


# How people say each kind of contact, in a sentence ("the phone call on 30 November 2026").
KIND_WORDS = {
    "home_visit": "home visit",
    "phone_call": "phone call",
    "meeting": "meeting",
    "strategy_meeting": "strategy meeting",
    "cp_conference": "child protection conference",
    "safety_planning": "safety planning session",
    "information_sharing": "information-sharing contact",
    "support_session": "support session",
    "peer_support_referral": "peer-support referral",
}


def day_words(day: date) -> str:
    """A date as people write it: "30 November 2026"."""
    return f"{day.day} {day:%B %Y}"


def contact_words(inv: InvolvementData) -> str:
    """The involvement as people say it: "the phone call on 30 November 2026"."""
    kind = KIND_WORDS.get(inv.kind, (inv.kind or "involvement").replace("_", " "))
    return f"the {kind} on {day_words(inv.date)}"


def _age_on(dob: date | None, day: date) -> int | None:
    if dob is None:
        return None
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def _carer_name(carers: dict[int, CarerData], carer_id: int) -> str:
    carer = carers.get(carer_id)
    if carer is None:
        return f"carer {carer_id}"
    return f"{carer.name} ({carer.relationship})" if carer.relationship else carer.name


def _consultation_counts(
    consultation: ConsultationData, case: CaseData, settings: CheckSettings
) -> bool:
    """A consultation covers sharing if the child was asked, or a valid reason is recorded."""
    if consultation.not_asked_reason:
        if consultation.not_asked_reason == "too_young" and settings.too_young_age > 0:
            age = _age_on(case.child_dob, consultation.date)
            return age is None or age < settings.too_young_age
        return True
    return consultation.child_wish is not None or bool(consultation.child_view.strip())


def _scan_fields(
    record: object,
    fields: Iterable[str],
    record_type: str,
    record_id: int,
    lexicon: Lexicon | None,
    carer_id: int | None = None,
) -> list[Finding]:
    out: list[Finding] = []
    for name in fields:
        value = getattr(record, name, "") or ""
        for finding in scan_text(value, lexicon):
            out.append(
                replace(
                    finding,
                    record_type=record_type,
                    record_id=record_id,
                    field=name,
                    carer_id=carer_id,
                )
            )
    return out


def text_findings(case: CaseData, lexicon: Lexicon | None = None) -> list[Finding]:
    """Blaming-language findings in every practitioner-written field of the case."""
    out: list[Finding] = []
    for inv in case.involvements:
        out += _scan_fields(inv, INVOLVEMENT_TEXT_FIELDS, "involvement", inv.id, lexicon)
    for con in case.consultations:
        out += _scan_fields(con, CONSULTATION_TEXT_FIELDS, "consultation", con.id, lexicon)
    for carer in case.carers:
        out += _scan_fields(carer, CARER_TEXT_FIELDS, "carer", carer.id, lexicon, carer_id=carer.id)
    return out


def child_not_consulted(case: CaseData, settings: CheckSettings) -> list[Finding]:
    """Sharing with a carer needs a recent consultation about that carer (or a reason not asked)."""
    carers = {c.id: c for c in case.carers}
    window = settings.consultation_window_days
    out: list[Finding] = []
    for inv in sorted(case.involvements, key=lambda i: (i.date, i.id)):
        if not inv.shares_child_information:
            continue
        for carer_id in inv.carer_ids:
            covered = any(
                carer_id in con.carer_ids
                and con.date <= inv.date
                and (inv.date - con.date).days <= window
                and _consultation_counts(con, case, settings)
                for con in case.consultations
            )
            if covered:
                continue
            who = _carer_name(carers, carer_id)
            earliest = inv.date - timedelta(days=window)
            afterwards = sorted(
                con.date
                for con in case.consultations
                if carer_id in con.carer_ids and con.date > inv.date
            )
            late = (
                f" The consultation of {day_words(afterwards[0])} was recorded after the "
                "sharing, so it does not count: the child is asked first."
                if afterwards
                else ""
            )
            out.append(
                Finding(
                    kind="child_not_consulted",
                    rule="child_not_consulted",
                    explanation=(
                        f"Information about {case.child_name} was shared with {who} at "
                        f"{contact_words(inv)}, but no consultation with {case.child_name} "
                        f"about {who} is dated between {day_words(earliest)} and "
                        f"{day_words(inv.date)} (on or before the day of sharing, within "
                        f"{window} days), and no reason why they could not be asked is "
                        f"recorded.{late}"
                    ),
                    suggestion=(
                        f"Record a consultation with {case.child_name} about {who} dated on "
                        f"or before {day_words(inv.date)}: their view in their own words, or "
                        "why they could not be asked (immediate safeguarding, missing, too "
                        "young). If you asked them before sharing, record it with the day "
                        "you asked."
                    ),
                    source=SRC_VOICE,
                    record_type="involvement",
                    record_id=inv.id,
                    carer_id=carer_id,
                )
            )
    return out


def child_view_overridden(case: CaseData, settings: CheckSettings) -> list[Finding]:
    """A child who did not agree must get a recorded rationale and be told the outcome."""
    window = settings.consultation_window_days
    out: list[Finding] = []
    for con in case.consultations:
        if con.child_wish != "does_not_agree":
            continue
        later_sharing = any(
            inv.shares_child_information
            and set(inv.carer_ids) & set(con.carer_ids)
            and inv.date >= con.date
            and (inv.date - con.date).days <= window
            for inv in case.involvements
        )
        if con.decision != "proceed" and not later_sharing:
            continue
        missing: list[str] = []
        if not con.override_rationale.strip():
            missing.append("no rationale is recorded for going ahead")
        if not con.child_told_outcome:
            missing.append(f"{case.child_name} has not been told the decision")
        if not missing:
            continue
        out.append(
            Finding(
                kind="child_view_overridden",
                rule="child_view_overridden",
                explanation=(
                    f"{case.child_name} did not agree, and the involvement went ahead, but "
                    + " and ".join(missing)
                    + "."
                ),
                suggestion=(
                    "Record why going ahead was necessary despite the child's wish, and tell "
                    "the child the decision and the reasons in a way they understand."
                ),
                source=SRC_VOICE,
                record_type="consultation",
                record_id=con.id,
                field="override_rationale" if not con.override_rationale.strip() else None,
            )
        )
    return out


def _short_administrative(inv: InvolvementData, settings: CheckSettings) -> bool:
    """A brief contact of an exempt kind, e.g. a one-line call to move a visit."""
    written = " ".join((inv.notes, inv.actions, inv.shared_what, inv.shared_why)).strip()
    return (
        inv.kind in settings.strengths_exempt_kinds
        and not inv.shares_child_information
        and not inv.parent_distress
        and len(written) <= settings.strengths_exempt_max_chars
    )


def no_strengths(case: CaseData, settings: CheckSettings | None = None) -> list[Finding]:
    """Every contact should record strengths; deficit-only notes are a slip.

    A short contact of a kind in ``settings.strengths_exempt_kinds`` (by default a phone
    call with a note of a line or two, sharing nothing about the child) is exempt.
    """
    cfg = settings if settings is not None else CheckSettings()
    return [
        Finding(
            kind="no_strengths",
            rule="no_strengths",
            explanation=(f"No strengths or assets are recorded for {contact_words(inv)}."),
            suggestion=(
                "Note what the parents, the child and the network are doing well, and the "
                "assets you can build on (relationships, skills, routines, efforts made)."
            ),
            source=SRC_STRENGTHS,
            record_type="involvement",
            record_id=inv.id,
            field="strengths",
        )
        for inv in case.involvements
        if not inv.strengths.strip() and not _short_administrative(inv, cfg)
    ]


def partnership_stalled(case: CaseData, settings: CheckSettings) -> list[Finding]:
    """A carer kept at 'informed' across several recent involvements over weeks."""
    out: list[Finding] = []
    for carer in case.carers:
        if not carer.safe_to_involve:
            continue  # a recorded, reviewable decision, not a gap in partnership
        history = sorted(
            (i for i in case.involvements if carer.id in i.carer_ids),
            key=lambda i: (i.date, i.id),
        )
        run: list[InvolvementData] = []
        for inv in reversed(history):
            if inv.partnership_level != "informed":
                break
            run.append(inv)
        if len(run) < max(1, settings.stall_min_involvements):
            continue
        span = (run[0].date - run[-1].date).days
        if span < settings.stall_min_days:
            continue
        out.append(
            Finding(
                kind="partnership_stalled",
                rule="partnership_stalled",
                explanation=(
                    f"{_carer_name({carer.id: carer}, carer.id)} has only been informed in the "
                    f"last {len(run)} involvements over {span} days; their views have not been "
                    "asked or used in planning."
                ),
                suggestion=(
                    "Ask for their view and their knowledge of the child, invite them to "
                    "planning, and agree actions on both sides."
                ),
                source=SRC_PARTNERS,
                record_type="carer",
                record_id=carer.id,
                carer_id=carer.id,
            )
        )
    return out


def distress_unsupported(case: CaseData) -> list[Finding]:
    """Parent distress recorded with no support offered."""
    return [
        Finding(
            kind="distress_unsupported",
            rule="distress_unsupported",
            explanation=(
                f"A parent or carer's distress was recorded at {contact_words(inv)}, but no "
                "support for it is recorded."
            ),
            suggestion=(
                "Acknowledge the parent's own distress and record the support offered (e.g. "
                "a parent support worker, peer support such as PACE, GP, time to talk)."
            ),
            source=SRC_DISTRESS,
            record_type="involvement",
            record_id=inv.id,
            field="distress_support",
        )
        for inv in case.involvements
        if inv.parent_distress and not inv.distress_support.strip()
    ]


def review_overdue(case: CaseData) -> list[Finding]:
    """A decision not to involve a carer whose review date has passed with no new one set.

    Judged against ``case.today`` (the checking day when not given), so a date that passes
    with nobody saving anything is found by the next check of the case.
    """
    today = case.today or date.today()
    return [
        Finding(
            kind="review_overdue",
            rule="review_overdue",
            explanation=(
                f"The decision that it is not safe to involve "
                f"{_carer_name({carer.id: carer}, carer.id)} was due to be reviewed on "
                f"{day_words(carer.safe_review_on)}, and no later review is recorded."
            ),
            suggestion=(
                "Review the decision (with your manager if you need to) and record the "
                "outcome on their details: a new review date if it still stands, with the "
                "reason, or that it is now safe to involve them."
            ),
            source=SRC_REVIEW,
            record_type="carer",
            record_id=carer.id,
            field="safe_review_on",
            carer_id=carer.id,
        )
        for carer in case.carers
        if not carer.safe_to_involve
        and carer.safe_review_on is not None
        and carer.safe_review_on < today
    ]


def check_case(
    case: CaseData, settings: CheckSettings | None = None, lexicon: Lexicon | None = None
) -> list[Finding]:
    """All findings for a case: record rules plus blaming language in practitioner fields."""
    cfg = settings if settings is not None else CheckSettings()
    return [
        *child_not_consulted(case, cfg),
        *child_view_overridden(case, cfg),
        *no_strengths(case, cfg),
        *partnership_stalled(case, cfg),
        *distress_unsupported(case),
        *review_overdue(case),
        *text_findings(case, lexicon),
    ]
