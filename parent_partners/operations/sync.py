"""Paging through cases for a host's sync, in the order they changed.

Cases come by ``(updated_at, id)``, and the cursor holds the last pair a page ended on, so
the next page starts strictly after it (keyset paging). A case opened while a client
pages gets a newer ``updated_at`` and lands at the end, never shifting what is still to
come; a case changed while paging moves to the end and comes again, changed. A nightly
sync keeps the time its last run started and asks for ``updated_since`` that time.

The cursor is opaque to clients: URL-safe base64 of the pair, signed by nothing, because
it only says where to start reading among cases the caller may see anyway.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, or_

from parent_partners.extensions import db
from parent_partners.models import Case, User
from parent_partners.operations.cases import CaseRow, case_rows, matching
from parent_partners.scoping import visible_cases


class CursorInvalid(ValueError):
    """A cursor this service did not make (or one mangled on the way)."""


@dataclass
class ChangesPage:
    """A page of cases in the order they changed, and where the next page starts."""

    rows: list[CaseRow]
    next_cursor: str | None


def as_utc(moment: datetime) -> datetime:
    """A timestamp in UTC; one without a zone is taken to be UTC already (as SQLite keeps)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # within a day of year 1 or 9999: as early or late as can be
        return (datetime.min if moment.year == 1 else datetime.max).replace(tzinfo=UTC)


def encode_cursor(updated_at: datetime, case_id: int) -> str:
    """The opaque cursor for "after this case"."""
    raw = json.dumps([as_utc(updated_at).isoformat(), case_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """The ``(updated_at, id)`` a cursor holds; ``CursorInvalid`` if it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        moment, case_id = json.loads(raw)
        if not isinstance(case_id, int) or isinstance(case_id, bool):
            raise TypeError(case_id)
        if not 0 <= case_id < 2**31:  # a PostgreSQL integer
            raise ValueError(case_id)
        return as_utc(datetime.fromisoformat(moment)), case_id
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as error:
        raise CursorInvalid("This cursor was not made by this service") from error


def changed_cases(
    user: User,
    *,
    cursor: str | None = None,
    updated_since: datetime | None = None,
    per_page: int = 50,
    reference: str | None = None,
    external_id: str | None = None,
    mine: bool = False,
) -> ChangesPage:
    """A page of the cases ``user`` may see, oldest change first, after ``cursor`` (from
    the start when it is empty) and changed at or after ``updated_since``."""
    query = matching(visible_cases(user), reference, external_id)
    if mine:
        query = query.where(Case.worker_id == user.id)
    if updated_since is not None:
        query = query.where(Case.updated_at >= as_utc(updated_since))
    if cursor:
        after, after_id = decode_cursor(cursor)
        query = query.where(
            or_(Case.updated_at > after, and_(Case.updated_at == after, Case.id > after_id))
        )
    found = db.session.execute(
        query.with_only_columns(Case.id, Case.updated_at)
        .order_by(Case.updated_at, Case.id)
        .limit(per_page + 1)
    ).all()
    page = found[:per_page]
    next_cursor = None
    if len(found) > per_page:
        last_id, last_updated = page[-1]
        next_cursor = encode_cursor(last_updated, last_id)
    return ChangesPage(rows=case_rows([case_id for case_id, _ in page]), next_cursor=next_cursor)
