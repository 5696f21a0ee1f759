"""WSGI entry point inside the package: ``gunicorn 'parent_partners.wsgi:app'``.

Works from an installed wheel as well as a checkout (the top-level ``wsgi.py`` reuses it).
"""

from parent_partners import create_app

app = create_app()
