"""scan_text: blaming wording is flagged in the writer's own voice, and only then."""

import pytest

from parent_partners.checks import Finding, scan_text


def kinds(text: str) -> set[str]:
    return {f.kind for f in scan_text(text)}


def flagged(text: str, kind: str) -> bool:
    return kind in kinds(text)


# ---------------------------------------------------------------- inflections and paraphrase
@pytest.mark.parametrize(
    "text",
    [
        "Jade puts herself at risk with the men at the retail park.",
        "Jade put herself at risk again on Saturday.",
        "Jade is putting herself at risk by getting into cars.",
        "Kyle has placed himself in danger by going to the trap house.",
        "They keep placing themselves in risky situations.",
        "Leon chose to go missing again.",
        "Leon chooses to go missing whenever he is told no.",
        "Leon went missing out of choice.",
        "Tyler keeps going back to the flat on Albion Street.",
        "Amira is in a relationship with a 24-year-old.",
        "Amira has been seeing a 26 year old man from the takeaway.",
        "Kai is a drug runner for the Cardiff line.",
        "Kai has been dealing cannabis on the estate.",
        "Maryam has been sexting an older man.",
        "Keeley keeps making poor choices.",
        "Harvey won't listen to advice about the older lads.",
        "Mason remains hard to reach.",
        "Zainab refuses to engage with the CSE worker.",
        "Chloe consented to meeting him.",
        "Jamal is streetwise.",
        "Ellie is promiscuous.",
        "Nia is attention seeking.",
        "Priya can be very manipulative with staff.",
    ],
)
def test_child_blame_flagged(text: str) -> None:
    assert flagged(text, "child_blame"), text


@pytest.mark.parametrize(
    "text",
    [
        "Mum failed to protect Jasmine from the men.",
        "Dad allowed him to go to Birmingham with a man nobody knew.",
        "Grandma should have known who was collecting Aaliyah.",
        "Dad is hostile in every meeting.",
        "The home was chaotic again.",
        "Stepmum is colluding with Ellie over the missing episodes.",
        "Mum is in denial about what is happening.",
        "Dad remains uncooperative.",
        "Foster mum lacks insight into the risks.",
        "Dad is not bothered where he goes.",
        "Father presents as disinterested.",
        "The kinship carers have been lax about curfew.",
        "This is a case of poor parenting.",
        "Mum refused to engage with the MACE plan.",
        "Grandad has been resistant to professional involvement.",
        "I am concerned about disguised compliance.",
        "Mum has been obstructive throughout.",
        "Mum knew about the Snapchat account and did nothing.",
    ],
)
def test_parent_blame_flagged(text: str) -> None:
    assert flagged(text, "parent_blame"), text


# ---------------------------------------------------------------- negation
@pytest.mark.parametrize(
    "text",
    [
        "This is not a lifestyle choice.",
        "There is no suggestion mum failed to protect her.",
        "The carers have not been lax in any way.",
        "Jade is not putting herself at risk; she is being targeted.",
        "I don't agree that Reece is hard to reach.",
        "Dad is not resistant. He fears reprisals.",
        "Kai is not a drug runner.",
        "Calling this a lifestyle choice would be wrong.",
        "A 13-year-old cannot consent to sex with an adult.",
    ],
)
def test_negated_is_not_blame(text: str) -> None:
    assert kinds(text) == set(), text


def test_negation_scope_ends_at_but() -> None:
    assert flagged(
        "I do not doubt that Mr Ali loves Ayaan, but he failed to protect him.", "parent_blame"
    )
    assert flagged(
        "This is not about mum's parenting; Tyler simply chooses to go missing.", "child_blame"
    )


# ---------------------------------------------------------------- quotation and attribution
@pytest.mark.parametrize(
    "text",
    [
        "She said 'I chose to go'.",
        "Zainab said, 'It was my decision to go with them, nobody made me.'",
        "Stepdad said, 'I've been hostile with you lot because nobody listened.'",
        "Grandad told me he 'should have known' something was wrong.",
        "Dylan told me, 'I'm just a runner, I know what I'm doing.'",
    ],
)
def test_own_words_quoted_are_voices(text: str) -> None:
    assert kinds(text) == set(), text


@pytest.mark.parametrize(
    "text",
    [
        "The officer called him 'a runner'; I challenged this.",
        "The YOT report refers to dad as 'obstructive'. In my experience he has asked "
        "reasonable questions.",
        "A panel member suggested Nia was attention seeking. The chair and I both disagreed.",
        "The school's referral says Ellie is 'promiscuous'. I have asked the DSL to amend it.",
    ],
)
def test_reported_and_challenged_is_not_blame(text: str) -> None:
    assert kinds(text) == set(), text


@pytest.mark.parametrize(
    "text",
    [
        "As the school rightly says, she is 'streetwise'.",
        "PC Shah described Imran as a drug runner, which is accurate.",
        "The school describes her as 'very flirty with older boys' and I would agree.",
        "I share the police view that Aunty Grace has been uncooperative.",
    ],
)
def test_endorsed_quote_is_still_blame(text: str) -> None:
    assert kinds(text), text


def test_writer_blame_after_a_quote_is_flagged() -> None:
    text = "Kiera told me, 'They're my mates.' She knows what she is doing."
    assert flagged(text, "child_blame")


# ---------------------------------------------------------------- advice about language
@pytest.mark.parametrize(
    "text",
    [
        "Avoid describing her as promiscuous.",
        "Please don't use promiscuous or sexually active about Chloe in any report.",
        "Minutes should not describe parents as uncooperative or hostile.",
        "Phrases such as lifestyle choice and streetwise should be replaced.",
        "Write 'being criminally exploited' rather than 'drug runner'.",
    ],
)
def test_advice_about_language_is_not_blame(text: str) -> None:
    assert kinds(text) == set(), text


# ---------------------------------------------------------------- same word, something else
@pytest.mark.parametrize(
    "text",
    [
        "Dad chose to attend the meeting.",
        "Mum failed her driving test.",
        "Dad is hostile towards the men grooming his son.",
        "She is at risk of exploitation.",
        "Kacper is dealing with a lot at the moment.",
        "Mum refused to engage with the men who came to the door.",
        "Zara won't listen to drill music any more.",
        "The men were colluding to move Hana between addresses.",
        "Security at the station is lax after 10pm.",
        "The first visit was chaotic because the interpreter was late.",
        "Mum allowed him to go to the youth club, as agreed in the safety plan.",
        "We as a service failed to protect Leon.",
        "Dylan chooses to go to the boxing gym three evenings a week.",
        "The manipulative tactics used by the group included buying her food.",
    ],
)
def test_same_word_about_something_else(text: str) -> None:
    assert kinds(text) == set(), text


def test_both_kinds_and_both_people() -> None:
    assert kinds("Both Tyrone and his mother are hard to reach.") == {
        "child_blame",
        "parent_blame",
    }
    assert kinds("Jade is putting herself at risk and mum is too lax to stop her.") == {
        "child_blame",
        "parent_blame",
    }


# ---------------------------------------------------------------- finding shape
def test_spans_and_fields() -> None:
    text = "Home visit done.\nJade continues to put herself at risk; Dad is hostile."
    findings = scan_text(text)
    assert len(findings) == 2
    for f in findings:
        assert f.start is not None and f.end is not None
        assert text[f.start : f.end] == f.matched
        assert f.explanation and f.suggestion and f.source and f.rule
    assert findings[0].matched == "put herself at risk"
    assert findings[1].kind == "parent_blame"


def test_key_ignores_span_so_edits_elsewhere_keep_the_flag() -> None:
    before = scan_text("Dad is hostile.")[0]
    after = scan_text("Visit on Monday. Dad  is hostile.")[0]
    assert before.start != after.start
    assert before.key() == after.key()
    assert isinstance(before.to_dict(), dict)
    assert before.to_dict()["matched"] == before.matched


def test_empty_and_plain_text() -> None:
    assert scan_text("") == []
    assert scan_text("Strategy meeting held with police and health; actions agreed.") == []
    assert all(isinstance(f, Finding) for f in scan_text("Kai is streetwise."))


def test_long_text_offsets_stay_aligned() -> None:
    filler = "Home visit completed and no concerns noted. " * 2000
    text = filler + "Kai is streetwise. " + "İstanbul trip planned. " + "Mum is in denial."
    findings = scan_text(text)
    assert [f.kind for f in findings] == ["child_blame", "parent_blame"]
    for f in findings:
        assert f.start is not None and f.end is not None
        assert text[f.start : f.end] == f.matched
