"""What an involvement with a parent or carer was: its kind."""

from __future__ import annotations

from parent_partners.vocabulary.choices import Choices

INVOLVEMENT_KINDS: Choices = [
    ("home_visit", "Home visit"),
    ("phone_call", "Phone or video call"),
    ("meeting", "Meeting"),
    ("strategy_meeting", "Strategy meeting"),
    ("cp_conference", "Child protection conference"),
    ("safety_planning", "Safety planning"),
    ("information_sharing", "Information sharing"),
    ("support_session", "Support session"),
    ("peer_support_referral", "Peer-support referral"),
]
