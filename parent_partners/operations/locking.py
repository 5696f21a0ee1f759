"""One writer at a time per case, so concurrent saves cannot lose or double-count work.

Every write to a case (a record saved, a flag changed, the summaries brought up to date)
first takes the case's row lock and holds it until the request's transaction ends. A
second save to the same case waits for the first to commit, then reads what it wrote:
the flag refresh sees the first save's flags (no duplicate open flag), and the summary
upkeep subtracts the rows the first save left (no count lost or counted twice).

- PostgreSQL: ``SELECT … FOR NO KEY UPDATE``. Not ``FOR UPDATE``: inserting a record that
  points at the case takes a key-share lock on the case row, which ``FOR UPDATE`` would
  wait for, so two saves that had each inserted a record would deadlock.
- SQLite has one writer for the whole file: a no-op ``UPDATE`` of the case row takes the
  write lock at once, before anything else is read for the change.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, event, select, text
from sqlalchemy.orm import Session

from parent_partners.extensions import db
from parent_partners.models import Case

_LOCKED = "partners_locked_cases"


def lock_cases(case_ids: Iterable[int | None]) -> None:
    """Take the row lock of each case (in id order, so two writers cannot deadlock)."""
    session = db.session()
    held: set[int] = session.info.setdefault(_LOCKED, set())
    wanted = sorted({int(i) for i in case_ids if i is not None} - held)
    if not wanted:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            select(Case.id)
            .where(Case.id.in_(wanted))
            .order_by(Case.id)
            .with_for_update(key_share=True)
        )
    else:
        session.execute(
            text("UPDATE cases SET id = id WHERE id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": wanted},
        )
    held.update(wanted)


def lock_case(case_id: int | None) -> None:
    """Take one case's row lock for the rest of the transaction."""
    lock_cases([case_id])


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_LOCKED, None)


def install() -> None:
    """Forget the cases locked when a transaction ends (once per process)."""
    target = db.session
    if event.contains(target, "after_commit", _forget):
        return
    for name in ("after_commit", "after_rollback", "after_soft_rollback"):
        event.listen(target, name, _forget)


__all__ = ["install", "lock_case", "lock_cases"]
