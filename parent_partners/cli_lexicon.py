"""``partners lexicon lint``: every rule, packaged and added by administrators, proves itself.

Kept apart from cli.py and registered there with ``add_command``, so neither imports the other.
"""

from __future__ import annotations

import click
from flask.cli import with_appcontext


@click.group("lexicon")
def lexicon_cli() -> None:
    """The blame lexicon: check its rules."""


@lexicon_cli.command("lint")
@with_appcontext
def lint_command() -> None:
    """Test every rule against its examples and look for rules that shadow each other.

    Covers the packaged rules (checks/lexicon.toml) and the rules administrators added.
    Exits with status 1 when there is any problem.
    """
    from parent_partners.checks.lexicon_lint import lint
    from parent_partners.operations.lexicon import added_rule_ids, current_lexicon

    lexicon = current_lexicon()
    added = added_rule_ids()
    problems = lint(lexicon)
    for problem in problems:
        where = "added by an administrator" if problem.rule in added else "lexicon.toml"
        click.echo(f"{problem.rule} ({where}): {problem.message}", err=True)
    rules = len(lexicon.rules)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {rules} rules")
    examples = sum(len(r.should_flag) + len(r.should_not_flag) for r in lexicon.rules)
    click.echo(f"{rules} rules, {examples} examples: no problems.")
