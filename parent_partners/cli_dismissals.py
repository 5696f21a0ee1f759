"""Command-line export of dismissed wording flags, for review as training candidates.

Registered on the ``partners`` group (``flask --app wsgi partners export-dismissals``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from parent_partners.extensions import db


@click.command("export-dismissals")
@click.option(
    "--out",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (JSON lines); standard output when left out.",
)
@with_appcontext
def export_dismissals_command(target: Path | None) -> None:
    """Write every dismissed wording flag as a JSON line: the sentence, kind, category,
    rule, the dismissal reason and dates. Review them before adding any to training data."""
    from parent_partners.operations.dismissals import dismissed_text_flags, record_export

    rows = [json.dumps(row, ensure_ascii=False) for row in dismissed_text_flags()]
    body = "".join(line + "\n" for line in rows)
    if target is None:
        sys.stdout.write(body)
    else:
        target.write_text(body, encoding="utf-8")
        click.echo(f"Wrote {len(rows)} dismissed flag(s) to {target}", err=True)
    record_export(len(rows))
    db.session.commit()


# Added to the `partners` group by cli.py (which imports this module, never the reverse).
COMMANDS = (export_dismissals_command,)
