"""Phrase banks for what practitioners write: sharing, strengths, support, actions, notes.

Templates are filled with ``str.format_map`` from a small dict of names and
pronouns (see ``cases.Wording``):

``{child}`` the child's first name; ``{their}``/``{them}``/``{self}`` the child's
possessive, object and reflexive pronouns (no subject pronoun, so no template
has to agree a verb with "they"); ``{carer}`` the first name of the parent or
carer met; ``{rel}`` their relationship in practitioner words ("mum", "foster
carer"); ``{worker}`` the worker's first name; ``{place}`` where harm has been
happening; ``{interest}`` something the child enjoys; ``{school}`` their school.

The good-practice wording here is deliberately clear of the lexicon's blaming
phrases (tests/test_demo.py seeds and checks that flags only come from the
deliberate slips in ``slips.py``): it names the people causing harm, records
strengths, and treats not-talking as something to be curious about.
"""

from __future__ import annotations

# Where harm has been happening, by context value (vocabulary.CONTEXTS).
PLACES: dict[str, tuple[str, ...]] = {
    "online": ("through Snapchat", "in an online group chat", "through a gaming platform"),
    "school": ("near the school gates", "on the way home from college"),
    "neighbourhood": ("on the estate", "around the flats on Mill Lane", "near the underpass"),
    "park": ("in the park by the canal", "at the skate park", "on the playing fields"),
    "transport": ("at the bus station", "at the railway station", "on the late buses"),
    "shops": ("at the chicken shop on the high street", "outside the corner shop"),
    "party_house": ("at an address of concern on Hill Street", "at a flat known to police"),
    "peer_group": ("through a group of teenagers from the next estate",),
    "out_of_area": ("in another town", "in a coastal town two hours away"),
}

INTERESTS = (
    "football", "drawing", "boxing", "music production", "basketball", "cooking", "dance",
    "fishing", "BMX", "gaming", "drama", "swimming", "photography", "looking after animals",
)

SCHOOLS = (
    "Riverside Academy", "Northgate High", "St Anne's", "Oakfield College", "Meadow Lane School",
    "the pupil referral unit", "Hillcrest Academy", "Brookside School",
)

# ---------------------------------------------------------------- what was shared, and why

SHARED_WHAT = (
    "The safety plan from the strategy meeting: who {child} can call, the code word for a lift "
    "home, and which addresses police are now watching.",
    "That police found {child} {place} late on Friday and brought {them} home, and what {child} "
    "said on return.",
    "The outcome of the return home interview and the pattern of missing episodes this month.",
    "The child protection plan: its aims, who does what, and the date of the core group.",
    "That police have served a child abduction warning notice on a man who has been contacting "
    "{child}.",
    "Worries from {school} about unexplained absences and new belongings, and the plan to review "
    "{their} timetable.",
    "The referral to the National Referral Mechanism and what it means for {child}.",
    "Signs of exploitation to look out for (new phones, unexplained cash, journeys out of area) "
    "and who to call.",
    "The plan for {child}'s journey to and from {school}, so {child} is not waiting at the bus "
    "station alone.",
    "What the contextual safeguarding meeting found about harm {place}, and the changes agreed "
    "with the council and police.",
    "The updated safety plan after {child}'s last missing episode.",
)

SHARED_WHY = (
    "So {carer} can spot early warning signs and knows who to call, day or night.",
    "{carer} knows {child} best and asked to be kept up to date; {child} agreed.",
    "To plan together how to keep {child} safe at weekends.",
    "So {carer} could add to the plan and challenge it where it did not fit life at home.",
    "{carer} is likely to be the first to notice if {child} is missing again.",
    "So {carer} heard it from us first rather than from police or other parents.",
    "{carer} asked for this so the messages at home match the messages from professionals.",
)

# ---------------------------------------------------------------- strengths and assets

STRENGTHS = (
    "{carer} noticed the change in {child}'s routine early and called us the same day.",
    "{carer} knows {child}'s friends and their families by name and shared useful information "
    "about who has been around.",
    "Warm relationship: {child} now texts {carer} when plans change.",
    "{carer} has kept a careful log of missing episodes, with times and car registrations.",
    "{carer} stayed calm when {child} came home late and made {them} food before asking "
    "questions.",
    "{child} loves {interest}; {carer} has found a club nearby and will take {them} on Tuesdays.",
    "{carer} questioned part of the plan and made it better.",
    "{child} kept {their} appointment with the youth worker and talked openly.",
    "The pastoral lead at {school} has built a trusting relationship with {child}.",
    "{carer} speaks up for {child} in meetings and keeps the focus on the men causing harm.",
    "{child} is funny and loyal, and has a good eye for {interest}.",
    "Good partnership with police: the neighbourhood officer now calls {carer} directly.",
)

FAMILY_STRENGTHS = (
    "{carer} came to the meeting straight from a night shift.",
    "Extended family nearby who can help with lifts and a safe place to stay.",
    "{carer} has started going to the parent peer-support group and says it helps.",
    "{carer} and {child} have a Sunday routine (food shopping and a film) that both protect.",
)

PROFESSIONAL_STRENGTHS = (
    "The home has kept the same two staff on {child}'s evening shifts, so {child} sees "
    "familiar faces.",
    "{carer} has built a bedtime routine with {child} that {child} says helps.",
    "{carer} kept {child}'s room just as it was during the missing episode, so {child} came "
    "back to something familiar.",
    "{carer} records the cars seen near the home and passes them to police the same day.",
)

# ------------------------------------------------------- support for the parent's own distress

DISTRESS_SUPPORT = (
    "Acknowledged how frightening the last week has been; referred {carer} to the PACE parent "
    "support line and agreed a weekly call.",
    "Talked through sleep and worry; {carer} will see the GP and I offered a supporting letter.",
    "Offered a carer's assessment and a referral to the family support service; {carer} accepted.",
    "Gave {carer} the out-of-hours number and agreed to text after the strategy meeting so "
    "{carer} is not left waiting for news.",
    "Introduced {carer} to another parent from the peer-support group who has been through the "
    "same.",
    "Made time at the end of the visit to talk about how {carer} is coping; agreed a check-in "
    "call on Friday.",
    "Arranged for the family support worker to visit {carer} alone this week.",
    "Referred {carer} to the adult wellbeing service, with consent, and shared the self-referral "
    "number for victim support.",
)

PROFESSIONAL_DISTRESS_SUPPORT = (
    "Asked {carer}'s manager for a debrief after the night {child} was missing; supervision "
    "booked for this week.",
    "Offered {carer} a reflective session with the clinical psychologist who supports the "
    "placement.",
    "Acknowledged how hard the last week has been for {carer}; agreed I will call after each "
    "strategy meeting so {carer} is not left waiting for news.",
)

# ---------------------------------------------------------------- actions on both sides

ACTIONS = (
    "{worker}: send the written safety plan by Friday. {carer}: keep the missing log and call "
    "101 with any car registrations.",
    "{worker}: ask {school} for a safe space at lunchtime. {carer}: talk with {child} about the "
    "code word for lifts.",
    "{worker}: share the core group agenda a week ahead. {carer}: bring the list of addresses "
    "{child} has mentioned.",
    "{worker}: follow up the NRM referral. {carer}: tell us if anyone new contacts {child} "
    "online.",
    "{worker}: ask police for the screenshots to be logged. {carer}: keep the phone safe as "
    "evidence.",
    "{worker}: find a {interest} session near home. {carer}: check dates with {child}.",
    "{worker}: send the minutes in plain English. {carer}: write down questions to bring.",
    "{worker}: chase the bus pass so {child} can get the school bus. {carer}: agree pick-up "
    "times with {child}.",
    "{worker} and {carer}: review the safety plan together in two weeks.",
)

FAMILY_ACTIONS = (
    "{worker}: refer {carer} to the parent peer-support group. {carer}: decide whether to try "
    "the Thursday session.",
    "{worker}: ask the housing officer about a transfer. {carer}: pass the screenshots to police.",
)

PROFESSIONAL_ACTIONS = (
    "{worker}: ask the placement manager to keep the same staff on at weekends. {carer}: tell "
    "{child} the rota in advance.",
    "{worker}: share the missing-from-care protocol with the night staff. {carer}: agree "
    "check-in times with {child}.",
)

PARTNER_ACTIONS = (
    "{carer} will lead the next review of the safety plan, with {worker} taking notes.",
    "{carer} and {worker} to co-present the family's view at the core group.",
    "{carer} agreed to speak at the parents' forum about what helped; {worker} to arrange.",
    "Shared plan: {carer} keeps in touch with the school pastoral lead, {worker} with police.",
)

# ---------------------------------------------------------------- practitioner notes, by kind

NOTES: dict[str, tuple[str, ...]] = {
    "home_visit": (
        "Home visit. We talked in the kitchen while {child} was at {school}. Men have been "
        "targeting {child} {place}; {carer} had noticed new clothes and a second phone.",
        "Home visit with {child} there for part of it. {child} showed me {their} {interest} "
        "videos and seemed more settled than last time.",
        "Visited at home. {carer} walked me through the last fortnight and the nights {child} "
        "was not home; we mapped the places together.",
        "Home visit. {carer} had written down questions about the police investigation; we went "
        "through them one by one.",
    ),
    "phone_call": (
        "Phone call to update {carer} after the strategy meeting. {carer} asked good questions "
        "about what police will do next.",
        "Called {carer} as agreed. {child} home safe last night; no new contact from the group.",
        "Short call; {carer} was at work, so we agreed a longer call after six.",
        "{carer} rang me after finding messages from an unknown number on {child}'s phone. "
        "Talked through what to keep as evidence.",
    ),
    "meeting": (
        "Meeting at {school} with {carer}, the pastoral lead and me. Agreed changes to {child}'s "
        "timetable so there is no unsupervised gap at lunch.",
        "Meeting at the family centre. {carer} set the agenda: transport, money and sleep.",
        "Team around the family meeting. {carer}'s knowledge of who collects {child} from "
        "{school} shaped the plan.",
    ),
    "strategy_meeting": (
        "Strategy meeting with police, health and {school}. {carer} joined for the second half "
        "and gave the family's view.",
        "Strategy meeting after the latest missing episode. Police to disrupt the address; "
        "{carer} updated in person afterwards.",
    ),
    "cp_conference": (
        "Child protection conference. {carer} attended with an advocate and spoke about "
        "{child}'s strengths before the worries.",
        "Review conference. Plan continues; {carer}'s suggestion of a weekend check-in call "
        "was added.",
    ),
    "safety_planning": (
        "Safety planning session. {carer} and {child} agreed a code word and a lift plan; "
        "{carer} suggested adding a trusted neighbour.",
        "Reviewed the safety plan together. Phones now charge downstairs overnight; this was "
        "{carer}'s idea and {child} agreed.",
        "Safety planning: mapped the places where {child} feels safe and unsafe; the youth "
        "club is now on the safe list.",
    ),
    "information_sharing": (
        "Shared the outcome of the multi-agency meeting with {carer}, face to face, and "
        "checked what {carer} understood.",
        "Went through the police update with {carer}. {carer} wanted to know what {child} "
        "will be told; agreed we tell {child} together.",
    ),
    "support_session": (
        "Support session for {carer}. Talked about sleep, work and what helps on bad days.",
        "Support session. {carer} has been reading about county lines and grooming; we talked "
        "about what {carer} has learned and how it fits {child}'s story.",
        "Session focused on {carer}'s own wellbeing and on {child}'s younger brother, who has "
        "been worried.",
    ),
    "peer_support_referral": (
        "Referred {carer} to the parent peer-support group, with consent. {carer} would like a "
        "parent who has been through exploitation to call first.",
        "Peer-support referral made; the group meets on Thursdays near {carer}'s work.",
    ),
}

# Added to some notes: respectful observations that show curiosity and warmth.
EXTRA_NOTES = (
    "{child} may not feel safe to talk yet; we will keep offering time with a worker {child} "
    "trusts.",
    "The adults exploiting {child} are the focus of the police plan.",
    "Rearranged the next visit to a time that suits {carer}.",
    "We agreed I will speak to {child} before anything new is shared.",
    "{child} has had no missing episodes since the last visit.",
)

FAMILY_EXTRA_NOTES = (
    "{carer} said the first visit from police felt like an accusation; I acknowledged this.",
    "Rearranged the next visit to an evening that suits the family's shifts.",
)

PROFESSIONAL_EXTRA_NOTES = (
    "{carer} has shared the plan with the night staff so everyone responds the same way.",
)


def _by_carer(
    general: tuple[str, ...], family: tuple[str, ...], professional: tuple[str, ...]
) -> dict[bool, tuple[str, ...]]:
    """Banks keyed by whether the carer is a professional (foster carer, residential staff)."""
    return {False: general + family, True: general + professional}


STRENGTHS_FOR = _by_carer(STRENGTHS, FAMILY_STRENGTHS, PROFESSIONAL_STRENGTHS)
ACTIONS_FOR = _by_carer(ACTIONS, FAMILY_ACTIONS, PROFESSIONAL_ACTIONS)
EXTRA_NOTES_FOR = _by_carer(EXTRA_NOTES, FAMILY_EXTRA_NOTES, PROFESSIONAL_EXTRA_NOTES)
DISTRESS_SUPPORT_FOR = {False: DISTRESS_SUPPORT, True: PROFESSIONAL_DISTRESS_SUPPORT}
# Contacts that are about a parent's own support; a professional carer gets a meeting instead.
FAMILY_ONLY_KINDS = ("support_session", "peer_support_referral")

INTERPRETER_NOTE = "A {language} interpreter joined throughout; {carer} read back the plan."
INTERPRETER_ACTION = "{worker}: book the {language} interpreter for the next meeting."

NOT_INVOLVED_REASON = (
    "The meeting discussed police intelligence that could not yet be shared; {carer} was told "
    "the outcome in person the next day.",
    "Professionals-only part of the strategy meeting, about the criminal investigation; {carer} "
    "was updated the same afternoon.",
)

CLOSING_NOTES = (
    "Closing meeting. No missing episodes for three months; {child} is back in full-time "
    "education and {carer} knows who to call if worries return.",
    "Closing summary agreed with {carer}: safety plan handed over, peer-support group continues, "
    "door left open to come back to us.",
)
