"""Practice checks: blaming language in case notes, and record rules from the TCE principles.

Pure functions on text and plain data; no web framework or database imports.
"""

from .case_data import CarerData, CaseData, CheckSettings, ConsultationData, InvolvementData
from .case_rules import check_case
from .findings import Finding
from .learned.combine import prepare as prepare_word_senses
from .learned.model import default_model
from .lexicon import Lexicon, Rule, default_lexicon, load_lexicon
from .text_scan import scan_text


def warm_up() -> None:
    """Compile the lexicon, load the learned model and index the word senses now, not on a
    user's first save."""
    default_lexicon()
    default_model()
    prepare_word_senses()


__all__ = [
    "CarerData",
    "CaseData",
    "CheckSettings",
    "ConsultationData",
    "Finding",
    "InvolvementData",
    "Lexicon",
    "Rule",
    "check_case",
    "default_lexicon",
    "load_lexicon",
    "scan_text",
    "warm_up",
]
