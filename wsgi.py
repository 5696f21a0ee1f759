"""WSGI entry point: ``gunicorn 'wsgi:app'`` or ``flask --app wsgi ...``."""

from parent_partners import create_app

app = create_app()
