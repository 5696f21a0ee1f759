"""The lexicon in force: the packaged rules merged with administrators' changes."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select

from parent_partners import checks
from parent_partners.checks.lexicon_lint import Problem, lint
from parent_partners.extensions import db
from parent_partners.models import LexiconRule, User
from parent_partners.operations import access_trail
from parent_partners.vocabulary import BLAME_KINDS

RULE_ID = re.compile(r"^[a-z][a-z0-9_]{2,79}$")


# Rebuilding a lexicon compiles every pattern, so keep the last one while the
# administrators' changes are unchanged (one cheap query tells).
_cache: dict[str, Any] = {"stamp": None, "lexicon": None}


class LexiconError(ValueError):
    """A rule change that cannot be made as asked.

    ``fields`` maps a form field (should_flag, should_not_flag, patterns) to what is
    wrong with it, when the rule was refused for failing its own lint.
    """

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        """A refusal, with what is wrong with each field if known."""
        super().__init__(message)
        self.fields = fields or {}


def _added_definitions() -> tuple[list[dict[str, Any]], list[str]]:
    """The administrators' added rules (switched on) and the ids switched off."""
    rows = _rows()
    extra = [
        {**row.definition, "id": row.rule_id} for row in rows if not row.packaged and row.enabled
    ]
    return extra, [row.rule_id for row in rows if not row.enabled]


def _lint_new_rule(rule: dict[str, Any]) -> None:
    """Refuse a rule that fails its own examples or shadows (or is shadowed by) another.

    An edited rule is linted in place of its saved self, whether that is on or off.
    """
    extra, disabled = _added_definitions()
    extra = [other for other in extra if other["id"] != rule["id"]]
    try:
        lexicon = checks.load_lexicon(extra_rules=[*extra, rule], disabled=disabled)
    except (ValueError, KeyError, TypeError) as error:
        raise LexiconError(f"The patterns could not be read: {error}") from error
    problems = lint(lexicon, [rule["id"]])
    if not problems:
        return
    by_field: dict[str, list[str]] = {}
    for problem in problems:
        by_field.setdefault(problem.field, []).append(_sentence(problem, rule["id"]))
    fields = {field: "; ".join(messages) for field, messages in by_field.items()}
    raise LexiconError("The rule does not pass its checks", fields)


def _sentence(problem: Problem, rule_id: str) -> str:
    """A lint problem as a sentence for the rule form."""
    subject = "The rule" if problem.rule == rule_id else f"Rule {problem.rule}"
    return f"{subject} {problem.message}"


def _rows() -> list[LexiconRule]:
    return list(db.session.scalars(select(LexiconRule).order_by(LexiconRule.rule_id)))


def _stamp() -> tuple[Any, ...]:
    row = db.session.execute(
        select(func.count(LexiconRule.id), func.max(LexiconRule.updated_at))
    ).one()
    return tuple(row)


def current_lexicon() -> checks.Lexicon:
    """Return the lexicon the checks should use now."""
    stamp = _stamp()
    if _cache["stamp"] == stamp and _cache["lexicon"] is not None:
        return _cache["lexicon"]
    extra, disabled = _added_definitions()
    if not extra and not disabled:
        lexicon = checks.default_lexicon()
    else:
        lexicon = checks.load_lexicon(extra_rules=extra, disabled=disabled)
    _cache.update(stamp=stamp, lexicon=lexicon)
    return lexicon


def added_rule_ids() -> set[str]:
    """Ids of the rules administrators added (not the packaged ones)."""
    return {row.rule_id for row in _rows() if not row.packaged}


def rules_overview() -> list[dict[str, Any]]:
    """Every rule, packaged and added, with whether it is on, for the administrators' page."""
    changes = {row.rule_id: row for row in _rows()}
    overview: list[dict[str, Any]] = []
    for rule in checks.default_lexicon().rules:
        row = changes.get(rule.id)
        overview.append(
            {
                "id": rule.id,
                "kind": rule.kind,
                "note": rule.note,
                "source": rule.source,
                "packaged": True,
                "enabled": row.enabled if row is not None else True,
                "has_examples": bool(rule.should_flag and rule.should_not_flag),
            }
        )
    for row in changes.values():
        if not row.packaged:
            overview.append(
                {
                    "id": row.rule_id,
                    "kind": row.definition.get("kind", ""),
                    "note": row.definition.get("note", ""),
                    "source": row.definition.get("source", ""),
                    "packaged": False,
                    "enabled": row.enabled,
                    "has_examples": bool(
                        row.definition.get("should_flag") and row.definition.get("should_not_flag")
                    ),
                }
            )
    return overview


def set_enabled(rule_id: str, enabled: bool, user: User) -> None:
    """Switch a packaged or added rule on or off."""
    row = db.session.scalar(select(LexiconRule).where(LexiconRule.rule_id == rule_id))
    if row is None:
        if rule_id not in {rule.id for rule in checks.default_lexicon().rules}:
            raise LexiconError(f"There is no rule called {rule_id}")
        row = LexiconRule(rule_id=rule_id, packaged=True, definition={})
        db.session.add(row)
    row.enabled = enabled
    row.changed_by_id = user.id
    db.session.flush()
    access_trail.record(
        "lexicon_rule_enabled" if enabled else "lexicon_rule_disabled",
        record_type="lexicon_rule",
        record_id=row.id,
        data={"rule": rule_id},
    )


def _checked_body(definition: dict[str, Any], rule_id: str) -> dict[str, Any]:
    """The rule's definition without its id, once it names a kind and passes its lint."""
    if definition.get("kind") not in BLAME_KINDS:
        raise LexiconError("Choose whether the wording blames the child or a parent or carer")
    body = {key: value for key, value in definition.items() if key != "id"}
    _lint_new_rule({**body, "id": rule_id})
    return body


def add_rule(definition: dict[str, Any], user: User) -> LexiconRule:
    """Add a rule; it must compile and pass the lint (its examples behave, no shadowing)."""
    rule_id = str(definition.get("id", "")).strip()
    if not RULE_ID.match(rule_id):
        raise LexiconError(
            "The rule id must be 3 to 80 lower-case letters, digits or underscores, "
            "starting with a letter"
        )
    known = {rule.id for rule in checks.default_lexicon().rules} | {r.rule_id for r in _rows()}
    if rule_id in known:
        raise LexiconError(f"There is already a rule called {rule_id}")
    body = _checked_body(definition, rule_id)
    row = LexiconRule(
        rule_id=rule_id, packaged=False, enabled=True, definition=body, changed_by_id=user.id
    )
    db.session.add(row)
    db.session.flush()
    access_trail.record(
        "lexicon_rule_added", record_type="lexicon_rule", record_id=row.id, data={"rule": rule_id}
    )
    return row


def added_rule(rule_id: str) -> LexiconRule | None:
    """An administrator's rule by its id; None for a packaged rule or no rule at all."""
    return db.session.scalar(
        select(LexiconRule).where(LexiconRule.rule_id == rule_id, LexiconRule.packaged.is_(False))
    )


def edit_rule(rule_id: str, definition: dict[str, Any], user: User) -> LexiconRule:
    """Change an administrator's rule; the changed rule must pass the lint as a new one does.

    Nothing is saved when it fails. Packaged rules are changed in lexicon.toml, not here.
    """
    row = added_rule(rule_id)
    if row is None:
        raise LexiconError(f"There is no rule added by an administrator called {rule_id}")
    # Keys the form does not show (from older saves) are kept as they were.
    row.definition = {**row.definition, **_checked_body(definition, rule_id)}
    row.changed_by_id = user.id
    db.session.flush()
    access_trail.record(
        "lexicon_rule_edited", record_type="lexicon_rule", record_id=row.id, data={"rule": rule_id}
    )
    return row
