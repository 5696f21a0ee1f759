"""The JSON API, ``/api/v1``: bearer tokens, the same permissions and access trail as the pages.

Views are thin: parse the body with a pydantic model (``schemas``), call an
operation, serialise the result. Errors are RFC 9457 problem details
(``errors``). The OpenAPI 3.1 document is generated from the same models and
from the ``operation`` declarations (``blueprint``, ``openapi``).
"""

from parent_partners.api import errors, idempotent, views  # noqa: F401 - registers routes
from parent_partners.api.blueprint import bp

errors.install(bp)

__all__ = ["bp"]
