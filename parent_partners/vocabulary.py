"""The fixed vocabularies of the domain, as (value, label) pairs.

Values are stored; labels are what people read. Keep values stable: they are
in the database and in the API.
"""

from __future__ import annotations

Choices = list[tuple[str, str]]

ROLES: Choices = [
    ("practitioner", "Practitioner"),
    ("manager", "Team manager"),
    ("principal", "Principal social worker"),
    ("admin", "Administrator"),
]

GENDERS: Choices = [
    ("girl", "Girl"),
    ("boy", "Boy"),
    ("non_binary", "Non-binary"),
    ("other", "Described another way"),
    ("not_recorded", "Not recorded"),
]

ETHNICITIES: Choices = [
    ("asian", "Asian or Asian British"),
    ("black", "Black, Black British, Caribbean or African"),
    ("mixed", "Mixed or multiple ethnic groups"),
    ("white", "White"),
    ("other", "Other ethnic group"),
    ("not_recorded", "Not recorded"),
]

HARM_TYPES: Choices = [
    ("cse", "Child sexual exploitation"),
    ("cce", "Child criminal exploitation"),
    ("county_lines", "County lines"),
    ("online_grooming", "Online grooming"),
    ("peer_abuse", "Peer-on-peer abuse"),
    ("trafficking", "Trafficking or modern slavery"),
    ("serious_violence", "Serious youth violence"),
    ("radicalisation", "Radicalisation"),
]

CONTEXTS: Choices = [
    ("online", "Online"),
    ("school", "School or college"),
    ("neighbourhood", "Neighbourhood or street"),
    ("park", "Park or open space"),
    ("transport", "Transport hub"),
    ("shops", "Shops, takeaways or fast food"),
    ("party_house", "Party house or address of concern"),
    ("peer_group", "Peer group"),
    ("out_of_area", "Out of area"),
]

RELATIONSHIPS: Choices = [
    ("mother", "Mother"),
    ("father", "Father"),
    ("step_parent", "Step-parent"),
    ("grandparent", "Grandparent"),
    ("kinship_carer", "Kinship carer"),
    ("foster_carer", "Foster carer"),
    ("residential_staff", "Residential staff"),
    ("other", "Other carer"),
]

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

PARTNERSHIP_LEVELS: Choices = [
    ("informed", "Informed – told what is happening"),
    ("consulted", "Consulted – their views were asked"),
    ("involved", "Involved – their views shaped plans, invited to meetings"),
    ("partner", "Partner – joint planning, agreed roles and actions on both sides"),
    ("not_involved", "Not involved – give the reason"),
]

CHILD_WISHES: Choices = [
    ("agrees", "Agrees"),
    ("agrees_with_conditions", "Agrees, with conditions"),
    ("does_not_agree", "Does not agree"),
    ("undecided", "Undecided"),
]

DECISIONS: Choices = [
    ("proceed", "We went ahead with involving them"),
    ("not_proceed", "We did not involve them"),
    ("pending", "No decision yet"),
]

NOT_ASKED_REASONS: Choices = [
    ("immediate_safeguarding", "Immediate safeguarding action was needed"),
    ("child_missing", "The child was missing or could not be reached"),
    ("too_young", "The child is too young or lacks understanding"),
]

FLAG_STATUSES: Choices = [
    ("open", "Open"),
    ("resolved", "Resolved"),
    ("dismissed", "Dismissed"),
    ("reopened", "Reopened"),
]

FLAG_KINDS: Choices = [
    ("child_blame", "Wording that blames the child"),
    ("parent_blame", "Wording that blames a parent or carer"),
    ("child_not_consulted", "Child not consulted"),
    ("child_view_overridden", "Child's view overridden"),
    ("no_strengths", "No strengths recorded"),
    ("partnership_stalled", "Partnership stuck at informed"),
    ("distress_unsupported", "Parent's distress with no support"),
    ("review_overdue", "Safety decision past its review date"),
]


def label(choices: Choices, value: str | None) -> str:
    """Return the label for ``value`` in ``choices``, or the value itself if unknown."""
    if value is None:
        return ""
    return dict(choices).get(value, value)


def labels(choices: Choices, stored: list[str] | None) -> str:
    """Return the labels for several stored values, joined with commas."""
    return ", ".join(label(choices, value) for value in stored or [])


def values(choices: Choices) -> list[str]:
    """Return the stored values of ``choices``."""
    return [value for value, _ in choices]
