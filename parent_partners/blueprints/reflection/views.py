"""Reflections: write one beside your own figures, read your history, and (as a manager) your
team's, to take to supervision."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from parent_partners.forms.reflection import reflection_form
from parent_partners.identity import actor
from parent_partners.operations import periods
from parent_partners.operations import reflection as ops
from parent_partners.permissions import Permission, requires
from parent_partners.principles import PRINCIPLES

bp = Blueprint("reflection", __name__)


@bp.get("/reflections")
@requires(Permission.REFLECT)
def index() -> str:
    """Your reflections, your figures for the period, and (for a manager) the team's people."""
    user = actor()
    period = periods.Period.from_args(request.args)
    return render_template(
        "parent_partners/reflection/index.html",
        author=user,
        reflections=ops.reflections_of(user),
        figures=ops.readable(ops.own_figures(user, period)),
        period=period,
        months=periods.month_choices(),
        team=ops.team_members(user),
    )


@bp.route("/reflections/new", methods=["GET", "POST"])
@requires(Permission.REFLECT)
def new() -> str | Response:
    """Reflect on your practice against each principle, with your own figures beside you."""
    user = actor()
    period = periods.Period.from_args(request.args)
    form = reflection_form()
    if form.validate_on_submit():
        answers = {str(p.number): form[f"principle_{p.number}"].data or "" for p in PRINCIPLES}
        made = ops.write_reflection(user, period, answers, form.to_supervision.data or "")
        flash("Reflection saved. Only you and your manager can read it.", "success")
        return redirect(url_for("partners.reflection.show", reflection_id=made.id))
    return render_template(
        "parent_partners/reflection/new.html",
        form=form,
        figures=ops.readable(ops.own_figures(user, period)),
        period=period,
        months=periods.month_choices(),
        principles=PRINCIPLES,
    )


@bp.get("/reflections/<int:reflection_id>")
@requires(Permission.REFLECT)
def show(reflection_id: int) -> str:
    """One reflection, with the figures as they stood when it was written."""
    reflection = ops.reflection_or_404(actor(), reflection_id)
    return render_template(
        "parent_partners/reflection/show.html",
        reflection=reflection,
        figures=ops.readable(reflection.figures),
        principles=PRINCIPLES,
    )


@bp.get("/reflections/people/<int:worker_id>")
@requires(Permission.REFLECT)
def person(worker_id: int) -> str:
    """A team member's reflections, for their manager (or for themselves)."""
    author = ops.author_or_404(actor(), worker_id)
    return render_template(
        "parent_partners/reflection/person.html",
        author=author,
        reflections=ops.reflections_of(author),
    )
