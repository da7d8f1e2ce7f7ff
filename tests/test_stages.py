"""Behaviour of the stages on sentences written for these tests; expected values reasoned out."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-03-06"  # a Wednesday


@pytest.fixture(scope="module")
def code(pipeline):
    return lambda text, published=PUBLISHED: pipeline.code(text, published=published)


def only(events, root):
    found = [e for e in events if e.cameo.root == root]
    assert len(found) == 1, [(e.trigger, e.cameo.code) for e in events]
    return found[0]


def on(events, word):
    """The one event whose trigger is this word."""
    found = [e for e in events if e.trigger.startswith(word + " ")]
    assert len(found) == 1, [e.trigger for e in events]
    return found[0]


def sides(event):
    """The texts of the event's source and target actors."""
    return [a.text for a in event.source], [a.text for a in event.target]


def test_two_events_in_one_sentence_each_placed_in_its_own_clause(code):
    ann = code("Rebels attacked an army base near Goma and then met United Nations envoys in Kinshasa.")
    attack, meeting = only(ann.events, "19"), only(ann.events, "04")
    assert attack.location.name == "Goma" and meeting.location.name == "Kinshasa"
    assert [a.sector for a in attack.source] == ["REB"] == [a.sector for a in meeting.source]
    assert meeting.target[0].country == "IGO"


def test_compound_source_stays_a_list(code):
    ann = code("Russia, Iran and Syria condemned the strike.")
    assert [a.country for a in only(ann.events, "11").source] == ["RUS", "IRN", "SYR"]


def test_capital_acting_as_government_is_an_actor_not_a_place(code):
    ann = code("Moscow said on Wednesday it was ready to help.")
    assert [a.code for a in ann.actors] == ["RUSGOV"]
    assert ann.places == ()


def test_capital_after_in_is_a_place_not_an_actor(code):
    ann = code("Police arrested dozens of protesters in Moscow on Wednesday.")
    assert [p.country for p in ann.places] == ["RUS"]
    assert "Moscow" not in {a.text for a in ann.actors}


def test_capital_before_a_thing_is_where_it_is_not_the_government(code):
    ann = code("Gunmen stormed a Nairobi shopping mall on Saturday.")
    assert not [a for a in ann.actors if a.sector == "GOV"]
    assert [p.country for p in ann.places] == ["KEN"]
    ann = code("The Nairobi government rejected the report.")
    assert [a.code for a in ann.actors] == ["KENGOV"]


def test_actors_take_their_country_from_context(code):
    ann = code("Police arrested dozens of protesters in Moscow on Wednesday.")
    assert {a.text: a.code for a in ann.actors} == {"Police": "RUSCOP", "protesters": "RUSOPP"}
    ann = code("Demonstrators in Baghdad blocked a road while lawmakers in Kenya debated a tax bill.")
    assert {a.text: a.country for a in ann.actors}["Demonstrators"] == "IRQ"


def test_no_country_is_invented_without_context(code):
    ann = code("Police arrested dozens of protesters on Wednesday.")
    assert {a.country for a in ann.actors} == {None}


def test_negated(code):
    assert only(code("The army did not attack the village, a spokesman said.").events, "19").modality == "negated"


def test_denied(code):
    ann = code("The ministry denied carrying out the airstrike.")
    assert only(ann.events, "19").modality == "negated"


def test_hypothetical(code):
    ann = code("Iran would retaliate if Israel struck its nuclear sites.")
    assert {e.modality for e in ann.events} == {"hypothetical"}


def test_intended_future(code):
    ann = code("Turkish troops will withdraw from the border town on Monday.")
    event = only(ann.events, "03")  # an announced withdrawal is CAMEO's intent to de-escalate
    assert event.cameo.code == "0356" and event.plover.event == "AGREE"
    assert event.modality == "intended" and event.date.value == "2024-03-11"  # Monday ahead, by the tense


def test_an_act_consented_to_is_an_intent(code):
    [lift] = [e for e in code("The government consented to lift the curfew in the northern towns.").events
              if e.trigger.startswith("lift ")]
    assert lift.modality == "intended" and lift.cameo.code == "0351"


def test_announced_attack_is_a_threat(code):
    event = only(code("The rebels said they will attack the capital.").events, "13")
    assert event.cameo.code == "138" and event.source[0].sector == "REB"


@pytest.mark.parametrize("text", [
    "Soldiers prevented protesters from marching to the palace.",
    "Police stopped the crowd from storming the parliament.",
])
def test_an_act_kept_from_happening_is_negated(code, text):
    assert [e.modality for e in code(text).events] == ["negated"]


@pytest.mark.parametrize("text, word", [
    ("Police made no arrests after the brawl in the city centre.", "made"),
    ("No arrests have been made in the case, the sheriff said.", "made"),
    ("Nobody was arrested after the match.", "arrested"),
])
def test_an_act_done_by_or_to_none_is_negated(code, text, word):
    assert on(code(text).events, word).modality == "negated"


def test_a_condition_is_hypothetical_not_a_refusal(code):
    ann = code("The rebels threatened to attack the capital if the government did not release their leader.")
    release = on(ann.events, "release")
    assert release.modality == "hypothetical" and not release.cameo.code.startswith("12")


def test_a_passive_verb_after_an_active_one_is_done_to_their_subject(code):
    taken = on(code("The suspect fled on foot and was taken into custody a short time later.").events, "taken")
    assert [a.text for a in taken.source] == [] and [a.text for a in taken.target] == ["suspect"]


@pytest.mark.parametrize("text, word, code_", [
    ("A deputy fatally shot a man who charged at him with a knife.", "charged", "180"),  # rushed at, no charge
    ("Prosecutors charged the driver with manslaughter.", "charged", "173"),  # guard
    ("Officers seized 12 kilograms of fentanyl and two handguns in the raid.", "seized", "1711"),
    # booked or thrown into jail: detained
    ("The driver was booked into the county jail on Saturday night.", "booked", "173"),
    ("The blogger was thrown into jail after criticising the governor.", "thrown", "173"),
])
def test_police_report_verbs(code, text, word, code_):
    assert on(code(text).events, word).cameo.code == code_


@pytest.mark.parametrize("text, word, code_", [
    # a sum given "in" what it buys
    ("Norway pledged $300 million in humanitarian aid to Sudan on Monday.", "pledged", "0333"),
    # missiles into the sea hit no one: a show of force
    ("North Korea fired two ballistic missiles into the sea off its east coast.", "fired", "150"),
    ("Militants fired rockets into southern Israel overnight.", "fired", "19"),  # guard
    # a particle the parser read as "over 90", more than 90
    ("Armenia and Azerbaijan each handed over 32 detainees.", "handed", "084"),
    ("Government forces handed control of the border post to UN peacekeepers.", "handed", "0874"),
    # weapons handed in are a disarmament; people released or handed over are persons released
    ("Former fighters handed in their weapons at a camp near Bambari.", "handed", "0873"),
    ("The court released the opposition leader on bail.", "released", "0841"),
    ("Police handed the suspects over to prosecutors in Lyon.", "handed", "0841"),
])
def test_diplomatic_and_military_news(code, text, word, code_):
    assert on(code(text).events, word).cameo.code.startswith(code_)


@pytest.mark.parametrize("text, word, sub_event", [
    ("The militia handed its rifles to the police in Kananga.", "handed", "Change to group/activity"),
    ("Police handed the suspects over to prosecutors in Lyon.", "handed", "Agreement"),
])
def test_a_release_or_disarmament_is_no_transfer_of_territory(code, text, word, sub_event):
    assert on(code(text).events, word).acled.sub_event_type == sub_event


def test_armed_men_do_not_riot(code):
    # the escape's words read as a riot to the ACLED model; gunmen attacking is an attack
    attack = on(code("Hundreds of inmates escaped after gunmen attacked a prison in Owerri.").events, "attacked")
    assert (attack.acled.event_type, attack.acled.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize("text, sub_event", [
    # a protest still to come is no protest the arrests were at
    ("Police in Dhaka arrested 150 opposition activists ahead of Saturday's rally.", "Arrests"),
    ("Police arrested 40 people before the march in Lagos.", "Arrests"),
    ("Police arrested 40 protesters at the march in Lagos.", "Protest with intervention"),  # guard
])
def test_arrests_before_a_protest_are_arrests(code, text, sub_event):
    assert on(code(text).events, "arrested").acled.sub_event_type == sub_event


@pytest.mark.parametrize("text, sub_event", [
    ("The suspect surrendered to police on Friday after a two-day manhunt.", "Arrests"),
    ("Hundreds of rebel fighters surrendered to the army in Ituri on Monday.",
     "Non-violent transfer of territory"),  # guard: forces giving up to forces
])
def test_a_surrender_to_the_police_ends_in_custody(code, text, sub_event):
    assert on(code(text).events, "surrendered").acled.sub_event_type == sub_event


def test_cattle_rustled_are_property_seized(code):
    rustled = on(code("Bandits rustled cattle and abducted two herders near Birnin Gwari.").events, "rustled")
    assert rustled.cameo.code == "1711" and rustled.acled.sub_event_type == "Looting/property destruction"


def test_looters_are_criminals(code):
    ransacked = on(code("Looters ransacked shops in the market overnight.").events, "ransacked")
    assert [(a.text, a.sector) for a in ransacked.source] == [("Looters", "CRM")]


def test_a_missile_test_is_no_acled_attack(code):
    assert on(code("North Korea fired two ballistic missiles into the sea off its east coast.").events,
              "fired").acled is None


@pytest.mark.parametrize("text, code_", [
    # a past participle between a number and its noun describes it: no one was jailed, no ground taken
    ("Venezuela released six jailed Americans in a prisoner swap with the United States.", "173"),
    ("Both sides handed over 90 captured soldiers at the border on Friday.", "192"),
    ("Crowds marched in Conakry to demand the release of detained activists.", "173"),  # after a bare "of"
    # ... and one before a thing describes it: no guarantee given, no reform promised
    ("Thousands of farmers marched on Nairobi, demanding guaranteed maize prices.", "030"),
    ("Union leaders said the promised pay rises had not materialised.", "030"),
    ("The agreed ceasefire terms were published on Monday.", "019"),
    ("Residents complained about the proposed dam on the river.", "020"),
])
def test_a_participle_made_an_adjective_is_no_act(code, text, code_):
    assert code_ not in [e.cameo.code for e in code(text).events]


def test_historical(code):
    event = only(code("In 2014, government forces shelled the city of Donetsk.").events, "19")
    assert event.modality == "historical" and event.date.value == "2014" and event.date.precision == "year"
    assert event.location.country == "UKR"


@pytest.mark.parametrize("text, trigger, source", [
    # a pronoun in what was said is its speaker only where it can be: one official for "he"
    ("He will not resign, the prime minister said on Tuesday.", "resign", ["prime minister"]),
    ("We will retaliate against any attack, the army said.", "retaliate", ["army"]),
    # ... not a body of them: the suspect stabbed the woman, not the police
    ("A man was arrested on Tuesday after police said he stabbed a woman outside a bar in Dayton.", "stabbed", []),
    # a verb the parser hung on the predicate of the one before still shares its subject
    ("Demonstrators set tyres ablaze and hurled stones at police in Kibera.", "hurled", ["Demonstrators"]),
    # a clause below the act with a passive subject of its own is someone else's act
    ("A suspect opened fire on officers during a traffic stop, wounding a deputy before he was shot dead.",
     "shot", []),
    # what someone is accused, blamed or arrested for is their act, not the accuser's
    ("Activists accused the army of killing civilians in the town.", "killing", ["army"]),
    ("Officials blamed the rebels for attacking the convoy.", "attacking", ["rebels"]),
    ("Police arrested a man for stabbing his neighbour.", "stabbing", ["man"]),
    ("The police were accused of using excessive force.", "using", ["police"]),
    ("Youths resorted to throwing stones at police.", "throwing", ["Youths"]),  # guard: their own act
    # a relative clause's "who" or "which" is the noun it is on
    ("Police are searching for a gunman who shot a teenager near a basketball court.", "shot", ["gunman"]),
    ("Troops killed a militant who attacked a checkpoint.", "attacked", ["militant"]),
    # a present participle on the object of another act: the people it names act
    ("Police used water cannon to disperse farmers protesting new taxes in the capital.", "protesting", ["farmers"]),
    ("The rebels issued a statement demanding the release of prisoners.", "demanding", ["rebels"]),  # guard: a thing
])
def test_who_a_pronoun_or_a_passive_names_as_the_doer(code, text, trigger, source):
    event = on(code(text).events, trigger)
    assert [a.text for a in event.source] == source


def test_a_participle_on_a_noun_was_done_to_it(code):
    accused = on(code("A mob lynched a man accused of theft near the market.").events, "accused")
    assert [a.text for a in accused.source] == [] and [a.text for a in accused.target] == ["man"]


def test_reported_inside_a_quote_has_the_speaker_as_claimant(code):
    ann = code('"The rebels attacked our positions overnight," the defense minister of Chad said on Tuesday.')
    event = only(ann.events, "19")
    assert event.modality == "reported" and event.claimant.country == "TCD"


def test_magnitudes(code):
    ann = code("Gunmen killed six civilians and wounded 12 others in an attack on a market in Maiduguri.")
    killing = [e for e in ann.events if "killed" in e.trigger][0]
    assert (killing.size.dead, killing.size.injured) == (6, 12)
    assert killing.location.country == "NGA"
    arrests = only(code("Police arrested dozens of protesters in Nairobi.").events, "17")
    assert arrests.size.arrested == 24  # "dozens": the documented lower bound


def test_weapon_refines_the_code(code):
    assert only(code("Russian warplanes struck rebel positions in Idlib.").events, "19").cameo.code == "195"
    assert only(code("A suicide bomber attacked a checkpoint in Mogadishu.").events, "18").cameo.code == "1831"


def test_caption_printed_twice_is_coded_once(code):
    caption = "Soldiers fired tear gas at protesters in Caracas on March 3, in this photo taken by a witness."
    text = f"{caption}\n\nThe opposition called for new marches.\n\n{caption.replace('in Caracas', 'in central Caracas')}"
    ann = code(text)
    assert len([e for e in ann.events if e.evidence.startswith("Soldiers fired")]) == 1


def test_related_line_adds_no_event(code):
    ann = code("Troops shelled the town on Monday.\n\nRelated: Rebels attack convoy in north\n\nAid groups warned of hunger.")
    assert not [e for e in ann.events if "convoy" in e.evidence]


def test_relative_dates_follow_the_publication_date(code):
    ann = code("Police arrested the opposition leader on Monday.", published="2024-03-06")
    assert only(ann.events, "17").date.value == "2024-03-04"
    assert only(ann.events, "17").date.basis == "relative"


def test_no_publication_date_means_no_invented_date(code):
    ann = code("Police arrested the opposition leader on Monday.", published=None)
    assert only(ann.events, "17").date is None


def test_dateline_is_where_the_story_was_filed_not_an_actor(code):
    ann = code("LUXEMBOURG, June 24 (Example Wire) - European Union ministers imposed new sanctions on Belarus.")
    assert "LUX" not in {a.country for a in ann.actors}
    assert [p.country for p in ann.places][:1] == ["LUX"]
    [sanction] = [e for e in ann.events if e.cameo.root == "16"]
    assert sanction.source[0].country == "IGO" and sanction.target[0].country == "BLR"


def test_what_someone_else_must_do_is_a_demand(code):
    ann = code("The foreign ministry said Israel must halt the raids.")
    [demand] = [e for e in ann.events if e.trigger.startswith("said")]
    assert demand.cameo.code == "100" and demand.plover.event == "REQUEST"
    assert [a.country for a in demand.target] == ["ISR"]


def test_should_is_an_appeal_and_a_plain_report_stays_a_statement(code):
    appeal = code("The envoy said the rebels should return to talks.").events[0]
    assert appeal.cameo.code == "020"
    report = code("The spokesman said Syria had agreed to talks.").events[0]
    assert report.cameo.root == "01" and report.target == ()


def test_an_event_with_no_place_of_its_own_is_placed_at_the_dateline(code):
    ann = code("BAMAKO, March 3 (Example Wire) - Soldiers arrested two opposition leaders on Sunday.\n\n"
               "Their party said the arrests were illegal. Gunmen later attacked a checkpoint in Mopti.")
    arrest = next(e for e in ann.events if e.cameo.root == "17" and "Soldiers" in e.evidence)
    assert arrest.location.name == "Bamako"
    attack = next(e for e in ann.events if "checkpoint" in e.evidence and e.cameo.root in ("18", "19"))
    assert attack.location.name == "Mopti"


def test_a_place_and_its_state_are_resolved_together(code):
    places = code("The girl flew from Atlanta, Georgia to Wichita, Kansas on Monday.").places
    assert [(p.name, p.country) for p in places][:2] == [("Atlanta", "USA"), ("Georgia", "USA")]
    assert places[1].precision == "admin1"


def test_offer_to_help_with_a_phrase_in_between(code):
    [offer] = code("Russia offered on Wednesday to help the U.S. fight ISIS in Iraq.", published="2017-12-06").events
    assert offer.cameo.root == "03" and offer.trigger.startswith("offered [offer +to:help")
    assert [a.country for a in offer.source] == ["RUS"] and [a.country for a in offer.target] == ["USA"]
    assert offer.date.value == "2017-12-06" and offer.date.basis == "relative"


@pytest.mark.parametrize("text, code_", [
    ("Hungary said it will not accept any more refugees from the camps.", "122"),
    ("The rebels will not release the hostages until their demands are met.", "1243"),
    ("The two sides failed to reach agreement after a week of talks in Doha.", "127"),
    ("The government did not attend the talks in Geneva.", "125"),
])
def test_a_cooperation_its_actor_withholds_is_a_refusal(code, text, code_):
    [refusal] = [e for e in code(text).events if e.cameo.root == "12"]
    assert refusal.cameo.code == code_ and refusal.plover.event == "REJECT"
    assert refusal.modality in ("asserted", "reported")


def test_a_withheld_attack_stays_negated_not_refused(code):
    ann = code("Government troops did not shell the town, the ministry said.")
    assert not [e for e in ann.events if e.cameo.root == "12"]
    assert only(ann.events, "19").modality == "negated"


def test_a_threat_targets_who_must_meet_its_condition(code):
    ann = code("Moscow threatened to walk out of the arms talks if Washington deploys the new missiles.")
    [threat] = [e for e in ann.events if e.cameo.root == "13"]
    assert [a.country for a in threat.target] == ["USA"]


def test_a_place_on_the_object_is_the_target_and_the_location(code):
    ann = code("The president imposed a night-time curfew in Bouake after days of looting.")
    [curfew] = [e for e in ann.events if e.cameo.code.startswith("172")]
    assert [(a.country, a.sector) for a in curfew.target] == [("CIV", "CVL")]
    assert curfew.location is not None and curfew.location.country == "CIV"


def test_the_maker_of_a_rejected_call_is_the_target(code):
    ann = code("Hungary rejected calls by Romania for a joint border force.")
    [rejection] = [e for e in ann.events if e.cameo.root == "12"]
    assert [a.country for a in rejection.target] == ["ROU"]


def test_a_protest_targets_what_it_is_against(code):
    ann = code("Hundreds of Kenyan farmers marched in Nakuru to protest the Ugandan ban on milk imports.")
    protests = [e for e in ann.events if e.cameo.root == "14"]
    assert protests and all([a.country for a in p.target] == ["UGA"] for p in protests)


def test_violence_with_no_named_target_is_aimed_at_where_it_happens(code):
    ann = code("Gunmen opened fire at a market in Maiduguri on Sunday.")
    [attack] = [e for e in ann.events if e.cameo.root in ("18", "19")]
    assert [(a.country, a.sector) for a in attack.target] == [("NGA", "CVL")]
    assert attack.location.country == "NGA"


@pytest.mark.parametrize("text, root, country", [
    ("The Palestinian youths have resorted to throwing stones at police.", "14", "PSE"),
    ("Iraqi militias responded by firing rockets at the base.", "19", "IRQ"),
    ("Egypt and Sudan reached an agreement to share intelligence on smuggling networks.", "06", "EGY"),
    ("Kenya is willing to send troops to help protect the port, the Kenyan defence minister said.", "15", "KEN"),
    # a subject no actor names, in apposition to one that does
    ("The report's author, a UN rights investigator, accused both sides of war crimes.", "11", "IGO"),
    ("The new chairman, a former Ghanaian army general, pledged to hold elections.", "03", "GHA"),
    # guard: what the subject is of comes before a person named beside it
    ("A member of the Kenyan parliament, John Otieno, began a hunger strike on Monday.", "14", "KEN"),
])
def test_the_source_is_found_through_complements_and_apposition(code, text, root, country):
    events = [e for e in code(text).events if e.cameo.root == root]
    assert events and country in {a.country for a in events[0].source}, [(e.trigger, e.source) for e in events]


def test_an_actor_with_no_country_takes_its_groups(code):
    ann = code("Doctors from two Canadian aid groups delivered medicine to the hospital.")
    [aid] = [e for e in ann.events if e.cameo.root == "07"]
    assert [a.country for a in aid.source] == ["CAN"]
def test_a_compound_noun_is_read_whole(code):
    ann = code("Dozens of prisoners continued their hunger strike on Tuesday.")
    assert [e.plover.event for e in ann.events if e.plover] == ["PROTEST"]
    assert not [e for e in ann.events if e.cameo.root == "19"]


@pytest.mark.parametrize("text, code_", [
    ("Dock workers went on strike at the port on Monday.", "143"),
    ("Dozens of detainees went on hunger strike in March.", "142"),
    ("The envoys returned to Cairo for talks on the ceasefire.", "040"),
    ("Militias engaged in ethnic cleansing across the province.", "203"),
])
def test_an_event_noun_after_a_verb_of_taking_part(code, text, code_):
    assert code_ in [e.cameo.code for e in code(text).events]


def test_going_somewhere_is_not_an_event(code):
    assert not code("The minister went on holiday to the coast.").events


def test_an_event_noun_in_a_during_phrase_of_an_eventless_verb(code):
    ann = code("The two ministers walked together during a tour of the refinery on Tuesday.")
    assert [e.cameo.code for e in ann.events] == ["042"]
    ann = code("Three people were killed during a protest in the capital.")
    assert [e.cameo.root for e in ann.events] == ["19"]


def test_violence_by_armed_men_is_not_vetoed_by_the_model(code):
    ann = code("Militiamen have killed three tribal sheikhs.")
    assert [e.plover.event for e in ann.events] == ["ASSAULT"]
    assert not code("Brazil beat Argentina 2-1 in the final.").events


@pytest.mark.parametrize("text, word", [
    ("He was captured in March near the border, his family said.", "captured"),
    ("A local journalist was fatally shot outside his home in 2019.", "shot"),
    ("Unknown attackers shot and wounded two Palestinians on Friday.", "shot"),
    ("Two others were captured near the border in 2004.", "captured"),
    ("Karimov was captured in a raid on a farmhouse.", "captured"),
])
def test_violence_done_to_people_is_not_vetoed_by_the_model(code, text, word):
    assert any(e.trigger.startswith(word + " ") for e in code(text).events)


# Territory taken by a state or an armed group: the lexicon's 192, which the model must not veto
# as it vetoes "captured her third title" (the training set had no ground-taking rows before);
# "was overrun" is a passive verb even where the tagger calls it a noun.
@pytest.mark.parametrize("text", [
    "Kenya captured the disputed border post at dawn after a brief exchange of fire.",
    "Separatists have captured about a third of the region since the uprising began in March.",
    "Chad has captured about half of the disputed strip since it went to war with Libya.",
    "The garrison town was overrun by jihadists on Sunday, a security source said.",
    "Militants seized two villages near the lake overnight, residents said.",
    # a share of a place named by a place word (a guard: the model let this one pass before)
    "The militia has captured 40 percent of the province in a year of fighting.",
])
def test_taking_ground_is_not_vetoed_by_the_model(code, text):
    assert "192" in [e.cameo.code for e in code(text).events]


@pytest.mark.parametrize("text", [
    "The veteran captured her fourth national title with a straight-sets win on Sunday.",
    "The visitors seized the lead early in the second half through a penalty.",
    "The ruling party captured 38 percent of the vote in the local elections.",
    "Nadal captured his ninth title in Paris on Sunday.",
    "The opposition captured 86 seats in the new parliament.",
])
def test_taking_a_title_a_lead_or_votes_is_no_territory(code, text):
    assert not [e for e in code(text).events if e.cameo.code == "192"]


@pytest.mark.parametrize("text", [
    "The documentary was shot over two winters in the Arctic.",
    "Senators killed the bill in committee on Tuesday.",
])
def test_violent_words_done_to_things_can_still_be_vetoed(code, text):
    assert not [e for e in code(text).events if e.cameo.root in ("18", "19", "20")]


@pytest.mark.parametrize("text, purpose", [
    ("Thousands of people walked through the capital on Saturday demanding that the president resign.", "100"),
    ("Hundreds of teachers gathered outside parliament to demand unpaid salaries.", "100"),
    ("Dozens of mothers sat outside the governor's office to denounce the killings.", "111"),
])
def test_a_crowd_gathered_for_a_protests_purpose_demonstrates(code, text, purpose):
    codes = [e.cameo.code for e in code(text).events]
    assert codes[0] == "141" and purpose in codes  # the demand is an event of its own


def test_a_gathering_of_the_powerful_or_of_fans_is_no_protest(code):
    ministers = [e.cameo.code for e in code("Foreign ministers gathered in Brussels to condemn the attack.").events]
    assert "141" not in ministers and "111" in ministers
    assert not code("Fans gathered outside the stadium to celebrate the win.").events  # guard


@pytest.mark.parametrize("text", [
    "Violence against women continues to rise, the report said.",  # a trend, no event
    "The scandal rocked the ruling party.",  # guard: rocked by no event noun
    "The UN condemned the violence in Kidal on Monday.",  # guard: what is condemned is no new event
])
def test_violence_as_a_level_or_a_topic_is_no_event(code, text):
    assert not [e for e in code(text).events if e.cameo.root in ("18", "19", "20")]


@pytest.mark.parametrize("text, root", [
    # an event named as the subject of a verb of happening
    ("Heavy clashes erupted in the north of the city on Sunday.", "19"),
    ("The raid took place before dawn, residents said.", "19"),
    ("Fighting continued for a third day near Bakhmut.", "19"),
    ("The meeting took place in Geneva on Friday.", "04"),
    ("Violence flared again in the border town of Moyale on Tuesday.", "19"),
    ("A gunbattle erupted near the central market in Maiduguri late on Friday.", "19"),
    ("Heavy fighting raged for hours around the airport in Kidal.", "19"),  # lemma "rag"
    # what a blast does to what it hits; "that" standing for the noun of a relative clause
    ("A powerful blast ripped through a crowded market in Quetta on Tuesday.", "18"),
    ("A bomb tore through a bus carrying pilgrims near Karbala, police said.", "18"),
    ("The suicide bomb that ripped through the mosque was the third this month.", "18"),
    # what an attack did, whatever it did it to, is violence the model may not veto
    ("Clashes near the border have killed more than 400 since January.", "19"),
    ("Heavy shelling destroyed the last bakery in the town.", "19"),
])
def test_an_event_noun_as_the_subject_makes_the_event(code, text, root):
    assert root in [e.cameo.root for e in code(text).events]


@pytest.mark.parametrize("text, trigger, target", [
    ("Japan is providing satellite images and other intelligence to Ukraine, officials said.", "providing", "UKR"),
    ("Swiss doctors handed over two tonnes of medicine to the Iranian Red Crescent.", "handed", "IRN"),
])
def test_who_is_given_something_is_the_target_not_what_is_given(code, text, trigger, target):
    event = on(code(text).events, trigger)
    assert [a.country for a in event.target] == [target]


def test_a_clause_head_the_tagger_called_a_noun_is_still_a_verb(code):
    # the small model tags this "shot" as a noun; with a subject, it heads a clause
    ann = code("In the latest southern violence, unidentified gunmen on Tuesday shot and injured a doctor.")
    [shot] = [e for e in ann.events if e.trigger.startswith("shot ")]
    assert shot.cameo.root in ("18", "19") and [a.text for a in shot.source] == ["gunmen"]


def test_an_event_named_as_a_subject_has_the_nouns_own_roles(code):
    # "the arrest of X": X is arrested, not the arrester
    [arrest] = code("The arrest of the opposition leader took place on Monday.").events
    assert arrest.cameo.code == "173" and not arrest.source and [a.text for a in arrest.target] == ["opposition leader"]
    # "clashes between X and Y": both sides
    [clash] = code("Clashes between police and protesters erupted in the capital.").events
    assert [a.text for a in clash.source] == ["police"] and [a.text for a in clash.target] == ["protesters"]


@pytest.mark.parametrize("text, trigger, code_, source, target", [
    ("The killing of three aid workers by gunmen sparked protests.", "killing", "18", ["gunmen"], ["aid workers"]),
    ("The arrest of the editor drew condemnation from rights groups.", "arrest", "17", [], ["editor"]),
])
def test_an_event_noun_that_led_to_something_is_an_event(code, text, trigger, code_, source, target):
    event = on(code(text).events, trigger)
    assert event.cameo.root == code_
    assert sides(event) == (source, target)


@pytest.mark.parametrize("text, trigger, code_, source, target", [
    # the subject suffered the event a noun after "under" or "in" names: it is the target
    ("An army convoy came under attack by suspected jihadists near Gao on Sunday.", "came", "190",
     ["jihadists"], ["army convoy"]),
    ("Pakistani soldiers came under mortar fire from Indian troops along the border.", "came", "194",
     ["Indian troops"], ["Pakistani soldiers"]),
    ("At least 30 villagers died in clashes between herders and farmers in Benue state.", "died", "190",
     ["herders"], ["villagers"]),
    ("Three policemen died in a suicide bombing at a checkpoint in Quetta.", "died", "1831", [], ["policemen"]),
    # fire that only words fire is criticism
    ("The finance minister came under fire from opposition lawmakers over the budget.", "came", "111",
     ["opposition lawmakers"], ["finance minister"]),
    ("The interior minister came under fire for his handling of the floods.", "came", "111", [],
     ["interior minister"]),
])
def test_an_event_the_subject_suffered(code, text, trigger, code_, source, target):
    event = on(code(text).events, trigger)
    assert event.cameo.code == code_
    assert sides(event) == (source, target)


@pytest.mark.parametrize("text, trigger, code_, source, target", [
    # the toll an attack or armed men left is their event, told once: the attack and the state
    # word fold into it
    ("An ambush by suspected militants left four soldiers dead near Tillaberi.", "left", "190",
     ["militants"], ["soldiers"]),
    ("Police said the attack left three officers injured.", "left", "190", [], ["officers"]),
    ("Rebels stormed the town overnight, leaving scores of residents dead.", "leaving", "180",
     ["Rebels"], ["residents"]),
    # a relative clause on the attack, or on its site
    ("Militants claimed an ambush on a convoy near Buea that left six soldiers dead.", "left", "190",
     [], ["soldiers"]),
])
def test_the_toll_an_attack_left(code, text, trigger, code_, source, target):
    events = code(text).events
    assert not [e for e in events if e.trigger.split()[0] in ("ambush", "attack", "injured")], events
    event = on(events, trigger)
    assert event.cameo.code == code_
    assert sides(event) == (source, target)


@pytest.mark.parametrize("text, trigger, target", [
    # a passive coordinated with another shares its subject, the one it was done to
    ("Two nurses got caught in the crossfire and were killed.", "killed", ["nurses"]),
    ("The editor of a local weekly was shot and critically wounded on Tuesday.", "wounded", ["editor"]),
    # a verb with no object shares its partner's: "shot and killed a village chief"
    ("Unidentified gunmen shot and killed a village chief in Kilwa on Tuesday.", "shot", ["village chief"]),
    # only people are fatally shot: no film shoot, whatever the model reads around it (a guard: the
    # model lets this one stand on its own)
    ("Ahmed Karimi, a shopkeeper, was fatally shot on Sunday as he closed his store.", "shot", ["Ahmed Karimi"]),
])
def test_violence_done_to_people_stands(code, text, trigger, target):
    event = on(code(text).events, trigger)
    assert event.cameo.root in ("18", "19") and [a.text for a in event.target] == target


@pytest.mark.parametrize("text", [
    # happening, suffering or being put somewhere, with no event noun
    "Prices continued to rise.",
    "The storm continued overnight.",
    "The party took place at the embassy.",
    "The merger was put on hold until the autumn.",
    "The question of funding remained on the agenda.",
    "The manuscripts were placed on display at the national library.",
    "The company came under pressure from investors.",
    # dying in an accident, a blaze or a war as the background of a life; lost in a war
    "Twelve migrants perished in a fire at a warehouse in Tripoli.",
    "Two passengers died in the crash near Lyon.",
    "The singer's grandfather died in the war.",
    "The old bridge was destroyed in the war.",
    # a toll no one's act left
    "The earthquake left 300 people dead in the province.",
    "The crash on the motorway left two dead.",
    "Floods left thousands homeless.",
    "The minister left the meeting early.",
])
def test_no_event_noun_no_event(code, text):
    assert not code(text).events


@pytest.mark.parametrize("text, root, targets", [
    ("Qatar's emir launched a mediation effort between Ethiopia and Eritrea on Saturday.", "04", {"ETH", "ERI"}),
    ("Syria said it is willing to withdraw its troops from Lebanon.", "03", {"LBN"}),
    ("Archbishop Tutu called for sanctions against Nigeria on Sunday.", "02", {"NGA"}),
    ("Japan halted its economic aid to Serbia on Tuesday.", "16", {"SRB"}),
])
def test_targets_through_prepositions_and_not_the_sources_own(code, text, root, targets):
    events = [e for e in code(text).events if e.cameo.root == root]
    assert events and {a.country for a in events[0].target} == targets, [(e.trigger, e.target) for e in events]


@pytest.mark.parametrize("text, code_, acled", [
    ("Gunmen killed four villagers near the market.", "180", "Attack"),
    ("Rebels attacked an army post near the border.", "190", "Armed clash"),
])
def test_non_state_violence_against_civilians_is_unconventional(code, text, code_, acled):
    [event] = [e for e in code(text).events if e.plover and e.plover.event == "ASSAULT"]
    assert event.cameo.code == code_ and event.acled.sub_event_type == acled


@pytest.mark.parametrize("text, codes", [
    # a present participle before a noun describes it: no strike, no attack
    ("Thousands of striking teachers marched to the education ministry in Nairobi.", ["141"]),
    ("Police said the attacking gunmen fled on motorcycles.", ["010"]),
    # ... but after a form of "be" it is the verb, however the parser hung it
    ("Soldiers are patrolling the streets of the capital.", ["150"]),
])
def test_a_participle_that_describes_is_no_event(code, text, codes):
    assert [e.cameo.code for e in code(text).events] == codes


def test_a_charge_of_violence_is_no_violence(code):
    # the ACLED model reads "murder" in the clause; the act is a charge, filed with arrests
    [charge] = code("The suspect was charged with attempted murder and is being held at the county jail.").events
    assert charge.cameo.code == "173" and charge.acled.sub_event_type == "Arrests"


def test_goods_seized_are_confiscated_not_territory_taken(code):
    [seized] = [e for e in code("Police seized 12 kilograms of heroin and two firearms during a raid.").events
                if e.trigger.startswith("seized ")]
    assert seized.cameo.code == "1711"


def test_who_was_shot_after_acting_is_not_the_shooter(code):
    # "before being shot": the suspect above was shot; no one in the sentence did the shooting
    ann = code("The suspect opened fire on officers before being shot and wounded.")
    [shot] = [e for e in ann.events if e.trigger.startswith("shot ")]
    assert [a.text for a in shot.source] == []


@pytest.mark.parametrize("text", [
    "Protesters clashed with police in the capital on Friday.",
    "Police clashed with demonstrators outside parliament.",  # whichever side comes first
    "Clashes between police and protesters erupted in the capital.",
])
def test_a_crowd_fighting_the_police_is_a_violent_demonstration(code, text):
    [event] = code(text).events
    assert (event.acled.event_type, event.acled.sub_event_type) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize("text, word, source, target", [
    # a stative passive's subject is the one acting
    ("China is opposed to any arms sales to Taiwan.", "opposed", "China", "Taiwan"),
    ("Ethiopian forces were engaged in heavy fighting in the region.", "engaged", "Ethiopian forces", None),
    # a passive over the event's clause: its subject is the event's
    ("Nigerian troops are believed to have killed dozens of villagers near the border.", "killed",
     "Nigerian troops", "villagers"),
    ("Russia is expected to send more troops to Belarus next week.", "send", "Russia", None),
    # an ordinary passive's subject is still the target
    ("Three Kenyan activists were arrested and later released on bail.", "arrested", None, "Kenyan activists"),
])
def test_passive_subjects_that_act(code, text, word, source, target):
    [event] = [e for e in code(text).events if e.trigger.startswith(word + " ")]
    assert [a.text for a in event.source][:1] == ([source] if source else [])
    assert target is None or [a.text for a in event.target][:1] == [target]


@pytest.mark.parametrize("text, codes", [
    # a verb like another shares its object rows (data/events/verb_classes.csv), and no others
    ("The junta abolished the nightly curfew in the capital on Friday.", ["0813"]),
    ("Authorities scrapped the ban on opposition rallies last week.", ["081"]),
    ("The two governments inked a fisheries pact in Dakar.", ["057"]),
    ("The board cancelled the concert after heavy rain.", []),
    # a participle made an adjective is no event
    ("Turkish-backed fighters shelled a Kurdish-held town on Monday.", ["194"]),
    # fire as a noun is an attack
    ("Government forces launched heavy artillery fire on rebel trenches overnight.", ["194"]),
    ("Militants unleashed intense fire on a police convoy near the bridge.", ["190"]),
    # armed forces entering a place take it; others entering do not
    ("Taliban fighters entered the city of Kunduz on Sunday.", ["192"]),
    # ... a place the places stage knows, though the tagger saw no place
    ("Army tanks crossed the border and entered the Idlib governorate on Friday.", ["192"]),
    ("Government troops recovered the town of Bama from the insurgents.", ["192"]),
    ("Thousands of refugees entered Greece last week.", []),
    ("The two countries entered an agreement on fishing rights.", ["057"]),
    # a military advance or operation is fighting; an advance in science or a rescue is not
    ("The army continued its advance on the rebel-held town of Kidal on Tuesday.", ["190"]),
    ("Government forces launched a ground operation against the militants in the hills.", ["190"]),
    ("The army continued its offensive operations inside the province.", ["190"]),
    ("The company made advances in battery technology.", []),
    ("Volunteers launched a rescue operation after the earthquake.", []),
    # burning people is violence against them, burning shops is property destruction
    ("Militiamen burned four farmers alive in their huts near the river.", ["180"]),
    ("Rioters burned dozens of shops in the market.", ["1712"]),
    # what a weapon does is an attack with it; a bomber blowing himself up is a suicide bombing
    ("A bomber blew himself up at a checkpoint outside Kandahar.", ["1831"]),
    ("A woman detonated an explosive vest at a crowded market.", ["1831"]),
    # a verb of happening takes its event from a subject that names one, not its own sense
    ("Two rockets slammed into a school in the eastern town on Monday.", ["194"]),
    ("Critics slammed the plan on Monday.", ["111"]),  # guard: no event named by the subject
    # a suspect who barricades himself in holds out from police: no blockade
    ("A man who barricaded himself inside a house surrendered hours later.", ["0874"]),
    ("Protesters barricaded the main road into the city.", ["144"]),  # guard
    ("A roadside bomb destroyed an army truck near the border, killing four soldiers.", ["1833"]),
    ("Rioters destroyed a police station in the town.", ["1712"]),
    # ... also as the passive's agent; destruction by armed men or in an attack is real, a storm's is none
    ("The embassy was destroyed by a suicide bomber in 1983.", ["1831"]),
    ("The powerful explosion at the ministry destroyed an annex of the building.", ["1712"]),
    ("The storm destroyed hundreds of homes along the coast.", []),  # guard
    # after "to", only a verb the noun names
    ("Thousands of students took to the streets of Dhaka on Sunday.", ["141"]),
    ("He went to the street to buy bread.", []),
])
def test_the_codes_of_a_whole_sentence(code, text, codes):
    assert [e.cameo.code for e in code(text).events] == codes


def test_a_blast_that_killed_its_bomber_too_is_a_suicide_bombing(code):
    ann = code("A jihadist rammed a truck into the gate and detonated it, killing himself and five guards.")
    assert on(ann.events, "detonated").cameo.code == "1831"


def test_a_passive_that_only_reports_is_no_statement(code):
    ann = code("The rebels were reported to have attacked a police station in the north.")
    assert [e.cameo.root for e in ann.events] == ["19"]


@pytest.mark.parametrize("text, code_", [
    ("Rebels seized two French aid workers near the border on Sunday.", "181"),
    ("Militants captured three engineers working on the dam.", "181"),
    ("Police captured him at a roadblock outside the city.", "173"),
    ("Government troops captured the town of Kidal on Friday.", "192"),
    # a name or a group's thing is not people
    ("Rebel fighters captured Kouroussa after two days of battles with the army.", "192"),
    ("Insurgents captured a junta outpost near the border.", "192"),
])
def test_taking_people_is_an_arrest_or_an_abduction_not_territory(code, text, code_):
    [taken] = [e for e in code(text).events if e.trigger.startswith(("seized", "captured"))]
    assert taken.cameo.code == code_


def test_a_rule_that_names_its_object_is_not_retyped_by_the_model(code):
    ann = code("Authorities lifted the night curfew in the province, where 28 people were killed in riots.")
    lifted = [e for e in ann.events if e.trigger.startswith("lifted")]
    assert lifted and lifted[0].cameo.root == "08", [(e.trigger, e.cameo.code) for e in ann.events]


def test_a_relative_clause_below_the_verb_is_not_its_clause(code):
    ann = code("Hundreds of students demonstrated in the capital, where 24 people were killed in riots last year.")
    demo = [e for e in ann.events if e.trigger.startswith("demonstrated")]
    assert demo and demo[0].plover.event == "PROTEST", [(e.trigger, e.cameo.code) for e in ann.events]


@pytest.mark.parametrize("text, sub_event", [
    # a verb only an ACLED rule knows still makes its event
    ("Naval patrols intercepted a boat carrying assault rifles off the coast of Yemen.",
     "Disrupted weapons use"),
    ("The army said it had dismantled a bomb-making cell in the outskirts of Maiduguri.", "Disrupted weapons use"),
    # agreeing to a truce: CAMEO's intent (030), ACLED's agreement
    ("Rival militias agreed to a truce in the capital on Tuesday.", "Agreement"),
    # "March" the month is no protest march
    ("On 14 March 2022, Russian warplanes carried out airstrikes on Mariupol, killing 12 civilians.",
     "Air/drone strike"),
    ("On 3 March 2021, police arrested 20 opposition supporters in Kinshasa.", "Arrests"),
    ("Government troops recaptured the town of Ras al-Ain from the rebels on Sunday.", "Government regains territory"),
    ("Islamist militants seized the town of Mocimboa da Praia on Tuesday.", "Non-state actor overtakes territory"),
    ("Soldiers shot dead five civilians at a checkpoint near the market.", "Attack"),
    ("Riot police opened fire on protesters in the capital, killing three people.", "Excessive force against protesters"),
])
def test_acled_types_that_turn_on_who_did_it_to_whom(code, text, sub_event):
    subs = [e.acled.sub_event_type for e in code(text).events if e.acled]
    assert sub_event in subs, [(e.trigger, e.cameo.code, e.acled) for e in code(text).events]


def test_people_named_by_a_participle_are_no_event(code):
    assert not code("Two of the wounded, including a 14-year-old girl, were in serious condition.").events


def test_an_attempted_act_is_the_act(code):
    ann = code("Protesters tried to storm the parliament building on Sunday.")
    assert [e.modality for e in ann.events if e.cameo.root in ("14", "17", "18", "19")] == ["asserted"]


def test_a_subject_is_an_event_noun_only_for_verbs_of_happening(code):
    ann = code("The bomb was buried in a dirt track that the patrol used to reach the village.")
    assert not [e for e in ann.events if e.cameo.code == "150"]


@pytest.mark.parametrize("text", [
    "Brazil beat Argentina 2-1 in a World Cup qualifier on Tuesday.",
    "Pakistan crushed India by eight wickets in the second innings.",
])
def test_sports_results_are_no_violence(code, text):
    assert not [e for e in code(text).events if e.cameo.root in ("18", "19", "20")]


def test_political_words_that_sports_also_use_do_not_hide_violence(code):
    ann = code("Gunmen shot dead a human rights defender outside the Arab League office.")
    assert [e.plover.event for e in ann.events if e.plover] == ["ASSAULT"]


def test_a_weapon_refines_only_a_general_code_in_its_own_clause(code):
    ann = code("Rebels kidnapped two aid workers and later exploded bombs in the capital.")
    assert "181" in [e.cameo.code for e in ann.events], [(e.trigger, e.cameo.code) for e in ann.events]
    strike = code("Troops attacked the village with tanks on Monday.").events
    assert [e.cameo.code for e in strike if e.cameo.root == "19"] == ["194"]


def test_a_preposition_that_only_dates_the_act_is_no_complement(code):
    ann = code("The minister called on Monday for calm in the capital.")
    assert [e.cameo.root for e in ann.events if e.trigger.startswith("called")] == ["02"]
    fired = code("Police fired water cannon on Sunday at the crowd.").events
    assert "175" in [e.cameo.code for e in fired], [(e.trigger, e.cameo.code) for e in fired]


@pytest.mark.parametrize("text, root", [
    ("Israel and Hezbollah fought a month-long war in 2006.", "19"),
    ("Iran and Iraq held talks on the border dispute on Monday.", "04"),
    # the place it happened is no party to it
    ("Colombia's government and the ELN rebels signed a six-month ceasefire in Havana.", "05"),
    # what is exchanged is no target: each side gives to the other
    ("Russia and Ukraine exchanged prisoners in Istanbul.", "08"),
])
def test_coordinated_actors_of_a_mutual_act_act_on_each_other(code, text, root):
    [event] = [e for e in code(text).events if e.cameo.root == root]
    assert {a.code for a in event.source} == {a.code for a in event.target} and len(event.target) == 2
    assert event.source[0].code != event.target[0].code


def test_warning_shots_are_a_show_of_force(code):
    [shots] = code("The navy fired warning shots after a fishing boat crossed the maritime border.").events
    assert shots.cameo.code == "150"


def test_a_counterpart_is_the_other_sides(code):
    [visit] = code("Kenya's president hosted his Ugandan counterpart in Nairobi for talks on trade.").events
    assert [a.country for a in visit.target] == ["UGA"]


@pytest.mark.parametrize("text, trigger, target", [
    # kin and rivals a possessive names are targets, not the actor's own side
    ("A man stabbed his wife and two neighbours in Leeds.", "stabbed", ["wife", "neighbours"]),
    ("Her husband was taken into custody on Sunday.", "taken", ["husband"]),
])
def test_a_possessive_kin_or_rival_is_a_target(code, text, trigger, target):
    assert [a.text for a in on(code(text).events, trigger).target] == target


@pytest.mark.parametrize("text, sub_event", [
    # a weapon's sub-event needs the weapon named, whatever the ACLED model guesses
    ("A police officer was wounded in a shootout with a suspect on Friday.", "Armed clash"),
    # a weapon a compound names refines the act it killed in
    ("Seven fighters were killed in coalition air strikes near the border.", "Air/drone strike"),
    ("Troops clashed with rebels as tear gas filled the air.", "Armed clash"),  # guard: air is no weapon
    # a bombing by grenade is ACLED's grenade attack, which CAMEO has no code for
    ("Two soldiers were wounded when a grenade was thrown at their patrol.", "Grenade"),
    ("A bomb exploded at a market, wounding 11 people.", "Remote explosive/landmine/IED"),  # guard
])
def test_a_weapons_sub_event_needs_the_weapon_named(code, text, sub_event):
    assert code(text).events[0].acled.sub_event_type == sub_event


def test_travelling_together_is_no_mutual_act(code):
    [arrival] = code("The president and his wife arrived in Paris on Monday.").events
    assert [a.country for a in arrival.target] == ["FRA"]
    assert [a.country for a in arrival.source] == [None, None]  # where they arrived is not whose they are


def test_allies_striking_together_are_not_each_others_target(code):
    ann = code("Russia and Iran launched air strikes on Tuesday.")
    assert all(not e.target for e in ann.events if e.cameo.root == "19")


@pytest.mark.parametrize("text, sub_event", [
    ("Air defences shot down 26 of 31 drones over the capital overnight.", "Disrupted weapons use"),
    ("Army engineers defused a roadside bomb on the highway near Kandahar.", "Disrupted weapons use"),
    ("The rebels established a new base in the hills outside the town.", "Headquarters or base established"),
    ("UN peacekeepers handed over their camp in Ber to Malian soldiers.", "Non-violent transfer of territory"),
    ("Angry residents beat a suspected thief to death in the market.", "Mob violence"),
])
def test_acled_rules_from_verb_object_and_actors(code, text, sub_event):
    subs = [e.acled.sub_event_type for e in code(text).events if e.acled]
    assert sub_event in subs, [(e.trigger, e.cameo.code, e.acled) for e in code(text).events]


@pytest.mark.parametrize("text, sub_event", [
    ("Police detained more than 100 people at a march against the election results.", "Protest with intervention"),
    ("Police shot dead two demonstrators at a rally in the capital.", "Excessive force against protesters"),
    ("A breakaway faction announced its formation in the eastern province.", "Change to group/activity"),
])
def test_acled_types_from_the_protest_or_the_announcement_around_the_act(code, text, sub_event):
    subs = [e.acled.sub_event_type for e in code(text).events if e.acled]
    assert sub_event in subs, [(e.trigger, e.cameo.code, e.acled) for e in code(text).events]


def test_a_verb_the_model_never_saw_keeps_its_lexicon_code(code):
    ann = code("Cameroonian troops recaptured the town of Fotokol from Boko Haram on Monday.")
    assert [e.cameo.code for e in ann.events if e.trigger.startswith("recaptured")] == ["192"]


@pytest.mark.parametrize("text, code_", [
    ("Several mortar shells landed inside the airport, injuring three people.", "194"),
    ("A bomb hidden in a motorcycle went off at a market, wounding 11 people.", "183"),
    ("A shepherd stepped on a landmine near the border on Tuesday.", "1833"),
])
def test_what_projectiles_and_bombs_do_is_the_event(code, text, code_):
    assert code_ in [e.cameo.code for e in code(text).events]


def test_falling_prices_are_no_event(code):
    assert not code("Prices fell sharply on Monday as markets slumped.").events


def test_force_at_a_protest_that_kills_is_excessive_even_without_a_count(code):
    ann = code("Security forces killed a young protester with live fire during a march in the city.")
    assert "Excessive force against protesters" in [e.acled.sub_event_type for e in ann.events if e.acled]


@pytest.mark.parametrize("text, sub_event", [
    ("Students protesting against exam results vandalised the offices of the education board.",
     "Violent demonstration"),
    ("Angry street vendors beat a tax collector unconscious outside the market.", "Mob violence"),
    ("Angry residents torched the house of a suspected witch in the village.", "Mob violence"),
])
def test_destruction_and_violence_by_crowds_are_riots(code, text, sub_event):
    assert sub_event in [e.acled.sub_event_type for e in code(text).events if e.acled]


@pytest.mark.parametrize("text, code_", [
    ("Militants released poisonous gas in a crowded hall, sickening more than 20 people.", "2041"),
    ("Government forces used chemical weapons against the rebel-held suburb.", "2041"),
    ("Police used tear gas to disperse the crowd.", "175"),
    # the other weapons of crowd control are repression too, not live fire
    ("Police used pepper spray on protesters who blocked a highway on Saturday night.", "175"),
    ("Police fired rubber bullets at stone-throwing youths in the old city.", "175"),
])
def test_chemical_weapons_apart_from_tear_gas(code, text, code_):
    assert code_ in [e.cameo.code for e in code(text).events]


# Families of violence and protest the lexicon once missed, each with a look-alike that is no
# such event.
@pytest.mark.parametrize("text, code_", [
    ("A 40-year-old man defiled a nine-year-old girl in Kakamega on Sunday.", "1821"),
    ("Militiamen sexually assaulted women fleeing the fighting, the UN said.", "1821"),
    ("Rioters hurled bricks and bottles at riot police in the port city.", "145"),
    ("Unpaid teachers staged a sit-in outside the education ministry on Monday.", "141"),
    ("Government helicopters dropped chlorine on a rebel-held suburb overnight.", "2041"),
    ("The student leader was forcibly disappeared after the protests.", "181"),
    ("A supply truck triggered a mine on the road north of the town.", "1833"),
    ("A suspect rammed a patrol car at a checkpoint and fled on foot.", "180"),
    ("Protesters set two buses ablaze on the main road.", "1712"),  # "ablaze" parsed as the object's predicate
    ("Militants set a primary school ablaze in the Tillaberi region.", "1712"),  # ... as the object's modifier
    ("Militants set a primary school ablaze overnight.", "1712"),  # ... or as a second object
    ("Rioters looted shops and set cars on fire in the city centre.", "1712"),  # as "set fire to cars"
    ("Rebels burned two schools and a hospital in the village.", "1712"),  # buildings are property, not people
    # a head that counts events or holds an agent names them after "of"
    ("Fighters of a militia committed acts of sexual violence against women near the camp.", "1821"),
    ("Police carried out a spate of arrests in the capital on Sunday.", "173"),
    ("Army helicopters dropped canisters of chlorine on the district overnight.", "2041"),
])
def test_violence_and_protest_families(code, text, code_):
    assert code_ in [e.cameo.code for e in code(text).events]


@pytest.mark.parametrize("text, root", [
    ("The county governor abused his office for years.", "18"),
    ("Households used less natural gas during the mild winter.", "17"),
    ("The former oil minister looted public funds worth millions of dollars.", "17"),
    ("Farmers dropped barrels of oil at the depot.", "20"),  # guard: a barrel holds no weapon here
])
def test_look_alikes_of_violence_are_not_coded_so(code, text, root):
    assert not [e for e in code(text).events if e.cameo.root == root]


@pytest.mark.parametrize("text, plover", [
    # ground taken in fighting the clause tells of is an assault; with no fight told, coercion
    ("Government troops retook the hill town after two days of fierce fighting.", "ASSAULT"),
    ("Rebels captured the town on Sunday, residents said.", "COERCE"),
])
def test_ground_taken_in_fighting_is_an_assault(code, text, plover):
    taken = [e for e in code(text).events if e.cameo.code == "192"]
    assert [e.plover.event for e in taken] == [plover]
    assert "territory" in taken[0].plover.context


def test_charging_is_an_accusation_where_arresting_is_coercion(code):
    # both CAMEO 173; PLOVER 2.0 types charging as ACCUSE allege
    charged = [e for e in code("Prosecutors charged the former minister with corruption on Monday.").events
               if e.cameo.code == "173"]
    arrested = [e for e in code("Police arrested the former minister on Monday.").events if e.cameo.code == "173"]
    assert [(e.plover.event, e.plover.mode) for e in charged] == [("ACCUSE", "allege")]
    assert [(e.plover.event, e.plover.mode) for e in arrested] == [("COERCE", "arrest")]


@pytest.mark.parametrize("text, plover", [
    # both CAMEO 0831; PLOVER 2.0 types an official's resignation as RETREAT resign
    ("The defence minister resigned on Friday after weeks of protests.", ("RETREAT", "resign")),
    ("The army chief stepped down on Tuesday.", ("RETREAT", "resign")),
    ("The president accepted the prime minister's resignation on Monday.", ("CONCEDE", None)),
])
def test_resigning_is_a_retreat_where_accepting_a_resignation_is_a_concession(code, text, plover):
    events = [e for e in code(text).events if e.cameo.code == "0831"]
    assert [(e.plover.event, e.plover.mode) for e in events] == [plover]


@pytest.mark.parametrize("text, code_", [
    # a state an event noun names, that someone is put, placed or kept in
    ("Two journalists were put under investigation in Paris for their reporting.", "090"),
    ("Security forces placed the former president under house arrest.", "173"),
    ("The army put all its units on alert after the border incident.", "152"),
    ("Police in the capital remained on high alert ahead of the verdict.", "152"),
    ("Teachers across the province remained on strike for a second month.", "143"),
    # CAMEO families: sharing information, reinforcing forces, patrols ordered, emergency eased
    ("Kenya has shared details of the plot with Ugandan investigators.", "064"),
    ("Turkey strengthened its military presence along the Syrian frontier.", "154"),
    ("The governor ordered patrols by soldiers in the market towns after the riots.", "150"),
    ("Ecuador eased emergency measures in three provinces on Monday.", "0814"),
    # yielding to demands, going back on a promise, refusing a permit
    ("The government finally conceded to the demands of the truck drivers.", "080"),
    ("The junta reneged on its promise to hand power to civilians.", "120"),
    ("Police denied permission for the opposition march in the capital.", "120"),
])
def test_states_people_are_put_in_and_common_cameo_families(code, text, code_):
    assert code_ in [e.cameo.code for e in code(text).events]
