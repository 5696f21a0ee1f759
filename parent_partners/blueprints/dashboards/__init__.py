"""Blueprint: dashboards for managers and principals, with drill-down, fairness and exports.

The summary tables they read are kept current by the plugin's database set-up
(``PartnersPlugin._init_database`` installs ``operations.summaries``), not by this blueprint.
"""

from parent_partners.blueprints.dashboards import dismissed  # noqa: F401 - registers routes
from parent_partners.blueprints.dashboards.views import bp

__all__ = ["bp"]
