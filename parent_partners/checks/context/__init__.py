"""Context analysis around a candidate match: who the words are about, and whose words they are.

Only called for candidate matches, so clarity matters more than speed here. Everything
works on the original text with absolute character offsets. One module per question:

- ``sentences``: the sentence around a match and its neighbours;
- ``quotes``: the quoted stretches of a text;
- ``negation``: negated wording and advice about wording;
- ``mentions``: the people a text refers to, word by word;
- ``subjects``: who the words at a match are about;
- ``groups``: who a label names when it qualifies a group ("non-compliant parents");
- ``voices``: whose words they are (the writer's, a quoted voice, a report).
"""

from .groups import labelled_group
from .mentions import Mention, find_mentions
from .negation import is_language_advice, is_negated
from .quotes import enclosing_quote, quote_spans
from .sentences import SentenceContext, next_sentence_end, previous_sentence_start, sentence_span
from .subjects import (
    coordinated_roles,
    is_name,
    labelled_object,
    named_parent,
    resolve_pronoun,
    subject_roles,
)
from .voices import Voice, label_voice, voice_of

__all__ = [
    "Mention",
    "SentenceContext",
    "Voice",
    "coordinated_roles",
    "enclosing_quote",
    "find_mentions",
    "is_language_advice",
    "is_name",
    "is_negated",
    "label_voice",
    "labelled_group",
    "labelled_object",
    "named_parent",
    "next_sentence_end",
    "previous_sentence_start",
    "quote_spans",
    "resolve_pronoun",
    "sentence_span",
    "subject_roles",
    "voice_of",
]
