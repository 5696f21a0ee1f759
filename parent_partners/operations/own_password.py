"""Changing your own password: the current one first, a good new one, other sessions ended."""

from __future__ import annotations

from parent_partners.models import User
from parent_partners.operations import access_trail, sessions
from parent_partners.operations.passwords import hash_password, password_problem, verify_password


class PasswordChangeError(ValueError):
    """A password change refused; ``field`` names the box the message belongs beside."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def change_own_password(user: User, current: str, new: str, confirm: str) -> str:
    """Set ``user``'s password after checking the current one; return a fresh session id.

    Every session of the account ends (someone who learnt the old password is signed
    out everywhere), and the caller keeps the person signed in with the new session.
    """
    if not verify_password(user.password_hash, current):
        raise PasswordChangeError("current", "Your current password is not right")
    problem = password_problem(new, email=user.email, name=user.name)
    if problem:
        raise PasswordChangeError("new", problem.replace("Password", "Your new password", 1))
    if new != confirm:
        raise PasswordChangeError("confirm", "The new passwords do not match")
    user.password_hash = hash_password(new)
    ended = sessions.end_all_for(user.id, "password_changed")
    access_trail.record(
        "password_changed",
        record_type="user",
        record_id=user.id,
        data={"sessions_ended": ended},
    )
    return sessions.start(user.id)
