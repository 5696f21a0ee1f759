"""Bodies of the flag paths: a case's flags listed and filtered, and a flag dismissed.

A *flag* is a finding stored on a case, with an id and a life (``schemas.Flag``); what the
checker returns for text it does not keep is a *finding* (``check_schemas``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from parent_partners.api.schemas import Flag, FlagKind, FlagStatus, Query, Request, older_name


class DismissIn(Request):
    """Dismiss an open flag with a reason a manager can read."""

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


class FlagList(BaseModel):
    """A case's flags, oldest first."""

    flags: list[Flag]
    findings: list[Flag] = older_name("flags")


class FlagsQuery(Query):
    """Filtering a case's flags."""

    status: FlagStatus | None = Field(
        default=None,
        description="open (which includes reopened), resolved, dismissed or reopened; all if "
        "left out",
    )
    kind: FlagKind | None = None
