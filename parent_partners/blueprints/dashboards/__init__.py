"""Blueprint: dashboards for managers and principals, with drill-down, fairness and exports."""

from flask import Blueprint

bp = Blueprint("dashboards", __name__, url_prefix="/dashboard")


@bp.record_once
def _keep_summaries_current(_state: object) -> None:
    # The summary tables follow every committed change; see operations.summaries.
    from parent_partners.operations import summaries

    summaries.install()


from parent_partners.blueprints.dashboards import dismissed, views  # noqa: E402, F401 - routes
