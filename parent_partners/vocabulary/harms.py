"""What a case is about: the kinds of exploitation and the places where it happens."""

from __future__ import annotations

from parent_partners.vocabulary.choices import Choices

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
