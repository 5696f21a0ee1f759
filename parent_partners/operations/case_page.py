"""What the case page shows: the child's voice, open flags leading to their words, the timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from parent_partners.extensions import db
from parent_partners.models import Carer, Case, Consultation, Flag, Involvement, User
from parent_partners.operations import review_sweep
from parent_partners.scoping import can_edit
from parent_partners.vocabulary import OPEN_FLAG_STATUSES

TIMELINE_PAGE_SIZE = 10
TIMELINE_KINDS = ("involvement", "consultation")


@dataclass
class TimelineEntry:
    """An involvement or consultation on the case timeline."""

    kind: str  # "involvement" | "consultation"
    date: date
    record: Any
    flags: list[Flag] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The id of this entry on the case page."""
        return f"{self.kind}-{self.record.id}"


@dataclass
class Excerpt:
    """The words a text flag points at, with a little of the text around them."""

    before: str
    matched: str
    after: str


EXCERPT_CONTEXT = 80


def flag_excerpt(flag: Flag, records: dict[tuple[str, int], Any]) -> Excerpt | None:
    """Return the flagged words in their sentence, if the record still holds them there."""
    record = records.get((flag.record_type or "", flag.record_id or 0))
    text = getattr(record, flag.field or "", None) if record is not None else None
    start, end = flag.span_start, flag.span_end
    if not isinstance(text, str) or start is None or end is None or end > len(text):
        return None
    before = text[max(0, start - EXCERPT_CONTEXT) : start]
    after = text[end : end + EXCERPT_CONTEXT]
    return Excerpt(
        before=("…" if start > EXCERPT_CONTEXT else "") + before,
        matched=text[start:end],
        after=after + ("…" if end + EXCERPT_CONTEXT < len(text) else ""),
    )


def marked_text(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Split ``text`` into pieces, each saying whether it is flagged words to highlight.

    Overlapping or out-of-range spans are merged or dropped, so the pieces always
    join back into the text exactly.
    """
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(spans):
        start, end = max(start, position), min(end, len(text))
        if end <= start:
            continue
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def _highlights(flags: list[Flag], records: dict[tuple[str, int], Any]) -> dict[str, Any]:
    spans: dict[tuple[str, int, str], list[tuple[int, int]]] = {}
    for flag in flags:
        if flag.span_start is None or flag.span_end is None or not flag.field:
            continue
        key = (flag.record_type or "", flag.record_id or 0, flag.field)
        spans.setdefault(key, []).append((flag.span_start, flag.span_end))
    marks: dict[str, Any] = {}
    for (record_type, record_id, name), found in spans.items():
        text = getattr(records.get((record_type, record_id)), name, None)
        if isinstance(text, str):
            marks[f"{record_type}-{record_id}-{name}"] = marked_text(text, found)
    return marks


@dataclass
class ChildVoice:
    """The child's most recent words, and what came of them."""

    latest: Consultation | None
    consultations: int


def child_voice(consultations: list[Consultation]) -> ChildVoice:
    """Return the latest consultation in which the child was asked, and how many there are."""
    asked = [c for c in consultations if c.child_asked]
    latest = max(asked, key=lambda c: (c.date, c.id), default=None)
    return ChildVoice(latest=latest, consultations=len(consultations))


def _case_flags(case: Case) -> list[Flag]:
    return list(
        db.session.scalars(
            select(Flag)
            .where(Flag.case_id == case.id)
            .options(joinedload(Flag.dismissed_by), joinedload(Flag.reopened_by))
            .order_by(Flag.created_at.desc(), Flag.id.desc())
        )
    )


def case_page(user: User, case: Case) -> dict[str, Any]:
    """Gather what the case page shows, in a fixed number of queries.

    Who recorded or dismissed something, and the carers each record is about, are joined
    into the same query (one round trip, not one more per relationship).
    """
    involvements = list(
        db.session.scalars(
            select(Involvement)
            .where(Involvement.case_id == case.id, Involvement.archived_at.is_(None))
            .options(joinedload(Involvement.recorded_by), joinedload(Involvement.carers))
        ).unique()
    )
    consultations = list(
        db.session.scalars(
            select(Consultation)
            .where(Consultation.case_id == case.id, Consultation.archived_at.is_(None))
            .options(joinedload(Consultation.recorded_by), joinedload(Consultation.carers))
        ).unique()
    )
    flags = _case_flags(case)
    if case.closed_on is None and review_sweep.needs_check(case, flags):
        # A review date passed since the last save: raise its flag before showing the page.
        review_sweep.raise_overdue([case.id])
        flags = _case_flags(case)
    open_flags = [f for f in flags if f.is_open]
    by_record: dict[tuple[str | None, int | None], list[Flag]] = {}
    for flag in open_flags:
        by_record.setdefault((flag.record_type, flag.record_id), []).append(flag)
    timeline = [
        TimelineEntry("involvement", i.date, i, by_record.get(("involvement", i.id), []))
        for i in involvements
    ] + [
        TimelineEntry("consultation", c.date, c, by_record.get(("consultation", c.id), []))
        for c in consultations
    ]
    timeline.sort(key=lambda entry: (entry.date, entry.record.id), reverse=True)
    carers: list[Carer] = [c for c in case.carers if c.archived_at is None]
    records: dict[tuple[str, int], Any] = {("involvement", i.id): i for i in involvements}
    records.update({("consultation", c.id): c for c in consultations})
    records.update({("carer", c.id): c for c in carers})
    return {
        "case": case,
        "carers": carers,
        "timeline": timeline,
        "voice": child_voice(consultations),
        "open_flags": open_flags,
        "flag_records": {f.id: records.get((f.record_type or "", f.record_id or 0)) for f in flags},
        "excerpts": {f.id: flag_excerpt(f, records) for f in flags if f.matched},
        "marks": _highlights(open_flags, records),
        "carer_names": {c.id: c.name for c in carers},
        "closed_flags": [f for f in flags if not f.is_open],
        "editable": can_edit(user, case),
        "today": date.today(),
    }


@dataclass
class TimelinePage:
    """One page of the timeline, after the kind and carer filters."""

    entries: list[TimelineEntry]
    total: int
    page: int
    per_page: int
    kind: str
    carer_id: int | None
    # The page of the unfiltered timeline each record is on, so a flag can link to it.
    record_pages: dict[str, int]

    @property
    def pages(self) -> int:
        """Number of pages in the filtered timeline."""
        return max(1, -(-self.total // self.per_page))

    @property
    def filtered(self) -> bool:
        """Whether a filter narrows the timeline."""
        return bool(self.kind) or self.carer_id is not None


def timeline_page(
    timeline: list[TimelineEntry],
    *,
    kind: str = "",
    carer_id: int | None = None,
    page: int = 1,
    per_page: int = TIMELINE_PAGE_SIZE,
) -> TimelinePage:
    """Filter the timeline by kind of record and by parent or carer, and cut out one page."""
    record_pages = {entry.anchor: n // per_page + 1 for n, entry in enumerate(timeline)}
    kind = kind if kind in TIMELINE_KINDS else ""
    chosen = [
        entry
        for entry in timeline
        if (not kind or entry.kind == kind)
        and (carer_id is None or any(c.id == carer_id for c in entry.record.carers))
    ]
    pages = max(1, -(-len(chosen) // per_page))
    page = min(max(page, 1), pages)
    return TimelinePage(
        entries=chosen[(page - 1) * per_page : page * per_page],
        total=len(chosen),
        page=page,
        per_page=per_page,
        kind=kind,
        carer_id=carer_id,
        record_pages=record_pages,
    )


def open_record_flags(record_type: str, record_id: int) -> list[Flag]:
    """Return the open flags on one record, so its edit form can show them before any typing."""
    return list(
        db.session.scalars(
            select(Flag)
            .where(Flag.record_type == record_type, Flag.record_id == record_id)
            .where(Flag.status.in_(OPEN_FLAG_STATUSES))
            .order_by(Flag.id)
        )
    )
