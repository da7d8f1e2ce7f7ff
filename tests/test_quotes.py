"""Quotes and claims on sentences written for these tests."""

from __future__ import annotations


def quotes(pipeline, text):
    return list(pipeline.code(text, published="2024-03-06").quotes)


def test_split_quote_keeps_its_speaker(pipeline):
    text = ('"We will not negotiate under fire," the Ukrainian foreign minister said. '
            '"The shelling must stop first."')
    found = [q for q in quotes(pipeline, text) if q.direct]
    assert len(found) == 2
    assert {q.speaker.country for q in found} == {"UKR"}
    assert found[1].cue == found[0].cue


def test_speaker_unknown_to_the_knowledge_base_is_kept_unresolved(pipeline):
    [q] = quotes(pipeline, '"The river rose in minutes," Amara Diallo told reporters in the town.')
    assert q.speaker.text == "Amara Diallo" and q.speaker.country is None and q.speaker.id is None


def test_according_to_makes_a_claim_with_its_source(pipeline):
    found = quotes(pipeline, "Twelve soldiers were killed in the ambush, according to the Malian army.")
    [claim] = [q for q in found if not q.direct]
    assert claim.content.text == "Twelve soldiers were killed in the ambush"
    assert claim.speaker.country == "MLI" and claim.via == ("the Malian army",)


def test_indirect_speech_with_via(pipeline):
    text = "The interior minister said that police had arrested 30 people, according to Reuters."
    [q] = [q for q in quotes(pipeline, text) if not q.direct]
    assert q.content.text.startswith("police had arrested") and q.via == ("Reuters",)
    assert q.speaker.sector == "GOV"


def test_an_accusation_carries_its_charge(pipeline):
    found = quotes(pipeline, "Kinshasa accused Rwanda of backing the M23 rebels with troops and weapons.")
    [charge] = [q for q in found if q.cue and q.cue.text == "accused"]
    assert charge.content.text == "backing the M23 rebels with troops and weapons"
    assert charge.speaker.country == "COD" and not charge.direct


def claims(pipeline, text):
    return [q for q in quotes(pipeline, text) if not q.direct]


def test_reported_clause_without_that_after_told_reporters(pipeline):
    [q] = claims(pipeline, "The defence minister told reporters the border would stay closed until Friday.")
    assert q.cue.text == "told" and q.content.text == "the border would stay closed until Friday"
    assert q.speaker.text == "defence minister"


def test_belief_is_an_attribution(pipeline):
    [q] = claims(pipeline, "Opposition leaders believe the vote was rigged in several provinces.")
    assert q.cue.text == "believe" and q.content.text == "the vote was rigged in several provinces"
    assert q.speaker.text == "Opposition leaders"


def test_a_wish_carries_its_infinitive(pipeline):
    [q] = claims(pipeline, "The union wants to renegotiate the pension deal before the summer.")
    assert q.content.text == "to renegotiate the pension deal before the summer"


def test_an_urging_carries_who_is_urged_and_to_do_what(pipeline):
    [q] = claims(pipeline, "The mayor urged residents to stay indoors during the storm.")
    assert q.cue.text == "urged" and q.content.text == "residents to stay indoors during the storm"


def test_calling_something_a_name_is_a_claim(pipeline):
    [q] = claims(pipeline, "The senator called the agreement a betrayal of farmers.")
    assert q.content.text == "the agreement a betrayal of farmers" and q.speaker.text == "senator"


def test_a_call_for_carries_what_is_demanded(pipeline):
    [q] = claims(pipeline, "Protest leaders called for a general strike across the country.")
    assert q.content.text.startswith("a general strike")


def test_a_possessor_owns_the_claim_noun(pipeline):
    [q] = claims(pipeline, "Ruiz's claim that the ballots were lost has not been proven.")
    assert q.cue.text == "claim" and q.content.text == "the ballots were lost" and q.speaker.text == "Ruiz"


def test_a_parenthetical_cue_reports_the_clause_around_it(pipeline):
    [q] = claims(pipeline, "The talks, the envoy said, would resume in Geneva next week.")
    assert q.content.text.startswith("The talks") and q.content.text.endswith("next week")
    assert q.speaker.text == "envoy"


def test_a_passive_expectation_has_no_speaker(pipeline):
    [q] = claims(pipeline, "Turnout is expected to exceed 60 percent in the capital.")
    assert q.content.text == "Turnout is expected to exceed 60 percent in the capital" and q.speaker is None


def test_an_attribution_inside_another_is_part_of_the_outer_claim(pipeline):
    [q] = claims(pipeline, "The spokesman said the president plans to visit the flooded region on Tuesday.")
    assert q.cue.text == "said" and q.content.text == "the president plans to visit the flooded region on Tuesday"


def test_a_quoted_fragment_inside_reported_speech_is_not_a_quote_of_its_own(pipeline):
    found = quotes(pipeline, 'The governor said the bill was "a disaster for working families" and would cost jobs.')
    assert [q.cue.text for q in found] == ["said"]
    assert not found[0].direct and "a disaster for working families" in found[0].content.text


def test_a_pronoun_speaker_is_the_person_quoted_before(pipeline):
    text = ('"The river rose in minutes," Amara Diallo told reporters in the town. '
            "She said the bridge would reopen within a month.")
    [q] = claims(pipeline, text)
    assert q.speaker.text == "She" and q.speaker.name == "Amara Diallo"


def test_it_speaks_for_the_institution_quoted_before(pipeline):
    text = ("The Kenyan health ministry said on Monday that 40 people had died in the floods. "
            "It added that most of the victims were children.")
    added = next(q for q in claims(pipeline, text) if q.cue.text == "added")
    assert added.speaker.text == "It" and added.speaker.country == "KEN"


def test_a_relative_pronoun_speaker_is_the_noun_it_modifies(pipeline):
    [q] = claims(pipeline, "Residents, who said the water had risen overnight, fled to the hills.")
    assert q.speaker.text == "Residents"


def test_said_without_anyone_speaking_is_no_quote(pipeline):
    assert quotes(pipeline, "That said, the market recovered by noon.") == []
    assert quotes(pipeline, "Having said that, the central bank left interest rates unchanged on Thursday.") == []


def test_calling_and_declining_in_other_senses_are_no_claims(pipeline):
    assert quotes(pipeline, "The so-called peace plan collapsed within a week.") == []
    assert quotes(pipeline, "The group, called the Northern Alliance, seized two towns.") == []
    assert quotes(pipeline, "Prices declined sharply in March.") == []
    assert quotes(pipeline, "The former mayor was charged with fraud and released on bail.") == []


def test_a_name_after_a_dash_is_the_speaker(pipeline):
    [q] = quotes(pipeline, '"We have nothing left but the land." \u2015 Maria Lopez, a farmer in the valley')
    assert q.direct and q.speaker.text == "Maria Lopez" and q.content.text == "We have nothing left but the land."


def test_a_transcript_label_is_the_speaker_and_not_the_content(pipeline):
    [q] = quotes(pipeline, '"SMITH: We will not raise taxes on working families. That is a promise."')
    assert q.speaker.text == "SMITH" and q.content.text.startswith("We will not raise taxes")


def test_two_apostrophes_quote_like_quotation_marks(pipeline):
    [q] = quotes(pipeline, "''We will rebuild the school by winter,'' the mayor said.")
    assert q.direct and q.content.text == "We will rebuild the school by winter," and q.speaker.text == "mayor"


def test_a_quote_resumed_after_a_long_attribution_keeps_its_speaker(pipeline):
    text = ('"The water is rising fast," said Tomas Berg, a hydrologist at the regional flood authority '
            'in the north. "We expect the peak on Sunday."')
    found = quotes(pipeline, text)
    assert [q.speaker.text for q in found] == ["Tomas Berg", "Tomas Berg"]


def test_cue_lexicon_reads_phrasal_verbs_and_nouns():
    from eventwire.quotes import load_cues

    cues = load_cues()
    assert "clause" in cues.verbs["point out"] and "infinitive" in cues.verbs["want"]
    assert "clause" in cues.nouns["claim"] and "for" in cues.verbs["call"]


def test_a_headline_credits_its_claim_to_the_name_before_the_colon(pipeline):
    found = quotes(pipeline, "Poll: Voters Sour on the Border Deal Ahead of the Vote\n\nMost voters now oppose it.")
    [headline] = [q for q in found if q.cue.text == ":"]
    assert headline.speaker.text == "Poll"
    assert headline.content.text == "Voters Sour on the Border Deal Ahead of the Vote"
    assert quotes(pipeline, "UPDATE: The story has been corrected to give the right date.") == []
