"""parent_partners: record and audit how parents and carers are approached as partners.

Use ``create_app()`` for the standalone service.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from parent_partners.config import ConfigError, load_config

__all__ = ["ConfigError", "create_app"]


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the standalone app; ``config`` overrides settings read from the environment."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(load_config(app.instance_path, config))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from parent_partners import web

    web.init_app(app)
    return app
