"""Negation and advice about wording: the blaming words are present but not claimed."""

from __future__ import annotations

import pytest

from parent_partners.checks.context import is_language_advice, is_negated
from tests.checks.context_support import span


def _negated(text: str, words: str) -> bool:
    start, end = span(text, words)
    return is_negated(text, 0, start, end, len(text))


def _advice(text: str, words: str) -> bool:
    start, end = span(text, words)
    return is_language_advice(text, 0, start, end, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "She is not streetwise.",
        "Jo has never been manipulative with staff.",
        "It would be wrong to say she is streetwise.",
        "Calling her streetwise would be inaccurate.",
        "There is no evidence she is streetwise.",
    ],
)
def test_negated_wording_is_not_claimed(text: str) -> None:
    assert _negated(text, "streetwise" if "streetwise" in text else "manipulative")


@pytest.mark.parametrize(
    "text",
    [
        "She is streetwise.",
        # "but" ends the negation's reach: the second clause is a claim.
        "She is not in school but is streetwise.",
        # "not only" adds to the claim rather than denying it.
        "Not only is she streetwise, she is manipulative.",
    ],
)
def test_wording_outside_a_negation_is_claimed(text: str) -> None:
    assert not _negated(text, "manipulative" if "manipulative" in text else "streetwise")


@pytest.mark.parametrize(
    "text",
    [
        "There is no suggestion that Aunt Rose (kinship carer) failed to protect Dani.",
        "Nothing in the evidence suggests that the grandfather failed to protect the boys.",
        "It has not been shown that the father wholly or repeatedly failed to protect S.",
        "Nobody at the review is suggesting that Zara's mother failed to protect her.",
        "I do not find that the father failed to protect his son.",
        "I am unable to find that the foster carer failed to protect Evie.",
    ],
)
def test_a_denied_claim_is_negated_however_long(text: str) -> None:
    # The denial frames the whole clause, well beyond the six-word window.
    assert _negated(text, "failed to protect")


@pytest.mark.parametrize(
    "text",
    [
        "No one has said so yet, but mum failed to protect her.",
        "Mum failed to protect Kai and there is no evidence that she tried.",
    ],
)
def test_a_denial_elsewhere_leaves_the_claim(text: str) -> None:
    assert not _negated(text, "failed to protect")


def test_a_negation_too_far_back_does_not_reach() -> None:
    text = (
        "No one at the meeting on the estate last Tuesday thought the plan was ready; "
        "Kai is streetwise."
    )
    assert not _negated(text, "streetwise")


@pytest.mark.parametrize(
    "text",
    [
        "Avoid phrases such as 'risky behaviour' in records.",
        "Please do not write risky behaviour when a child is being exploited.",
        "The phrase risky behaviour should be replaced.",
    ],
)
def test_advice_about_wording_is_not_a_claim(text: str) -> None:
    assert _advice(text, "risky behaviour")


def test_wording_used_about_a_child_is_not_advice() -> None:
    assert not _advice("Kai's risky behaviour continues.", "risky behaviour")
