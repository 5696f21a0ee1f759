"""Helpers for the trust tests (sessions, throttling, access trail, matrix, bad input)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher

# The same argon2id, at the lowest cost: these tests sign in and fail to sign in many times,
# and the cost of a real hash (about 0.2 s here) is not what they test.
_cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
CHEAP_DUMMY = _cheap.hash("not-a-real-password-used-for-timing")


@pytest.fixture
def cheap_passwords(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Hash the test users' passwords cheaply (verifying reads the cost from the hash)."""
    from parent_partners.operations import people

    monkeypatch.setattr(people, "hash_password", _cheap.hash)
    monkeypatch.setattr(people, "needs_rehash", lambda password_hash: False)
    monkeypatch.setattr(people, "DUMMY_HASH", CHEAP_DUMMY)
    yield
