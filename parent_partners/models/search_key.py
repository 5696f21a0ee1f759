"""Keep ``cases.search_key`` in step with the child's name, the reference and the carers' names.

Mapper events cover every ORM write (pages, API, import); the bulk seeder writes
with Core and calls ``refresh_search_keys`` itself once its rows are in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, event, inspect, select, update
from sqlalchemy.orm import InstanceState

from parent_partners.models.case import Carer, Case
from parent_partners.search_text import search_key

_CHUNK = 500


def refresh_search_keys(connection: Connection, case_ids: Iterable[int] | None = None) -> int:
    """Recompute the search key of these cases (every case when ``case_ids`` is None)."""
    cases, carers = Case.__table__, Carer.__table__
    ids = None if case_ids is None else sorted(set(case_ids))
    done = 0
    for start in range(0, 1 if ids is None else len(ids), _CHUNK):
        chunk = None if ids is None else ids[start : start + _CHUNK]
        case_query = select(cases.c.id, cases.c.child_name, cases.c.reference)
        carer_query = select(carers.c.case_id, carers.c.name).where(carers.c.archived_at.is_(None))
        if chunk is not None:
            case_query = case_query.where(cases.c.id.in_(chunk))
            carer_query = carer_query.where(carers.c.case_id.in_(chunk))
        names: dict[int, list[str]] = {}
        for case_id, name in connection.execute(carer_query.order_by(carers.c.id)):
            names.setdefault(case_id, []).append(name)
        rows = [
            {"b_id": case_id, "b_key": search_key(child, reference, names.get(case_id, []))}
            for case_id, child, reference in connection.execute(case_query)
        ]
        if rows:
            connection.execute(
                update(cases)
                .where(cases.c.id == bindparam("b_id"))
                .values(search_key=bindparam("b_key")),
                rows,
            )
        done += len(rows)
    return done


@event.listens_for(Case, "before_insert")
@event.listens_for(Case, "before_update")
def _case_key(mapper: Any, connection: Connection, case: Case) -> None:
    state: InstanceState[Case] = inspect(case)
    if state.persistent and not any(
        state.attrs[name].history.has_changes() for name in ("child_name", "reference")
    ):
        return
    carers = Carer.__table__
    names = (
        []
        if case.id is None
        else list(
            connection.scalars(
                select(carers.c.name)
                .where(carers.c.case_id == case.id, carers.c.archived_at.is_(None))
                .order_by(carers.c.id)
            )
        )
    )
    case.search_key = search_key(case.child_name, case.reference, names)


@event.listens_for(Carer, "after_insert")
@event.listens_for(Carer, "after_update")
def _carer_key(mapper: Any, connection: Connection, carer: Carer) -> None:
    state: InstanceState[Carer] = inspect(carer)
    if (
        state.attrs["name"].history.has_changes()
        or state.attrs["archived_at"].history.has_changes()
    ):
        refresh_search_keys(connection, [carer.case_id])
