"""Rules a practitioner can write: the admin form tests a new rule before saving it."""

from __future__ import annotations

from typing import Any

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Flag, LexiconRule
from tests.conftest import PageClient, carer_ids, involvement_form

RULE = {
    "rule_id": "gallivanting",
    "kind": "child_blame",
    "subject": "child",
    "patterns": "gallivant~",
    "should_flag": "Amira has been gallivanting around town again.",
    "should_not_flag": "Amira is not gallivanting; the men collect her from school.",
    "exclude_next": "",
    "exclude_prev": "",
    "unless_sentence": "",
    "suggestion": "Say where the child was, who took her there and why that is a risk.",
    "note": "Makes a child being moved around by adults sound like her own fun.",
    "source": "The Children's Society, Appropriate language (2022)",
}


def _rule(**changes: Any) -> dict[str, Any]:
    return {**RULE, **changes}


def _child_blame_flags(app: Flask) -> list[tuple[str, str | None]]:
    with app.app_context():
        rows = db.session.scalars(db.select(Flag).where(Flag.kind == "child_blame"))
        return [(flag.rule, flag.matched) for flag in rows]


def test_a_rule_added_with_its_examples_is_linted_and_applied(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    earlier = "Amira was gallivanting with friends at the weekend."
    pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers, notes=earlier))
    assert _child_blame_flags(app) == []

    admin = PageClient(app.test_client())
    admin.sign_in(make_user("admin", team=None))
    response = admin.submit("/admin/lexicon/new", _rule())
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]

    # Linted with every other rule: the whole lexicon still passes.
    result = app.test_cli_runner().invoke(args=["partners", "lexicon", "lint"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output

    # Applied by a rescan to the notes saved before...
    assert app.test_cli_runner().invoke(args=["partners", "rescan"]).exit_code == 0
    assert _child_blame_flags(app) == [("gallivanting", "gallivanting")]
    # ... and to a note saved from now on.
    later = "She went gallivanting again on Friday."
    pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers, notes=later))
    assert _child_blame_flags(app) == [("gallivanting", "gallivanting")] * 2


def test_a_rule_whose_example_fails_is_refused_saying_which(pages: PageClient, make_user):
    pages.sign_in(make_user("admin", team=None))
    sentence = "Amira went to the shop."
    response = pages.submit("/admin/lexicon/new", _rule(should_flag=sentence))
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "govuk-error-summary" in body and "There is a problem" in body
    assert f"The rule does not flag “{sentence}”" in body
    assert 'href="#should_flag"' in body
    assert "gallivanting" not in pages.get("/admin/lexicon").get_data(as_text=True)


def test_a_rule_that_flags_its_innocent_example_is_refused(pages: PageClient, make_user):
    pages.sign_in(make_user("admin", team=None))
    innocent = "Amira keeps gallivanting off with her cousins."
    body = pages.submit("/admin/lexicon/new", _rule(should_not_flag=innocent)).get_data(
        as_text=True
    )
    assert f"The rule flags “{innocent}”" in body and 'href="#should_not_flag"' in body


def test_a_rule_that_only_repeats_another_is_refused(pages: PageClient, make_user):
    pages.sign_in(make_user("admin", team=None))
    copy = _rule(
        rule_id="streetwise_again",
        patterns="streetwise",
        # The packaged rule's own exclusion (project and app names), so the copy adds nothing.
        exclude_next="project|projects|mentoring|mentor|app|programme|scheme|team|group|session|"
        "sessions|course|youth|drop-in",
        should_flag="Lacey is too streetwise to be groomed.",
        should_not_flag="Mum said, 'He's always been streetwise, that's what scares me.'",
    )
    body = pages.submit("/admin/lexicon/new", copy).get_data(as_text=True)
    assert "The rule only matches where streetwise (same kind) matches the same words" in body


def test_exclusions_and_subject_are_saved_with_the_rule(pages: PageClient, make_user, app):
    pages.sign_in(make_user("admin", team=None))
    rule = _rule(
        subject="anyone",
        exclude_next="about",
        should_not_flag="Amira is gallivanting about nothing; she is frightened.",
    )
    assert pages.submit("/admin/lexicon/new", rule).status_code == 302
    with app.app_context():
        row = db.session.scalar(db.select(LexiconRule).where(LexiconRule.rule_id == "gallivanting"))
        assert row is not None
        assert row.definition["subject"] == []
        assert row.definition["exclude_next"] == ["about"]
        assert row.definition["should_flag"] == [RULE["should_flag"]]


def _old_rule_without_examples(app: Flask, rule_id: str = "gallivanting") -> None:
    """Save a rule as administrators' rules were saved before they carried examples."""
    with app.app_context():
        old = {
            "kind": "child_blame",
            "patterns": ["gallivant~"],
            "suggestions": ["Say where the child was."],
            "source": "Local guidance",
            "note": "Makes harm sound like fun.",
        }
        db.session.add(LexiconRule(rule_id=rule_id, packaged=False, definition=old))
        db.session.commit()


def test_lint_reports_an_administrators_rule_without_examples(app: Flask):
    _old_rule_without_examples(app, "old_rule")
    result = app.test_cli_runner().invoke(args=["partners", "lexicon", "lint"])
    assert result.exit_code == 1
    assert "old_rule (added by an administrator): has no should_flag example" in result.output


def _definition(app: Flask) -> dict[str, Any]:
    with app.app_context():
        row = db.session.scalar(db.select(LexiconRule).where(LexiconRule.rule_id == "gallivanting"))
        assert row is not None
        return dict(row.definition)


def test_a_rule_without_examples_is_listed_and_given_them_through_the_edit_form(
    pages: PageClient, make_user, app: Flask
):
    _old_rule_without_examples(app)
    pages.sign_in(make_user("admin", team=None))
    listing = pages.get("/admin/lexicon").get_data(as_text=True)
    assert "No examples" in listing
    assert 'href="/admin/lexicon/gallivanting/edit">Add examples' in listing

    form = pages.get("/admin/lexicon/gallivanting/edit").get_data(as_text=True)
    assert "gallivant~</textarea>" in form and "Say where the child was.</textarea>" in form
    edited = {key: value for key, value in _rule().items() if key != "rule_id"}
    response = pages.submit("/admin/lexicon/gallivanting/edit", edited)
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]

    assert _definition(app)["should_flag"] == [RULE["should_flag"]]
    listing = pages.get("/admin/lexicon").get_data(as_text=True)
    assert "No examples" not in listing and "Add examples" not in listing
    result = app.test_cli_runner().invoke(args=["partners", "lexicon", "lint"])
    assert result.exit_code == 0, result.output


def test_an_edit_whose_example_no_longer_matches_is_refused_and_nothing_saved(
    pages: PageClient, make_user, app: Flask
):
    pages.sign_in(make_user("admin", team=None))
    assert pages.submit("/admin/lexicon/new", _rule()).status_code == 302
    before = _definition(app)

    # The pattern narrowed so that the rule's own flagging example escapes it.
    changed = {k: v for k, v in _rule(patterns="gallivants").items() if k != "rule_id"}
    response = pages.submit("/admin/lexicon/gallivanting/edit", changed)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "govuk-error-summary" in body and "There is a problem" in body
    assert f"The rule does not flag “{RULE['should_flag']}”" in body
    assert 'href="#should_flag"' in body
    assert _definition(app) == before


def test_clearing_an_exclusion_in_the_edit_form_removes_it(pages: PageClient, make_user, app):
    pages.sign_in(make_user("admin", team=None))
    innocent = "Amira is gallivanting about nothing; she is frightened."
    rule = _rule(subject="anyone", exclude_next="about", should_not_flag=innocent)
    assert pages.submit("/admin/lexicon/new", rule).status_code == 302
    form = pages.get("/admin/lexicon/gallivanting/edit").get_data(as_text=True)
    assert 'value="anyone" checked' in form and "about</textarea>" in form

    edited = {key: value for key, value in _rule().items() if key != "rule_id"}
    assert pages.submit("/admin/lexicon/gallivanting/edit", edited).status_code == 302
    saved = _definition(app)
    assert saved["exclude_next"] == [] and saved["subject"] == ["child", "unknown"]


def test_packaged_rules_are_not_edited_here(pages: PageClient, make_user):
    pages.sign_in(make_user("admin", team=None))
    assert pages.get("/admin/lexicon/streetwise/edit").status_code == 404
    assert "/admin/lexicon/streetwise/edit" not in pages.get("/admin/lexicon").get_data(
        as_text=True
    )


def test_only_administrators_edit_rules(pages: PageClient, make_user, app: Flask):
    _old_rule_without_examples(app)
    pages.sign_in(make_user("principal", team=None))
    assert pages.get("/admin/lexicon/gallivanting/edit").status_code == 403
