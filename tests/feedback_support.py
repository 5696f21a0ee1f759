"""Helpers for the feedback, voice, reflection and self-assessment tests: a child's feedback form
as a browser sends it, feedback added straight through the domain operation, and reading one
figure off a page."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Case, User
from parent_partners.operations.feedback import record_feedback
from parent_partners.principles import CHILD_QUESTIONS


def child_form(**overrides: Any) -> dict[str, Any]:
    """A complete child's feedback form: mostly true throughout, one "rather not say"."""
    data: dict[str, Any] = {q.key: "3" for q in CHILD_QUESTIONS}
    data["p2"] = "skip"
    data.update(
        {
            "date": ["12", "11", "2026"],
            "own_words": "She listens and she doesn't act like it's my fault.",
            "share_beyond_case": "yes",
            "version": "1",
        }
    )
    data.update(overrides)
    return data


def add_child_feedback(
    app: Flask,
    case: Case,
    worker: User,
    count: int,
    *,
    score: int = 4,
    words: str = "",
    share: bool = False,
    day: date = date(2026, 11, 2),
) -> None:
    """Record ``count`` pieces of a child's feedback on ``case``, each scoring every statement."""
    with app.app_context():
        loaded_case = db.session.get(Case, case.id)
        user = db.session.get(User, worker.id)
        assert loaded_case is not None and user is not None
        for _ in range(count):
            record_feedback(
                loaded_case,
                user,
                {
                    "date": day,
                    "respondent": "child",
                    "answers": {q.key: score for q in CHILD_QUESTIONS},
                    "own_words": words,
                    "share_beyond_case": share,
                },
            )
        db.session.commit()


def figure_on(html: str, key: str) -> str:
    """The figure a page shows for ``key`` (its cell carries ``data-key``)."""
    match = re.search(rf'data-key="{key}">([^<]*)<', html)
    assert match, key
    return match.group(1)
