"""Phrase banks for people's own words: parents' and carers' views, children's views.

These are voices, not practitioner wording: the checks show them and never flag
them, so some deliberately use words a practitioner should not (a parent who
says "I failed her", a child who repeats "putting myself at risk" back to us).

Placeholders as in ``phrases.py``, plus ``{called}``: what the child calls the
parent or carer ("Mum", "Gran", a foster carer's first name).
"""

from __future__ import annotations

PARENT_VIEWS = (
    "I just want {them} home and safe. I know the signs now: new trainers, a second phone.",
    "Nobody told me anything for weeks. This is the first time I feel listened to.",
    "I'm scared of the people {child} is with. They know where we live.",
    "Sometimes I think I failed {them}. Then I remember they groomed {them}. It wasn't us.",
    "I need help with {their} little sister as well, she's frightened.",
    "I don't want {child} moved out of area, that's where the trouble started.",
    "If you'd told me about the phone sooner I could have done something.",
    "{child} talks to me in the car. That's when I get the truth.",
    "I'm happy to come to the meeting but I don't want to sit across from the police.",
    "I've been reading everything about county lines. I didn't know any of this before.",
    "Give me something to do. I can't just sit and wait for the phone to ring.",
    "I feel judged every time someone new comes to the door.",
    "Thank you for ringing back when you said you would.",
    "I want {child} to know I'm not angry, I'm just frightened for {them}.",
    "The police treat {them} like a criminal. {child} is a child. It's those men.",
    "I don't understand why the man who did this is still walking around.",
)

PARENT_VIEWS_DISTRESSED = (
    "I'm exhausted. I haven't slept properly since the police came round.",
    "I keep going over it in my head, what I missed.",
    "I can't eat, I can't work. Every time the phone goes I think it's the hospital.",
    "My nerves are gone. I jump every time a car slows down outside.",
    "I feel like everyone thinks it's my fault.",
)

PARENT_VIEWS_PARTNER = (
    "It feels like we're in this together now, not me against everyone.",
    "I liked writing the plan with you. It's our plan, not just yours.",
    "The group on Thursday helped. The other parents get it.",
    "I know what to do now if it happens again, and who to ring.",
)

CARER_VIEWS_PROFESSIONAL = (
    "{child} is more settled when the same staff do the school run.",
    "We've noticed {child} comes back quieter after weekends. We'd like help to understand why.",
    "We want {child} to stay with us. We need the plan to say what we do at two in the morning.",
    "{child} has started eating with the rest of the house again. That's big for {them}.",
    "Please keep us in the loop. We hear things from {child} before anyone else does.",
)

CARER_VIEWS_PROFESSIONAL_DISTRESSED = (
    "Honestly, the last few nights have shaken the whole team.",
    "I sat up till four waiting for the police to call. I can't keep doing nights like that.",
)

# ---------------------------------------------------------------- the child's own words, by wish

CHILD_VIEWS: dict[str, tuple[str, ...]] = {
    "agrees": (
        "Yeah, {called} can know. I'd rather {called} hears it from you than from the police.",
        "It's fine. {called} should be at the meeting, {called} knows me better than anyone.",
        "Tell {called}. It's easier when I don't have to explain it all myself.",
        "OK. It's better if {called} knows what's going on, then there's less shouting.",
    ),
    "agrees_with_conditions": (
        "{called} can know about the plan but not the names of my mates.",
        "Only if you tell {called} with me there, not behind my back.",
        "Fine, but don't tell {called} about the pictures. I'll tell {called} when I'm ready.",
        "Yeah if it's just the safety stuff. Not what I told the police.",
    ),
    "does_not_agree": (
        "No. {called} will go mad and take my phone.",
        "I don't want {called} knowing. It makes everything worse at home.",
        "Please don't. {called} will blame me.",
        "No. {called} will tell everyone and then they'll know I talked.",
    ),
    "undecided": (
        "Don't know. Maybe. Can I think about it?",
        "I dunno. Depends what you're going to say.",
        "Everyone says I'm putting myself at risk. I'm not, they find me. "
        "I don't know if {called} would get that.",
    ),
}

INFLUENCE: dict[str, tuple[str, ...]] = {
    "agrees": (
        "{child} agreed; {child} asked to see the plan before it went to {carer}, and did.",
        "{child}'s view was followed in full.",
        "{child} chose to be there when we talked with {carer}.",
    ),
    "agrees_with_conditions": (
        "We followed {child}'s condition: friends' names were left out of what we shared.",
        "{child} and I told {carer} together, as {child} asked.",
        "What {child} told police was kept out of the update, as {child} asked.",
    ),
    "does_not_agree": (
        "{child}'s worries shaped how we shared: only the safety plan, nothing {child} told "
        "police.",
        "We told {carer} as little as keeping {child} safe needed, and said so to {child}.",
    ),
    "undecided": (
        "We shared only the headline safety plan and agreed to check back with {child} before "
        "saying more.",
        "{child} wanted time; we waited a week and {child} then said the plan could be shared.",
    ),
}

OVERRIDE_RATIONALE = (
    "Police information showed an immediate danger to {child} at an address {place}; {carer} "
    "needed the address to keep {child} safe that night. I explained this to {child} face to "
    "face the next day.",
    "{child} had been missing for two nights and sharing with {carer} was needed to find {them} "
    "safely. We talked it through with {child} on return.",
    "The child protection conference needed {carer}'s view to make a safe plan; we agreed with "
    "{child} what would not be shared.",
)

NOT_ASKED: dict[str, tuple[str, ...]] = {
    "child_missing": (
        "{child} had been missing since Friday evening and could not be reached; {carer} needed "
        "the police details to help find {them}. We will ask {child} on return.",
        "{child} was missing and phones were off; the missing-person plan was shared with "
        "{carer} straight away.",
    ),
    "immediate_safeguarding": (
        "Strategy meeting held the same day after {child} was found {place} with a man not "
        "known to the family; {carer} had to know the safety arrangements that evening.",
        "Police served a warning notice that afternoon and {carer} needed to know before "
        "{child} came home.",
    ),
}

# When the child is asked about a parent or carer it is not safe to involve.
UNSAFE_UNDECIDED_VIEWS = (
    "I don't know. Maybe one day, not now.",
    "I miss {called} sometimes. But not yet.",
)
UNSAFE_CHILD_VIEWS = (
    "I don't want {called} to know anything about me. Nothing.",
    "Don't tell {called} where I'm staying.",
    "{called} can't know. {called} will tell them.",
)

UNSAFE_INFLUENCE = (
    "{child}'s wish matches the strategy meeting decision: nothing about {their} plans is shared "
    "with {unsafe}.",
    "We will not involve {unsafe}; {child} was told this and was relieved.",
)

# Factual reasons a carer is not safe to involve (describe what is known, not a judgement).
UNSAFE_REASONS = (
    "Police intelligence indicates {unsafe} introduced {child} to men supplying drugs {place}. "
    "The strategy meeting agreed {unsafe} is not told about {child}'s plans while police "
    "investigate.",
    "Suspected of exploiting {child}: {child} told police {unsafe} asked {them} to carry "
    "packages to another town. Police investigation open.",
    "{child} has disclosed sexual abuse by {unsafe}; police investigation open and bail "
    "conditions prevent contact.",
    "A non-molestation order protects {child} and {their} mother from {unsafe}; sharing "
    "information could put them in danger.",
)

CHILD_COMMUNICATION = (
    "Autistic; prefers written questions and time to answer.",
    "Dyslexia: short sentences, read documents aloud with {them}.",
    "ADHD: shorter meetings with breaks, walk-and-talk works well.",
    "Speaks Polish at home; English is good but prefers key words in Polish too.",
    "Uses BSL; book a BSL interpreter for every meeting.",
    "Speech and language needs; check understanding by asking {them} to explain it back.",
)

CARER_COMMUNICATION = (
    "Prefers calls after 6pm because of shift work.",
    "Dyslexic; prefers plans read through together rather than sent as letters.",
    "Hearing loss; texts rather than calls.",
    "Prefers face-to-face meetings at the family centre, not at home.",
)

INTERPRETER_LANGUAGES = (
    "Polish", "Romanian", "Arabic", "Urdu", "Somali", "Tigrinya", "Portuguese", "Bengali",
    "Punjabi", "Kurdish",
)
