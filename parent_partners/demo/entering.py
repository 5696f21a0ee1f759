"""A drawn demo case entered as a practitioner's would be: typed inputs, record operations.

Each record becomes its ``record_inputs`` dataclass and goes through the operation the pages,
the API and the import call (``cases.open_case``, ``partnership.add_carer``,
``log_involvement``, ``record_consultation``; a closed case is closed by ``edit_case``), so
the demo is held to the same record rules and leaves the same access trail. The caller
wraps a batch in ``flags.checks_held`` so each case is checked once, when it is complete.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any, TypeVar

from parent_partners.demo.cases import BuiltCase
from parent_partners.models import Case
from parent_partners.operations.cases import open_case
from parent_partners.operations.partnership import (
    add_carer,
    edit_case,
    log_involvement,
    record_consultation,
)
from parent_partners.operations.record_inputs import (
    CarerInput,
    CaseDetails,
    CaseInput,
    ConsultationInput,
    InvolvementInput,
)

Entry = TypeVar("Entry")


def _entry(kind: type[Entry], drawn: Any, **given: Any) -> Entry:
    """``kind`` filled from the drawn row's attributes of the same names (and ``given``);
    a field the row does not have keeps the input's default."""
    values = dict(given)
    for item in fields(kind):  # type: ignore[arg-type]
        if item.name in values:
            continue
        if hasattr(drawn, item.name):
            values[item.name] = getattr(drawn, item.name)
        elif item.default is MISSING and item.default_factory is MISSING:
            raise TypeError(f"a drawn row has no {item.name} for {kind.__name__}")
    return kind(**values)


def enter_case(built: BuiltCase) -> Case:
    """Open the case, then add its carers, involvements and consultations; close it last."""
    drawn: Any = built.case
    case = open_case(_entry(CaseInput, drawn, team_id=drawn.team.id, worker_id=drawn.worker.id))
    if case is None:
        # The plans draw references that are not in use, so this means they were not.
        raise ValueError(f"The demo reference {drawn.reference} is already in use")
    carer_ids = {id(row): add_carer(case, _entry(CarerInput, row)).id for row in built.carers}

    def ids(row: Any) -> tuple[int, ...]:
        return tuple(carer_ids[id(carer)] for carer in row.carers)

    worker = drawn.worker  # the case's worker records every contact of the demo
    for row in built.involvements:
        log_involvement(case, worker, _entry(InvolvementInput, row, carer_ids=ids(row)))
    for row in built.consultations:
        record_consultation(case, worker, _entry(ConsultationInput, row, carer_ids=ids(row)))
    if drawn.closed_on is not None:
        details = _entry(CaseDetails, drawn, worker_id=worker.id)
        edit_case(case, worker, details, seen_version=case.version)
    return case
