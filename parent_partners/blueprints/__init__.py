"""One blueprint per feature. ``all_blueprints`` lists them in registration order."""

from __future__ import annotations

from flask import Blueprint


def all_blueprints() -> list[Blueprint]:
    """Return the service's page blueprints (sign-in and health are the standalone app's)."""
    from parent_partners.blueprints.about import bp as about
    from parent_partners.blueprints.account import bp as account
    from parent_partners.blueprints.admin import bp as admin
    from parent_partners.blueprints.assessment import bp as assessment
    from parent_partners.blueprints.audits import bp as audits
    from parent_partners.blueprints.carers import bp as carers
    from parent_partners.blueprints.cases import bp as cases
    from parent_partners.blueprints.checking import bp as checking
    from parent_partners.blueprints.consultations import bp as consultations
    from parent_partners.blueprints.dashboards import bp as dashboards
    from parent_partners.blueprints.flags import bp as flags
    from parent_partners.blueprints.involvements import bp as involvements
    from parent_partners.blueprints.reflection import bp as reflection
    from parent_partners.blueprints.trail import bp as trail
    from parent_partners.blueprints.voice import bp as voice

    return [
        cases,
        carers,
        involvements,
        consultations,
        flags,
        checking,
        admin,
        account,
        dashboards,
        audits,
        trail,
        voice,
        assessment,
        reflection,
        about,
    ]
