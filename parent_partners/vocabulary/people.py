"""How a child and their parents or carers are described: gender, ethnicity, relationship."""

from __future__ import annotations

from parent_partners.vocabulary.choices import Choices

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
