"""The GOV.UK error summary for a form, with links that land on the right input."""

from __future__ import annotations

from typing import Any

from parent_partners.forms.common import GovDateField


def error_summary(form: Any) -> dict[str, Any]:
    """Return ``govukErrorSummary`` parameters listing the form's first error per field."""
    items: list[dict[str, str]] = []
    for message in getattr(form, "form_errors", []):
        items.append({"text": message})
    for field in form:
        if not field.errors:
            continue
        # A date's first box is "<name>-day"; every other widget uses the field id.
        target = f"{field.id}-day" if isinstance(field, GovDateField) else field.id
        items.append({"text": field.errors[0], "href": f"#{target}"})
    return {"titleText": "There is a problem", "errorList": items}
