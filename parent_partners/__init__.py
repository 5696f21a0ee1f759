"""parent_partners: record and audit how parents and carers are approached as partners.

Use ``create_app()`` for the standalone service, or ``PartnersPlugin`` to mount
the service inside a host Flask app (see the README's "Plugin mode").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask

from parent_partners.config import ConfigError, load_config

if TYPE_CHECKING:
    from parent_partners.plugin import PartnersPlugin

__all__ = ["ConfigError", "PartnersPlugin", "create_app"]


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the standalone app; ``config`` overrides settings read from the environment."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(load_config(app.instance_path, config))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from parent_partners import web

    web.init_app(app)
    return app


def __getattr__(name: str) -> Any:
    # Imported on first use, so that ``parent_partners.checks`` stays light to import.
    if name == "PartnersPlugin":
        from parent_partners.plugin import PartnersPlugin

        return PartnersPlugin
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
