"""The health check."""


def test_healthz_says_ok_when_the_database_answers(pages):
    response = pages.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok"


def test_healthz_reports_a_dead_database(tmp_path, monkeypatch):
    from parent_partners import create_app

    app = create_app(
        {
            "ENV_NAME": "test",
            "SECRET_KEY": "x",
            # A directory cannot be opened as a SQLite database.
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}",
        }
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
