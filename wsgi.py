"""WSGI entry point: ``gunicorn 'wsgi:app'`` or ``flask --app wsgi ...``."""

from parent_partners.wsgi import app

__all__ = ["app"]
