"""The deliberate slips: wording and record gaps the checks should find in the demo.

About one case in five carries one or two of these, so managers and the flag
screens have something realistic to show. The blaming sentences are the kinds
of wording LANGUAGE.md lists (with its sources); they are here to be caught.
"""

from __future__ import annotations

# Every slip kind, one per flag kind the checks raise (vocabulary.FLAG_KINDS).
SLIP_KINDS = (
    "child_blame",
    "parent_blame",
    "child_not_consulted",
    "child_view_overridden",
    "no_strengths",
    "partnership_stalled",
    "distress_unsupported",
    "review_overdue",
)

# Children's Society & NWG "Appropriate language"; Language Matters; NSPCC; Safe and Sound.
CHILD_BLAME = (
    "{child} keeps putting {self} at risk by going back {place}.",
    "{child} is hard to reach and would not come to the door.",
    "{child} is streetwise and must have known what was in the bag.",
    "{child} has been associating with older males {place}.",
    "{child} is choosing to go missing most weekends.",
    "{child} is manipulative and attention-seeking with staff.",
    "{child}'s risky behaviour continues at weekends.",
    "{child} refuses to engage with services.",
    "Police describe {child} as a runner for the line.",
)

# PACE relational safeguarding; Complex Safeguarding Wales; Hampshire SCP; NSPCC learning.
# ``{blamed}`` is the carer's relationship ("Mum", "Foster carer"), the way such notes read.
PARENT_BLAME = (
    "{blamed} failed to protect {child} from the group.",
    "{blamed} was hostile and uncooperative during the visit.",
    "{blamed} should have known where {child} was going at night.",
    "{blamed} allowed {them} to stay out late with no questions asked.",
    "{blamed} shows disguised compliance: agrees to the plan but nothing changes.",
    "{blamed} was aggressive on the phone when I raised the missing episodes.",
    "{blamed} is in denial about what is happening to {child}.",
)

# Contacts that only ever tell a carer things (the kind "partnership_stalled" is about).
STALLED_KINDS = ("phone_call", "information_sharing")
STALLED_NOTES = (
    "Phone call to tell {carer} the outcome of the meeting.",
    "Told {carer} about the change to {child}'s school timetable.",
    "Rang {carer} with the update from police.",
    "Sent {carer} the dates of the next reviews and the minutes of the meeting.",
)
