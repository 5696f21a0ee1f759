"""One synthetic case and its history: carers, involvements and child consultations.

The history is built as good practice first (strengths recorded, distress
supported, the child asked before anything is shared, partnership growing from
"informed" towards "partner"), then the case's deliberate slips (``slips.py``)
are applied on top, so every flag in the demo comes from a slip chosen here.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from parent_partners.demo import phrases, slips, timeline, voices
from parent_partners.demo.drawn import Drawn
from parent_partners.demo.family import (
    CarerPlan,
    Household,
    make_carers,
    make_child,
    weighted,
)
from parent_partners.models import Carer, Case, Consultation, Involvement, Team, User
from parent_partners.vocabulary import BLAME_KINDS

_KINDS_BY_LEVEL: dict[str, dict[str, int]] = {
    "informed": {"phone_call": 40, "information_sharing": 30, "home_visit": 30},
    "consulted": {
        "home_visit": 40, "phone_call": 25, "meeting": 20, "support_session": 10,
        "peer_support_referral": 5,
    },
    "involved": {
        "meeting": 30, "safety_planning": 25, "strategy_meeting": 15, "cp_conference": 15,
        "home_visit": 15,
    },
    "partner": {
        "safety_planning": 35, "meeting": 25, "support_session": 20, "peer_support_referral": 10,
        "cp_conference": 10,
    },
}
# How often each kind of contact shares information or plans about the child.
_SHARES: dict[str, float] = {
    "information_sharing": 1.0, "cp_conference": 1.0, "strategy_meeting": 0.9,
    "safety_planning": 0.9, "meeting": 0.6, "home_visit": 0.45, "phone_call": 0.4,
    "support_session": 0.1, "peer_support_referral": 0.0,
}
_WISHES = {"agrees": 50, "agrees_with_conditions": 28, "does_not_agree": 12, "undecided": 10}
# Re-ask the child a little before the checks' 90-day window runs out.
RECONSULT_DAYS = 75
# Slips that can always be placed on a finished history (used when another cannot).
_FALLBACK_SLIPS = ("no_strengths", "child_blame", "parent_blame", "distress_unsupported")


@dataclass
class CasePlan:
    """What the caller decides about a case before it is drawn."""

    team: Team
    worker: User
    reference: str
    household: Household
    slips: tuple[str, ...] = ()


@dataclass
class BuiltCase:
    """The drawn rows of one case (``Drawn``, named here by the models they become)."""

    case: Case
    carers: list[Carer]
    involvements: list[Involvement]
    consultations: list[Consultation]
    slips: list[str] = field(default_factory=list)


# Typed loosely: a drawn row stands in for the model it becomes once entered.
_draw: Callable[..., Any] = Drawn


class CaseBuilder:
    """Draws one case from the shared random stream; nothing here touches the database."""

    def __init__(self, rng: random.Random, today: date, plan: CasePlan) -> None:
        self.rng = rng
        self.today = today
        self.plan = plan
        self.wanted = set(plan.slips)
        self.applied: list[str] = []
        self.used: dict[int, set[int]] = {}
        self.reworded: set[int] = set()

    # ------------------------------------------------------------ wording

    def fill(self, template: str, carer: CarerPlan | None = None, **extra: str) -> str:
        """Fill a phrase template with this case's names and pronouns."""
        child = self.child
        words = {
            "child": child.first,
            "their": child.their,
            "them": child.them,
            "self": child.self_word,
            "worker": self.plan.worker.name.split()[0],
            "place": self.place,
            "interest": self.interest,
            "school": self.school,
            "carer": carer.first if carer else "the family",
            "rel": carer.rel if carer else "parent",
            "called": carer.called if carer else "them",
            "language": carer.interpreter_language if carer else "",
            "unsafe": self.unsafe.name if self.unsafe else "",
        }
        words.update(extra)
        return template.format_map(words)

    def pick(self, bank: tuple[str, ...], carer: CarerPlan | None = None) -> str:
        """Choose a template from ``bank`` and fill it, not repeating one until all are used.

        A real case file rarely says the same sentence twice, so each bank is
        worked through before any template comes round again on this case.
        """
        used = self.used.setdefault(id(bank), set())
        if len(used) >= len(bank):
            used.clear()
        index = self.rng.choice([i for i in range(len(bank)) if i not in used])
        used.add(index)
        return self.fill(bank[index], carer)

    # ------------------------------------------------------------ the case

    def build(self) -> BuiltCase:
        """Draw the child, household and history, then apply the case's slips."""
        rng = self.rng
        long_case = "partnership_stalled" in self.wanted
        # An overdue safety review is worth showing only on a case that is still open.
        keep_open = long_case or "review_overdue" in self.wanted
        # A stalled partnership needs weeks of history on an open case to show.
        opened_ago = rng.randint(75 if long_case else 30, 548)
        opened_on = self.today - timedelta(days=opened_ago)
        closed_on = None
        if opened_ago > 120 and not keep_open and rng.random() < 0.22:
            closed_on = opened_on + timedelta(days=rng.randint(90, opened_ago - 7))
        self.child = make_child(rng, opened_on, self.today)
        self.place = rng.choice(phrases.PLACES[rng.choice(self.child.contexts)])
        self.interest = rng.choice(phrases.INTERESTS)
        self.school = rng.choice(phrases.SCHOOLS)
        self.carer_plans = make_carers(rng, self.child, self.plan.household)
        self.unsafe = next((c for c in self.carer_plans if not c.safe), None)
        self.safe = [c for c in self.carer_plans if c.safe]
        end = closed_on or self.today

        case = _draw(
            reference=self.plan.reference,
            child_name=self.child.name,
            child_dob=self.child.dob,
            gender=self.child.gender,
            ethnicity=self.child.ethnicity,
            communication_needs=self.child.communication_needs,
            harm_types=self.child.harm_types,
            contexts=self.child.contexts,
            team=self.plan.team,
            worker=self.plan.worker,
            opened_on=opened_on,
            closed_on=closed_on,
        )
        self.case = case
        self.carer_rows = {id(p): self._carer_row(case, p, opened_on) for p in self.carer_plans}
        built = BuiltCase(case=case, carers=list(self.carer_rows.values()), involvements=[],
                          consultations=[])
        self._history(built, opened_on, end, closed=closed_on is not None)
        self._apply_slips(built)
        built.slips = self.applied
        return built

    def _carer_row(self, case: Case, plan: CarerPlan, opened_on: date) -> Carer:
        carer = _draw(
            case=case,
            name=plan.name,
            relationship_to_child=plan.relationship,
            parental_responsibility=plan.parental_responsibility,
            communication_needs=plan.communication_needs,
            interpreter_language=plan.interpreter_language,
            safe_to_involve=plan.safe,
            safe_reason="",
            safe_review_on=None,
        )
        if not plan.safe:
            reasons: tuple[str, ...] = voices.UNSAFE_REASONS
            if plan.relationship == "mother":  # the protective-order wording names the mother
                reasons = reasons[:3]
            carer.safe_reason = self.pick(reasons)
            carer.safe_review_on = max(opened_on, self.today) + timedelta(
                days=self.rng.randint(14, 120)
            )
        return carer

    # ------------------------------------------------------------ history

    def _history(self, built: BuiltCase, opened_on: date, end: date, closed: bool) -> None:
        rng = self.rng
        span = (end - opened_on).days
        count = max(3, min(12, round(3 + span / 50 + rng.uniform(-1, 2))))
        if "partnership_stalled" in self.wanted:
            count = max(count, 4)
        dates = timeline.contact_dates(self.rng, opened_on, end, count, closed)
        stalled = "partnership_stalled" in self.wanted and (dates[-1] - dates[0]).days >= 35
        if stalled:
            self.applied.append("partnership_stalled")
        levels = timeline.partnership_levels(self.rng, count, stalled)
        skip_consultation = "child_not_consulted" in self.wanted
        # Slips about consultations need at least one contact that shares information.
        force_share = skip_consultation or "child_view_overridden" in self.wanted

        if self.unsafe is not None:
            built.consultations.append(self._unsafe_consultation(opened_on, dates[0]))

        last_asked: dict[int, date] = {}
        previous: date | None = None
        primary = self.safe[0]
        for index, (when, level) in enumerate(zip(dates, levels, strict=True)):
            closing = closed and index == count - 1
            involvement, members = self._involvement(
                when, level, primary, stalled=stalled, closing=closing,
                force_share=force_share and index == 0,
            )
            built.involvements.append(involvement)
            if not involvement.shares_child_information:
                previous = when
                continue
            stale = [
                m for m in members
                if id(m) not in last_asked or (when - last_asked[id(m)]).days > RECONSULT_DAYS
            ]
            if stale and skip_consultation:
                # The slip: information shared with nobody having asked the child.
                skip_consultation = False
                self.applied.append("child_not_consulted")
            elif stale:
                # On or before the contact, after the previous one (so a skipped one stays bare).
                low = previous + timedelta(days=1) if previous else opened_on
                gap = max(0, min(7, (when - low).days))
                asked_on = when - timedelta(days=rng.randint(0, gap))
                consultation, asked = self._consultation(asked_on, members, force_share)
                built.consultations.append(consultation)
                if asked:
                    for member in members:
                        last_asked[id(member)] = asked_on
            previous = when

    def _involvement(
        self,
        when: date,
        level: str,
        primary: CarerPlan,
        *,
        stalled: bool,
        closing: bool,
        force_share: bool,
    ) -> tuple[Involvement, list[CarerPlan]]:
        """One contact with some of the safe carers, written as good practice."""
        rng = self.rng
        if stalled:
            members = [primary] + [c for c in self.safe[1:] if rng.random() < 0.3]
        else:
            members = [
                c for c in self.safe if rng.random() < (0.85 if c is primary else 0.4)
            ] or [primary]
        lead = members[0]
        kind = "meeting" if closing else weighted(rng, _KINDS_BY_LEVEL[level])
        if stalled:
            kind = rng.choice(slips.STALLED_KINDS)
        elif lead.professional and kind in phrases.FAMILY_ONLY_KINDS:
            kind = "meeting"
        if force_share:
            kind = "information_sharing"
        if closing:
            level = rng.choice(("involved", "partner"))
        involvement = _draw(
            case=self.case,
            date=when,
            kind=kind,
            partnership_level=level,
            recorded_by=self.plan.worker,
            shares_child_information=False,
        )
        involvement.carers = [self.carer_rows[id(m)] for m in members]
        if kind == "strategy_meeting" and not stalled and rng.random() < 0.2:
            involvement.partnership_level = "not_involved"
            involvement.not_involved_reason = self.pick(phrases.NOT_INVOLVED_REASON, lead)
        elif force_share or rng.random() < _SHARES[kind]:
            self._share(involvement, lead)
        distressed = rng.random() < (0.05 if lead.professional else 0.3)
        if lead.professional:
            view_bank: tuple[str, ...] = (
                voices.CARER_VIEWS_PROFESSIONAL_DISTRESSED if distressed
                else voices.CARER_VIEWS_PROFESSIONAL
            )
        elif distressed:
            view_bank = voices.PARENT_VIEWS_DISTRESSED
        elif level == "partner" and rng.random() < 0.5:
            view_bank = voices.PARENT_VIEWS_PARTNER
        else:
            view_bank = voices.PARENT_VIEWS
        # A letter or a quick call does not always capture the parent's words.
        if level != "informed" or rng.random() < 0.8:
            involvement.parent_view = self.pick(view_bank, lead)
        strengths = [self.pick(phrases.STRENGTHS_FOR[lead.professional], lead)]
        if rng.random() < 0.3:
            other = rng.choice(members)
            strengths.append(self.pick(phrases.STRENGTHS_FOR[other.professional], other))
        involvement.strengths = " ".join(dict.fromkeys(strengths))
        if distressed:
            involvement.parent_distress = True
            involvement.distress_support = self.pick(
                phrases.DISTRESS_SUPPORT_FOR[lead.professional], lead
            )
        if level != "informed" or rng.random() < 0.5:
            actions = [self.pick(phrases.ACTIONS_FOR[lead.professional], lead)]
            if level == "partner" and rng.random() < 0.6:
                actions.append(self.pick(phrases.PARTNER_ACTIONS, lead))
            if lead.interpreter_language:
                actions.append(self.fill(phrases.INTERPRETER_ACTION, lead))
            involvement.actions = " ".join(actions)
        if closing:
            notes = [self.pick(phrases.CLOSING_NOTES, lead)]
        elif stalled:
            notes = [self.pick(slips.STALLED_NOTES, lead)]
        else:
            notes = [self.pick(phrases.NOTES[kind], lead)]
            if rng.random() < 0.35:
                notes.append(self.pick(phrases.EXTRA_NOTES_FOR[lead.professional], lead))
        if lead.interpreter_language:
            notes.append(self.fill(phrases.INTERPRETER_NOTE, lead))
        involvement.notes = " ".join(notes)
        return involvement, members

    def _share(self, involvement: Involvement, lead: CarerPlan) -> None:
        involvement.shares_child_information = True
        involvement.shared_what = self.pick(phrases.SHARED_WHAT, lead)
        involvement.shared_why = self.pick(phrases.SHARED_WHY, lead)

    def _consultation(
        self, when: date, members: list[CarerPlan], must_ask: bool
    ) -> tuple[Consultation, bool]:
        """The child's view on sharing with ``members``, and whether the child was asked."""
        rng = self.rng
        lead = members[0]
        consultation = _draw(
            case=self.case,
            date=when,
            recorded_by=self.plan.worker,
        )
        consultation.carers = [self.carer_rows[id(m)] for m in members]
        if not must_ask and rng.random() < 0.07:
            reason = rng.choice(("child_missing", "child_missing", "immediate_safeguarding"))
            consultation.child_asked = False
            consultation.not_asked_reason = reason
            consultation.not_asked_detail = self.pick(voices.NOT_ASKED[reason], lead)
            consultation.child_told_outcome = False
            return consultation, False
        wish = weighted(rng, _WISHES)
        consultation.child_asked = True
        consultation.child_wish = wish
        consultation.child_view = self.pick(voices.CHILD_VIEWS[wish], lead)
        consultation.influence = self.pick(voices.INFLUENCE[wish], lead)
        consultation.decision = "proceed"
        consultation.child_told_outcome = True
        if wish == "does_not_agree":
            consultation.override_rationale = self.pick(voices.OVERRIDE_RATIONALE, lead)
        return consultation, True

    def _unsafe_consultation(self, opened_on: date, first_contact: date) -> Consultation:
        """Asking the child about the carer it is not safe to involve: we do not involve them."""
        assert self.unsafe is not None
        rng = self.rng
        when = opened_on + timedelta(days=rng.randint(0, max(0, (first_contact - opened_on).days)))
        wish = "does_not_agree" if rng.random() < 0.8 else "undecided"
        consultation = _draw(
            case=self.case,
            date=when,
            recorded_by=self.plan.worker,
            child_asked=True,
            child_wish=wish,
            child_view=self.pick(
                voices.UNSAFE_CHILD_VIEWS if wish == "does_not_agree"
                else voices.UNSAFE_UNDECIDED_VIEWS,
                self.unsafe,
            ),
            influence=self.pick(voices.UNSAFE_INFLUENCE, self.unsafe),
            decision="not_proceed",
            child_told_outcome=True,
        )
        consultation.carers = [self.carer_rows[id(self.unsafe)]]
        return consultation

    # ------------------------------------------------------------ slips

    def _apply_slips(self, built: BuiltCase) -> None:
        rng = self.rng
        todo = [s for s in self.plan.slips if s not in self.applied]
        for slip in todo:
            if not self._apply(slip, built):
                spare = [s for s in _FALLBACK_SLIPS if s not in self.applied]
                self._apply(rng.choice(spare), built)

    def _apply(self, slip: str, built: BuiltCase) -> bool:
        """Put one slip into the finished history; False if this case cannot carry it."""
        rng = self.rng
        # One blaming sentence per note, so two wording slips never overwrite each other.
        involvements = [
            i for i in built.involvements
            if i.partnership_level != "not_involved" and id(i) not in self.reworded
        ]
        target = rng.choice(involvements)
        lead = self._plan_of(target)
        if slip == "no_strengths":
            target.strengths = ""
        elif slip == "distress_unsupported":
            target.parent_distress = True
            target.distress_support = ""
            target.parent_view = self.pick(
                voices.CARER_VIEWS_PROFESSIONAL_DISTRESSED if lead.professional
                else voices.PARENT_VIEWS_DISTRESSED,
                lead,
            )
        elif slip in BLAME_KINDS:
            bank = slips.CHILD_BLAME if slip == "child_blame" else slips.PARENT_BLAME
            blamed = (
                "Residential staff" if lead.relationship == "residential_staff"
                else lead.rel.capitalize()
            )
            # Keep the note's opening ("Home visit.") so the slip reads like a real note.
            opening = target.notes.split(". ", 1)[0].rstrip(".")
            target.notes = f"{opening}. {self.fill(rng.choice(bank), lead, blamed=blamed)}"
            self.reworded.add(id(target))
        elif slip == "child_view_overridden":
            asked = [c for c in built.consultations if c.child_asked and c.decision == "proceed"]
            if not asked:
                return False
            consultation = rng.choice(asked)
            about = self._plan_of(consultation)
            consultation.child_wish = "does_not_agree"
            consultation.child_view = self.pick(voices.CHILD_VIEWS["does_not_agree"], about)
            consultation.influence = ""
            variant = rng.choice(("no_rationale", "not_told", "both"))
            consultation.override_rationale = (
                "" if variant != "not_told" else self.pick(voices.OVERRIDE_RATIONALE, about)
            )
            consultation.child_told_outcome = variant == "no_rationale"
        elif slip == "review_overdue":
            due = self.today - timedelta(days=rng.randint(3, 45))
            if self.unsafe is None or due <= self.case.opened_on:
                return False
            self.carer_rows[id(self.unsafe)].safe_review_on = due
        else:
            # Stalled partnership and missing consultations are drawn into the history itself.
            return False
        self.applied.append(slip)
        return True

    def _plan_of(self, record: Involvement | Consultation) -> CarerPlan:
        first = record.carers[0]
        return next(p for p in self.carer_plans if self.carer_rows[id(p)] is first)
