"""Quotes and claims on sentences written for these tests."""

from __future__ import annotations


def quotes(pipeline, text):
    return pipeline.code(text, published="2024-03-06").quotes


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
