"""Password hashing with argon2id, and the password policy.

The policy follows NCSC and NIST SP 800-63B: at least 12 characters, not a
commonly used password, and no composition rules (no "one digit, one symbol").
"""

from __future__ import annotations

import gzip
from functools import cache
from itertools import pairwise
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id with the library's current recommended cost

MIN_LENGTH = 12
MAX_LENGTH = 512  # argon2 copes with more; this bounds the work a sign-in form can ask for
COMMON_PASSWORDS = Path(__file__).resolve().parent.parent / "data" / "common-passwords.txt.gz"


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, lower-cased (see ``data/README.md``)."""
    with gzip.open(COMMON_PASSWORDS, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip())


def _guessable(folded: str) -> bool:
    """Whether a lower-cased password is on the list, or a list entry padded with digits and
    punctuation, or one short chunk repeated, or a run such as 123456789012 or abcdefghijkl."""
    common = common_passwords()
    squeezed = "".join(folded.split())
    trimmed = squeezed.strip("0123456789!?.,;:_-*#@$%&+=~ ")
    if folded in common or squeezed in common or (trimmed and trimmed in common):
        return True
    for size in range(1, len(squeezed) // 2 + 1):
        if len(squeezed) % size == 0 and squeezed == squeezed[:size] * (len(squeezed) // size):
            return True
    steps = {ord(b) - ord(a) for a, b in pairwise(squeezed)}
    return steps <= {1, -9} or steps <= {-1, 9}  # 9 to 0 keeps a run of digits going


def password_problem(password: str, *, email: str = "", name: str = "") -> str | None:
    """Return what is wrong with ``password`` as a new password, or None if it will do."""
    if len(password) < MIN_LENGTH:
        return f"Password must be at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"Password must be {MAX_LENGTH} characters or fewer"
    folded = password.strip().lower()
    if _guessable(folded):
        return "Password is too common: choose one that other people are unlikely to use"
    squeezed = "".join(folded.split())
    personal = {email.strip().lower(), email.strip().lower().partition("@")[0], name.lower()}
    if folded in {item for item in personal if item} or squeezed in {
        "".join(item.split()) for item in personal if item
    }:
        return "Password must not be your email address or your name"
    return None


def hash_password(password: str) -> str:
    """Return an argon2id hash of ``password``."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Return whether ``password`` matches ``password_hash``."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Return whether the hash was made with weaker settings than today's."""
    return _hasher.check_needs_rehash(password_hash)


# Burned once at import so that unknown e-mail addresses cost as much as known ones.
DUMMY_HASH = _hasher.hash("not-a-real-password-used-for-timing")
