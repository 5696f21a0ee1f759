"""Command-line tasks: ``flask --app wsgi partners ...``."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

import click
from flask.cli import with_appcontext

from parent_partners import cli_dismissals, cli_sync, cli_trust
from parent_partners.cli_db import db_cli
from parent_partners.cli_lexicon import lexicon_cli
from parent_partners.cli_sync import team_named
from parent_partners.extensions import db
from parent_partners.operations.people import PeopleError, create_team, create_user
from parent_partners.vocabulary import ROLES, values

if TYPE_CHECKING:
    from parent_partners.operations.importing import CaseRow


@click.group("partners")
def partners_cli() -> None:
    """Parents as partners: administration tasks."""


@partners_cli.command("create-team")
@click.argument("name")
@with_appcontext
def create_team_command(name: str) -> None:
    """Create a team called NAME."""
    try:
        team = create_team(name)
    except PeopleError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created team {team.name!r} (id {team.id})")


@partners_cli.command("create-user")
@click.option("--email", required=True, help="Sign-in e-mail address.")
@click.option("--name", required=True, help="Full name, as colleagues know them.")
@click.option("--role", required=True, type=click.Choice(values(ROLES)))
@click.option("--team", "team_name", default=None, help="Team name (practitioners and managers).")
@click.option("--password", default=None, help="At least 12 characters; one is made if omitted.")
@with_appcontext
def create_user_command(
    email: str, name: str, role: str, team_name: str | None, password: str | None
) -> None:
    """Create a user who can sign in."""
    team = team_named(team_name)
    made_up = password is None
    password = password or secrets.token_urlsafe(12)
    try:
        user = create_user(email=email, name=name, role=role, password=password, team=team)
    except PeopleError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {role} {user.email} (id {user.id})")
    if made_up:
        click.echo(f"Password: {password}")


@partners_cli.command("seed-demo")
@click.option("--cases", "case_count", default=150, show_default=True, help="How many cases.")
@click.option("--seed", default=2026, show_default=True, help="Random seed (same seed, same data).")
@click.option("--if-empty", is_flag=True, help="Do nothing if there are already users.")
@click.option(
    "--workers",
    default=2,
    show_default=True,
    help="Processes building cases alongside the loader (bulk loads only; 0 = none).",
)
@with_appcontext
def seed_demo_command(case_count: int, seed: int, if_empty: bool, workers: int) -> None:
    """Load synthetic, deterministic demo data: teams, staff, cases and their histories.

    More than 2,000 cases are loaded in bulk, with a progress bar.
    """
    from parent_partners.demo import BULK_FROM, seed_demo

    if case_count <= BULK_FROM:
        summary = seed_demo(case_count=case_count, seed=seed, if_empty=if_empty, echo=click.echo)
    else:
        with click.progressbar(length=case_count, label="Loading cases", show_pos=True) as bar:
            summary = seed_demo(
                case_count=case_count,
                seed=seed,
                if_empty=if_empty,
                echo=click.echo,
                workers=workers,
                progress=bar.update,
            )
    db.session.commit()
    click.echo(summary)


@partners_cli.command("rebuild-summaries")
@with_appcontext
def rebuild_summaries_command() -> None:
    """Recompute the dashboard summary tables from the records (they are kept current on
    every change; this is for after a restore or a bulk change made outside the service)."""
    from parent_partners.operations import summaries

    summaries.rebuild_all()
    db.session.commit()
    click.echo("Dashboard summaries rebuilt.")


@partners_cli.command("rescan")
@click.option("--batch", default=200, show_default=True, help="Cases per transaction.")
@with_appcontext
def rescan_command(batch: int) -> None:
    """Re-run every check over every case, after the lexicon or the settings changed."""
    from parent_partners.models import Case
    from parent_partners.operations import flags
    from parent_partners.operations.lexicon import current_lexicon

    lexicon = current_lexicon()
    case_ids = list(db.session.scalars(db.select(Case.id).order_by(Case.id)))
    opened = resolved = 0
    with click.progressbar(case_ids, label="Checking cases", show_pos=True) as progress:
        for done, case_id in enumerate(progress, start=1):
            case = db.session.get(Case, case_id)
            if case is None:
                continue
            now_open, now_resolved = flags.refresh(case, lexicon)
            opened += now_open
            resolved += now_resolved
            if done % batch == 0:
                db.session.commit()
                db.session.expunge_all()
    db.session.commit()
    click.echo(f"Checked {len(case_ids)} cases: {opened} flags opened, {resolved} resolved.")


@partners_cli.command("review-sweep")
@with_appcontext
def review_sweep_command() -> None:
    """Flag every "not safe to involve" decision whose review date has passed (run daily)."""
    from parent_partners.operations import review_sweep

    case_ids = review_sweep.overdue_case_ids()
    opened = review_sweep.raise_overdue(case_ids)
    db.session.commit()
    click.echo(f"Checked {len(case_ids)} cases: {opened} review flags opened.")


@partners_cli.command("check")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@with_appcontext
def check_command(source: TextIO) -> None:
    """Check text for blaming wording: SOURCE holds JSON lines ({"id", "text"}) or plain text.

    Plain text is checked a line at a time, each line's id being its line number.
    Writes one JSON line per input: {"id": ..., "findings": [...]}. Use - for standard input.
    """
    import json

    from parent_partners.checks import scan_text
    from parent_partners.operations.lexicon import current_lexicon

    lexicon = current_lexicon()
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        item_id: object = number
        text = line.rstrip("\n")
        stripped = line.strip()
        if stripped.startswith("{"):
            try:
                item = json.loads(stripped)
            except json.JSONDecodeError as error:
                message = f"line {number}: not valid JSON ({error.msg})"
                raise click.ClickException(message) from error
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise click.ClickException(f'line {number}: expected {{"id": ..., "text": "..."}}')
            item_id, text = item.get("id", number), item["text"]
        findings = [finding.to_dict() for finding in scan_text(text, lexicon)]
        click.echo(json.dumps({"id": item_id, "findings": findings}, ensure_ascii=False))


@partners_cli.command("create-token")
@click.option("--email", required=True, help="The user the token acts as.")
@click.option("--name", default="Command line", show_default=True, help="What the token is for.")
@click.option("--days", default=90, show_default=True, help="How many days the token works.")
@with_appcontext
def create_token_command(email: str, name: str, days: int) -> None:
    """Make an API token for a user. The token is the last line printed, and is shown once."""
    from parent_partners.models import User
    from parent_partners.operations.people import normalise_email
    from parent_partners.operations.tokens import TokenError, create_token

    user = db.session.scalar(db.select(User).where(User.email == normalise_email(email)))
    if user is None:
        raise click.ClickException(f"No user with e-mail {email}")
    try:
        token, secret = create_token(user, name, days)
    except TokenError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    expires = f"{token.expires_at:%Y-%m-%d %H:%M} UTC" if token.expires_at else "never"
    click.echo(
        f"Created API token {token.name!r} (id {token.id}) for {user.email}, "
        f"working until {expires}."
    )
    click.echo("It is shown only this once; keep it secret. Send it as Authorization: Bearer …")
    click.echo(secret)


@partners_cli.command("revoke-token")
@click.option("--id", "token_id", type=int, default=None, help="The token's id (see create-token).")
@click.option("--email", default=None, help="Revoke every working token of this user.")
@with_appcontext
def revoke_token_command(token_id: int | None, email: str | None) -> None:
    """Revoke one API token, or every working token of a user: they are refused from now on."""
    from parent_partners.models import ApiToken, User
    from parent_partners.operations.people import normalise_email
    from parent_partners.operations.tokens import revoke_token, user_tokens

    if (token_id is None) == (email is None):
        raise click.UsageError("Give either --id or --email")
    if token_id is not None:
        token = db.session.get(ApiToken, token_id)
        if token is None or token.revoked_at is not None:
            raise click.ClickException(f"No working token with id {token_id}")
        tokens = [token]
    else:
        user = db.session.scalar(db.select(User).where(User.email == normalise_email(email or "")))
        if user is None:
            raise click.ClickException(f"No user with e-mail {email}")
        tokens = [token for token in user_tokens(user) if token.revoked_at is None]
    for token in tokens:
        revoke_token(token)
    db.session.commit()
    click.echo(f"Revoked {len(tokens)} token(s).")


@partners_cli.command("import-cases")
@click.argument("source", type=click.File("r", encoding="utf-8-sig"))
@click.option("--skip-existing", is_flag=True, help="Leave cases already here as they are.")
@click.option("--update", is_flag=True, help="Update cases already here from the file.")
@with_appcontext
def import_cases_command(source: TextIO, skip_existing: bool, update: bool) -> None:
    """Import cases (and their parents and carers) from a CSV file; see the README for columns.

    Every row is checked first: if any is wrong, each bad row is reported with its
    line number and nothing is written. Otherwise all rows are written in one transaction.
    A reference already in the service is an error, unless --skip-existing or --update.
    """
    from parent_partners.operations.importing import plan_import, write_import

    if skip_existing and update:
        raise click.UsageError("Give --skip-existing or --update, not both")
    plan = plan_import(source, "skip" if skip_existing else "update" if update else "refuse")
    if plan.errors:
        for line, reason in plan.errors:
            click.echo(f"line {line}: {reason}", err=True)
        db.session.rollback()
        count = len(plan.errors)
        raise click.ClickException(
            f"{count} {'row has' if count == 1 else 'rows have'} errors; nothing was imported."
        )
    try:
        with click.progressbar(
            length=len(plan.cases), label="Importing cases", show_pos=True
        ) as bar:

            def advance(rows: Iterable[CaseRow]) -> Iterator[CaseRow]:
                for row in rows:
                    yield row
                    bar.update(1)

            result = write_import(plan, advance)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    click.echo(result.summary() + ".")


# disable-user, enable-user, backup, restore, export-dismissals, set-role, `partners lexicon lint`
# and the service's own `partners db`.
for _command in (
    *cli_trust.COMMANDS, *cli_dismissals.COMMANDS, *cli_sync.COMMANDS, db_cli, lexicon_cli
):
    partners_cli.add_command(_command)
