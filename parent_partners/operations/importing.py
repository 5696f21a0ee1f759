"""Importing cases from a CSV export of a case-management system.

Every row is checked before anything is written; the rows are then written
together, through the same operations as the pages (so they are audited and
checked). See the README's "Importing cases" for the columns.

A reference already in the service is an error unless the import is told what to do
with it: ``skip`` leaves the case as it is, ``update`` changes its details to the file's
(through the same edit as the API's PATCH, so versioned and audited) and adds parents and
carers it does not have yet. Either way the row is still checked first.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TextIO

from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import Case, Team, User
from parent_partners.operations import access_trail, statistics, validation
from parent_partners.operations.cases import open_case
from parent_partners.operations.partnership import add_carer, edit_case
from parent_partners.operations.people import normalise_email
from parent_partners.operations.record_inputs import CarerInput, CaseDetails, CaseInput
from parent_partners.vocabulary import (
    CONTEXTS,
    ETHNICITIES,
    GENDERS,
    HARM_TYPES,
    RELATIONSHIPS,
    TEAM_ROLES,
    Choices,
    values,
)

COLUMNS = (
    "reference",
    "child_name",
    "child_dob",
    "gender",
    "ethnicity",
    "harm_types",
    "contexts",
    "team",
    "worker_email",
    "opened_on",
    "carer_name",
    "carer_relationship",
    "carer_parental_responsibility",
)
# A host's own id for the case, in a file that has one.
OPTIONAL_COLUMNS = ("external_id",)
REQUIRED = ("reference", "child_name", "team", "worker_email", "opened_on")
CASE_COLUMNS = (*COLUMNS[:10], *OPTIONAL_COLUMNS)
EXISTING = ("refuse", "skip", "update")
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


@dataclass
class CarerRow:
    """A parent or carer to add to an imported case."""

    name: str
    relationship: str
    parental_responsibility: bool


@dataclass
class CaseRow:
    """A case to open, with the line it was first seen on and its carers."""

    line: int
    reference: str
    child_name: str
    child_dob: date | None
    gender: str
    ethnicity: str
    harm_types: list[str]
    contexts: list[str]
    team_id: int
    worker_id: int
    opened_on: date
    raw: dict[str, str]
    external_id: str | None = None
    carers: list[CarerRow] = field(default_factory=list)
    # The case already in the service with this reference (``skip`` or ``update``).
    existing_id: int | None = None

    def to_input(self) -> CaseInput:
        """The row as ``cases.open_case`` takes it (what the file does not give, defaulted)."""
        names = [item.name for item in fields(CaseInput) if hasattr(self, item.name)]
        return CaseInput(**{name: getattr(self, name) for name in names})


@dataclass
class ImportPlan:
    """What a file would import, and what is wrong with it (``(line, reason)``)."""

    cases: list[CaseRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    existing: str = "refuse"

    @property
    def carer_count(self) -> int:
        """How many parents and carers the plan adds."""
        return sum(len(case.carers) for case in self.cases)


@dataclass
class ImportResult:
    """What an import did: cases created, updated and skipped, parents and carers added."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    carers: int = 0

    def summary(self) -> str:
        """One line for a person (and the access trail)."""
        return (
            f"Imported {self.created} cases and {self.carers} parents or carers; "
            f"{self.updated} cases updated, {self.skipped} skipped"
        )


class _RowError(ValueError):
    pass


def _date(raw: str, column: str, required: bool) -> date | None:
    if not raw:
        if required:
            raise _RowError(f"{column} is empty")
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise _RowError(f"{column} {raw!r} is not a date like 2026-06-01") from None


def _choice(raw: str, column: str, choices: Choices, default: str | None = None) -> str:
    if not raw and default is not None:
        return default
    if raw not in values(choices):
        raise _RowError(f"{column} {raw!r} is not one of: {', '.join(values(choices))}")
    return raw


def _choices(raw: str, column: str, choices: Choices) -> list[str]:
    items = [item.strip() for item in raw.split(";") if item.strip()]
    unknown = [item for item in items if item not in values(choices)]
    if unknown:
        known = ", ".join(values(choices))
        raise _RowError(f"{column} has {', '.join(map(repr, unknown))}, not one of: {known}")
    return items


class _Directory:
    """Teams, workers and references already in the database, looked up once each."""

    def __init__(self) -> None:
        self.teams: dict[str, Team | None] = {}
        self.users: dict[str, User | None] = {}

    def team(self, name: str) -> Team:
        if name not in self.teams:
            self.teams[name] = db.session.scalar(select(Team).where(Team.name == name))
        team = self.teams[name]
        if team is None:
            raise _RowError(f"there is no team called {name!r}")
        return team

    def worker(self, email: str, team: Team) -> User:
        email = normalise_email(email)
        if email not in self.users:
            self.users[email] = db.session.scalar(select(User).where(User.email == email))
        user = self.users[email]
        if user is None or not user.active:
            raise _RowError(f"there is no active user {email}")
        if user.team_id != team.id or user.role not in TEAM_ROLES:
            raise _RowError(f"{email} is not a practitioner or manager of {team.name}")
        return user

    @staticmethod
    def case_with(reference: str) -> Case | None:
        return db.session.scalar(select(Case).where(Case.reference == reference))

    @staticmethod
    def external_id_holder(external_id: str) -> str | None:
        return db.session.scalar(select(Case.reference).where(Case.external_id == external_id))


def _case(line: int, row: dict[str, str], directory: _Directory) -> CaseRow:
    missing = [column for column in REQUIRED if not row[column]]
    if missing:
        raise _RowError(f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} empty")
    if len(row["reference"]) > 32:
        raise _RowError("reference is longer than 32 characters")
    if len(row["child_name"]) > 120:
        raise _RowError("child_name is longer than 120 characters")
    if len(row.get("external_id", "")) > 64:
        raise _RowError("external_id is longer than 64 characters")
    team = directory.team(row["team"])
    worker = directory.worker(row["worker_email"], team)
    opened_on = _date(row["opened_on"], "opened_on", required=True)
    assert opened_on is not None
    child_dob = _date(row["child_dob"], "child_dob", required=False)
    # The same rules as the pages and the API, in the same words, naming the column.
    problems = validation.case_problems({"child_dob": child_dob, "opened_on": opened_on})
    if problems:
        raise _RowError("; ".join(f"{column}: {message}" for column, message in problems))
    return CaseRow(
        line=line,
        reference=row["reference"],
        child_name=row["child_name"],
        child_dob=child_dob,
        gender=_choice(row["gender"], "gender", GENDERS, default="not_recorded"),
        ethnicity=_choice(row["ethnicity"], "ethnicity", ETHNICITIES, default="not_recorded"),
        harm_types=_choices(row["harm_types"], "harm_types", HARM_TYPES),
        contexts=_choices(row["contexts"], "contexts", CONTEXTS),
        team_id=team.id,
        worker_id=worker.id,
        opened_on=opened_on,
        raw={column: row.get(column, "") for column in CASE_COLUMNS},
        external_id=row.get("external_id") or None,
    )


def _carer(row: dict[str, str]) -> CarerRow | None:
    name = row["carer_name"]
    relationship = row["carer_relationship"]
    responsibility = row["carer_parental_responsibility"].lower()
    if not name:
        if relationship or responsibility:
            raise _RowError("carer_name is empty but other carer columns are filled in")
        return None
    if len(name) > 120:
        raise _RowError("carer_name is longer than 120 characters")
    if responsibility not in YES | NO:
        raise _RowError(f"carer_parental_responsibility {responsibility!r} is not yes or no")
    return CarerRow(
        name=name,
        relationship=_choice(relationship, "carer_relationship", RELATIONSHIPS),
        parental_responsibility=responsibility in YES,
    )


def _check_existing(
    case: CaseRow, plan: ImportPlan, directory: _Directory, by_external_id: dict[str, CaseRow]
) -> None:
    """Refuse a reference already in use (unless told to skip or update that case) and an
    external id another case holds, in the service or earlier in the file."""
    held = directory.case_with(case.reference)
    if held is not None:
        if plan.existing == "refuse":
            raise _RowError(
                f"a case with reference {case.reference!r} already exists "
                "(use --skip-existing or --update)"
            )
        if plan.existing == "update" and held.team_id != case.team_id:
            raise _RowError(f"case {case.reference} is held by another team")
        case.existing_id = held.id
    if case.external_id is None:
        return
    first = by_external_id.setdefault(case.external_id, case)
    if first is not case:
        raise _RowError(f"external_id {case.external_id!r} is also on line {first.line}")
    holder = directory.external_id_holder(case.external_id)
    if holder is not None and holder != case.reference:
        raise _RowError(f"external_id {case.external_id!r} belongs to another case")


def plan_import(source: TextIO, existing: str = "refuse") -> ImportPlan:
    """Read and check every row; nothing is written. Line 1 is the header, as in a spreadsheet.

    ``existing`` says what to do with a reference already in the service: ``refuse`` (an
    error), ``skip`` or ``update``.
    """
    if existing not in EXISTING:
        raise ValueError(f"existing must be one of {', '.join(EXISTING)}")
    plan = ImportPlan(existing=existing)
    reader = csv.DictReader(source)
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [column for column in COLUMNS if column not in header]
    unknown = [column for column in header if column not in (*COLUMNS, *OPTIONAL_COLUMNS)]
    if missing or unknown:
        reasons = []
        if missing:
            reasons.append(f"missing column(s): {', '.join(missing)}")
        if unknown:
            reasons.append(f"unknown column(s): {', '.join(unknown)}")
        plan.errors.append((1, "; ".join(reasons)))
        return plan
    reader.fieldnames = header
    directory = _Directory()
    by_reference: dict[str, CaseRow] = {}
    by_external_id: dict[str, CaseRow] = {}
    for row in reader:
        line = reader.line_num
        if None in row or any(value is None for value in row.values()):
            plan.errors.append((line, f"expected {len(header)} columns"))
            continue
        cells = {key: (value or "").strip() for key, value in row.items()}
        if not any(cells.values()):
            continue
        try:
            case = by_reference.get(cells["reference"])
            if case is None:
                case = _case(line, cells, directory)
                _check_existing(case, plan, directory, by_external_id)
                by_reference[case.reference] = case
                plan.cases.append(case)
            else:
                differ = [c for c in CASE_COLUMNS if cells.get(c, "") != case.raw[c]]
                if differ:
                    raise _RowError(
                        f"{', '.join(differ)} differ(s) from line {case.line}, "
                        f"the first row for case {case.reference}"
                    )
            carer = _carer(cells)
            if carer is not None:
                case.carers.append(carer)
        except _RowError as error:
            plan.errors.append((line, str(error)))
    if not plan.cases and not plan.errors:
        plan.errors.append((1, "the file has no rows"))
    return plan


def _carer_input(carer: CarerRow) -> CarerInput:
    return CarerInput(
        name=carer.name,
        relationship_to_child=carer.relationship,
        parental_responsibility=carer.parental_responsibility,
    )


def _update(case: Case, row: CaseRow, worker: User) -> bool:
    """Bring an existing case's details to the row's, and add carers it does not have.
    Returns whether anything changed."""
    details = CaseDetails(
        reference=case.reference,
        external_id=row.external_id if row.external_id is not None else case.external_id,
        communication_needs=case.communication_needs,
        closed_on=case.closed_on,
        child_name=row.child_name,
        child_dob=row.child_dob,
        gender=row.gender,
        ethnicity=row.ethnicity,
        harm_types=tuple(row.harm_types),
        contexts=tuple(row.contexts),
        worker_id=row.worker_id,
        opened_on=row.opened_on,
    )
    version = case.version
    edit_case(case, worker, details, version)
    changed = case.version != version
    known = {(carer.name.casefold(), carer.relationship_to_child) for carer in case.carers}
    for carer in row.carers:
        if (carer.name.casefold(), carer.relationship) not in known:
            add_carer(case, _carer_input(carer))
            changed = True
    return changed


def write_import(
    plan: ImportPlan, progress: Callable[[Iterable[CaseRow]], Iterable[CaseRow]] = iter
) -> ImportResult:
    """Open the planned cases and add their carers; skip or update the cases already in the
    service, as planned (in the caller's transaction)."""
    if plan.errors:
        raise ValueError("Refusing to write an import plan that has errors")
    result = ImportResult()
    for row in progress(plan.cases):
        worker = db.session.get(User, row.worker_id)
        assert worker is not None
        if row.existing_id is not None:
            existing = db.session.get(Case, row.existing_id)
            assert existing is not None
            if plan.existing == "update" and _update(existing, row, worker):
                result.updated += 1
            else:
                result.skipped += 1
            continue
        case = open_case(row.to_input())
        if case is None:
            raise ValueError(f"line {row.line}: reference {row.reference!r} was taken meanwhile")
        for carer in row.carers:
            add_carer(case, _carer_input(carer))
        result.created += 1
        result.carers += len(row.carers)
    access_trail.record(
        "cases_imported",
        summary=result.summary(),
        data={
            "cases": result.created,
            "carers": result.carers,
            "updated": result.updated,
            "skipped": result.skipped,
        },
    )
    statistics.analyse()
    return result
