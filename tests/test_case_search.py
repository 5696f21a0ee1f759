"""Finding a case by the child's name, its reference or a carer's name, within the user's scope."""

from __future__ import annotations

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Carer, Case, refresh_search_keys
from parent_partners.search_text import fold, query_words
from tests.conftest import PageClient


def _listed(pages: PageClient, query: str) -> str:
    return pages.get("/cases", query_string={"q": query}).get_data(as_text=True)


def test_a_case_is_found_by_name_whatever_the_case_and_accents(
    pages: PageClient, make_user, make_case
):
    worker = make_user("practitioner")
    zoe = make_case(worker, child_name="Zoë Ndiaye", carers=("Renée Ndiaye",))
    make_case(worker, child_name="Amira Hassan")
    pages.sign_in(worker)
    for query in ("zoe", "ZOË", "  Zoe   NDIAYE ", "ndiaye zo"):
        body = _listed(pages, query)
        assert f'href="/cases/{zoe.id}"' in body, query
        assert "Amira Hassan" not in body, query
        assert "1 case" in body
    by_carer = _listed(pages, "renee")
    assert f'href="/cases/{zoe.id}"' in by_carer
    by_reference = _listed(pages, zoe.reference.lower())
    assert f'href="/cases/{zoe.id}"' in by_reference and "Amira Hassan" not in by_reference
    nothing = _listed(pages, "zzz-not-a-name")
    assert "No case you can see matches “zzz-not-a-name”" in nothing


def test_another_teams_case_is_never_found(pages: PageClient, make_user, make_case):
    north = make_user("practitioner")
    south = make_user("practitioner", team="South Team")
    hidden = make_case(north, child_name="Tyrese Mensah")
    pages.sign_in(south)
    for query in ("Tyrese", "mensah", hidden.reference, "Leila"):
        body = _listed(pages, query)
        assert "Tyrese Mensah" not in body and f"/cases/{hidden.id}" not in body, query
        assert "0 cases" in body


def test_a_principal_finds_cases_in_every_team(pages: PageClient, make_user, make_case):
    south_case = make_case(make_user("practitioner", team="South Team"), child_name="Tyrese Mensah")
    pages.sign_in(make_user("principal", team=None))
    assert f'href="/cases/{south_case.id}"' in _listed(pages, "mensah")


def test_renaming_or_adding_a_carer_changes_what_finds_the_case(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker, child_name="Amira Begum", carers=("Leila Hassan",))
    pages.sign_in(worker)
    assert f'href="/cases/{case.id}"' in _listed(pages, "hassan")
    with app.app_context():
        carer = db.session.scalar(db.select(Carer).where(Carer.case_id == case.id))
        carer_id, version = carer.id, carer.version
    edit = f"/cases/{case.id}/carers/{carer_id}/edit"
    form = {
        "name": "Leïla Okonkwo",
        "relationship": "mother",
        "parental_responsibility": "yes",
        "safe_to_involve": "yes",
        "version": str(version),
    }
    assert pages.submit(edit, form).status_code == 302
    assert f'href="/cases/{case.id}"' in _listed(pages, "okonkwo")
    assert f'href="/cases/{case.id}"' not in _listed(pages, "hassan")


def test_search_results_are_paged_and_keep_the_search(pages: PageClient, make_user, make_case):
    worker = make_user("practitioner")
    for n in range(53):
        make_case(worker, child_name=f"Jordan Test {n:02d}", carers=())
    make_case(worker, child_name="Other Child", carers=())
    pages.sign_in(worker)
    first = _listed(pages, "jordan")
    assert "53 cases" in first and "q=jordan" in first and "page=2" in first
    second = pages.get("/cases?q=jordan&page=2").get_data(as_text=True)
    assert second.count("Jordan Test") == 3 and "Other Child" not in second


def test_refreshing_every_key_rebuilds_what_the_events_keep(make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker, child_name="Zoë Ndiaye", carers=("Renée Ndiaye",))
    with app.app_context():
        kept = db.session.get(Case, case.id).search_key
        db.session.execute(db.update(Case).values(search_key=""))
        assert refresh_search_keys(db.session.connection()) == 1
        assert (
            db.session.get(Case, case.id).search_key
            == kept
            == (f"zoe ndiaye | {case.reference.lower()} | renee ndiaye")
        )
        db.session.commit()


def test_folding_drops_case_accents_and_extra_spaces():
    assert fold("  ZOË   Łucja  Øyvind ") == "zoe lucja oyvind"
    assert fold("Straße") == "strasse"
    assert query_words("  Anne-Marie  O'Neill ") == ["anne-marie", "o'neill"]
    assert query_words("") == []
