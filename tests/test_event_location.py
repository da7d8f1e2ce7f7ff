"""Where an event happened: the place on its own clause, else the sentence's only place, else the
dateline; one place at most, with the basis recorded, and none rather than a wrong one."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text):
        return pipeline.code(text, published="2019-03-05")

    return run


def event(ann, word):
    [found] = [e for e in ann.events if e.trigger.startswith(word + " ")]
    return found


def test_a_locative_phrase_on_the_clause_locates_the_event(code):
    march = event(code("Protesters marched in Paris on Saturday against the new labour law."), "marched")
    assert march.location.name == "Paris" and march.location_basis == "clause"


def test_the_narrowest_place_the_clause_names_wins(code):
    ann = code("In Germany, thousands of workers demonstrated outside the parliament in Berlin.")
    assert event(ann, "demonstrated").location.name == "Berlin"


def test_the_object_of_a_physical_act_is_where_it_happened(code):
    shelling = event(code("Government troops shelled the town of Douma on Friday."), "shelled")
    assert shelling.location.text == "Douma" and shelling.location_basis == "clause"


def test_a_place_in_the_circumstances_of_the_act(code):
    ann = code("Troops attacked rebel positions during heavy fighting in Kunduz province.")
    assert event(ann, "attacked").location.country == "AFG"


def test_a_place_put_before_coordinated_verbs_locates_both(code):
    ann = code("In Kandahar, gunmen shot and killed two police officers on Tuesday.")
    assert event(ann, "killed").location.text == "Kandahar"


def test_a_relative_clause_on_a_place_happened_there(code):
    ann = code("Hundreds of students travelled to Nairobi, where they protested against higher tuition fees.")
    assert event(ann, "protested").location.name == "Nairobi"
    # a trip is coded as a visit, and a visit happens where the visitor goes (as GDELT places it)
    assert event(ann, "travelled").location.name == "Nairobi"


def test_origin_and_destination_are_not_where_a_move_happened(code):
    withdrawal = event(code("Rebel fighters withdrew from Aleppo to Idlib on Sunday."), "withdrew")
    assert withdrawal.location is None and withdrawal.location_basis is None


def test_beside_a_place_is_no_way_to_it(code):
    ann = code("A policeman was shot dead at the main entrance to the bazaar in Peshawar on Friday.")
    assert event(ann, "shot").location.name == "Peshawar"


def test_what_is_thrown_or_fired_lands_where_the_act_was(code):
    assert event(code("A man threw a grenade into a bar in Bujumbura, injuring three people."),
                 "threw").location.name == "Bujumbura"
    assert event(code("Militants fired rockets into Sderot from northern Gaza."), "fired").location.name == "Sderot"
    # what is set fire to is what the act was done to
    assert event(code("Unknown assailants set fire to a polling station in Kinshasa overnight."),
                 "set").location.name == "Kinshasa"


def test_the_source_is_not_the_location(code):
    assert event(code("Israel captured the hill from Syria in 1967."), "captured").location is None


def test_what_a_decision_is_about_is_not_where_it_was_made(code):
    ann = code("The president announced on Wednesday that the United States would recognize Jerusalem "
               "as the capital of Israel.")
    assert all(e.location is None for e in ann.events)


def test_a_place_inside_an_actor_name_is_not_a_location(code):
    ann = code("Fighters of the Islamic State of Iraq and the Levant stormed a police station on Monday.")
    assert event(ann, "stormed").location is None
    ann = code("The U.S. Army said on Monday that its soldiers had arrested three men.")
    assert all(e.location is None for e in ann.events)


def test_the_dateline_is_the_last_resort_and_says_so(code):
    ann = code("BAMAKO, March 3 (Example Wire) - The opposition held a rally on Sunday.\n\n"
               "Police later arrested two opposition leaders.")
    arrest = event(ann, "arrested")
    assert arrest.location.name == "Bamako" and arrest.location_basis == "dateline"


def test_seed_announcement_is_not_located_in_jerusalem(seed_annotation):
    announced = [e for e in seed_annotation.events if "Jerusalem" in e.evidence]
    assert announced and all(e.location is None or e.location.name != "Jerusalem" for e in announced)


def test_a_verb_without_an_object_shares_its_partners_place(code):
    ann = code("Rebels ambushed and disarmed a police patrol in Beni on Monday.")
    assert event(ann, "ambushed").location.name == "Beni"


def test_the_place_of_what_was_going_on_when_it_happened(code):
    ann = code("A teacher was shot dead while he waited at a bus stop in Peshawar.")
    assert event(ann, "shot").location.name == "Peshawar"
    # told with a gerund after "after"
    ann = code("Two aid workers were killed on Tuesday after being ambushed on the road outside Gedaref.")
    assert event(ann, "killed").location.name == "Gedaref"
    ann = code("The gunman was shot dead by police after opening fire in a shopping centre in Leeds.")
    assert event(ann, "shot").location.name == "Leeds"


def test_where_the_doer_of_a_physical_act_was(code):
    ann = code("Gunmen in Zamfara abducted 40 villagers over the weekend.")
    assert event(ann, "abducted").location.country == "NGA" and event(ann, "abducted").location_basis == "clause"


@pytest.mark.parametrize("text, landmarks, not_landmarks", [
    ("Soldiers patrolled Tamale, 600 km north of Accra.", {"Accra"}, {"Tamale"}),
    ("The convoy was hit 20 miles from Kandahar.", {"Kandahar"}, set()),
    ("Clashes erupted in the north of Mali.", set(), {"Mali"}),
    # the town a bearing is taken from, named as a town of
    ("Gunmen ambushed a convoy 20 km south of the town of Ansongo.", {"Ansongo"}, set()),
])
def test_places_named_as_reference_points(pipeline, text, landmarks, not_landmarks):
    from eventwire.events.location import _bearing_of

    doc = pipeline.nlp(text)
    assert {t.text for t in doc if t.text in landmarks | not_landmarks and _bearing_of(t)} == landmarks


def test_a_reference_point_is_not_the_place(code):
    ann = code("A roadside bomb killed four soldiers in Baqubah, 60 km north of Baghdad, on Sunday.")
    assert event(ann, "killed").location.name in ("Baqubah", "Baquba", "Ba`qubah", "Baʿqūbah")


def test_a_place_naming_a_site_in_a_name_still_locates(code):
    ann = code("Soldiers raided a Gaza refugee camp before dawn.")
    assert event(ann, "raided").location is not None and event(ann, "raided").location.text == "Gaza"


def test_one_place_per_phrase_when_the_sentence_decides(code):
    ann = code("Two suspects were arrested with explosives and detonators in Mersin, Turkey's southern port, police said.")
    assert event(ann, "arrested").location.text == "Mersin"


def test_a_name_the_gazetteer_lacks_is_the_sentences_place_where_a_preposition_puts_it(code):
    # the gazetteer knows no Kuzarwa: where "in the ... area", "in the village of" or "X village"
    # put it, it is still the place (unresolved, no coordinates invented); a group's name is none
    ann = code("Four villagers were killed in the Kuzarwa area on Sunday after suspected militants set off "
               "a roadside bomb.")
    bomb = event(ann, "set")
    assert (bomb.location.text, bomb.location.geonameid, bomb.location_basis) == ("Kuzarwa", None, "sentence")
    ann = code("Eight people died in the village of Tal Hamrun when gunmen opened fire on a wedding party.")
    assert event(ann, "opened").location.text == "Tal Hamrun"
    ann = code("Gunmen attacked Kuzarwa village and burned houses, killing nine residents.")
    assert event(ann, "killing").location.text == "Kuzarwa"
    ann = code("Police said the attack was claimed by the Kuzarwa Youth Front, which detonated a bomb.")
    assert event(ann, "detonated").location is None


@pytest.mark.parametrize("text, word, place", [
    # an elliptic clause coordinated with the event
    ("Three soldiers were killed and two others wounded in the town of Gao on Monday.", "killed", "Gao"),
    # where the passive's agent was
    ("Twelve farmers were killed by gunmen in the village of Dogo Nahawa.", "killed", "Dogo Nahawa"),
    # where the victim was
    ("Gunmen shot dead a shopkeeper walking near his home in the city of Kano.", "shot", "Kano"),
    # a participle continues the clause whose object is the place
    ("Armed men attacked the village of Kasanga, killing at least nine civilians.", "killing", "Kasanga"),
    # a town before a noun says where the thing is
    ("A car bomb destroyed a busy Kandahar restaurant on Friday.", "destroyed", "Kandahar"),
    # the device or force described by a participle: where it was aimed or left
    ("A roadside bomb aimed at a convoy in Helmand province killed four soldiers on Sunday.", "killed", "Helmand"),
    ("A car bomb parked outside a bank in Mosul exploded on Tuesday.", "exploded", "Mosul"),
    # what was going on, its object included for a physical act; an "after" clause right behind
    ("Eight soldiers were killed when a suicide bomber struck a checkpoint in Baquba.", "killed", "Baquba"),
    ("A judge was shot dead after gunmen stopped his car in Peshawar.", "shot", "Peshawar"),
    # the act's consequence, told by a participle
    ("Militants detonated a roadside bomb, killing three soldiers in Zabul province.", "detonated", "Zabul province"),
    # where the doers got to is where they did what a verb coordinated after it tells
    ("Gunmen broke into a farmhouse near Culiacan and shot dead four men.", "shot", "Culiacan"),
    ("Armed men arrived at a wedding in Kafanchan and opened fire.", "opened", "Kafanchan"),  # guard
    # a division in brackets after a town no gazetteer knows, which the tagger ran into one name with it
    ("An airstrike hit a truck near Bardere (Gedo) on Monday.", "hit", "Gedo"),
    # the divisions around a town named with it are where the town is, not second places
    ("An IED planted by militants exploded against a military convoy near Djibo (Soum, Sahel), wounding four "
     "soldiers.", "exploded", "Djibo"),
    ("Clashes erupted between herders and farmers near Djibo (Soum, Sahel) on Sunday.", "erupted", "Djibo"),
    # where the victims were, told by what they were doing: the people fired at, or dispersed
    ("Police fired tear gas at protesters blocking the road in Eldoret.", "fired", "Eldoret"),
    ("Police fired tear gas to disperse students blocking the road in Eldoret.", "fired", "Eldoret"),
    ("Soldiers opened fire on worshippers leaving a mosque in Kano.", "opened", "Kano"),
    # "to" after a verb of yielding names who received, and their place is where it was given
    ("Hundreds of rebel fighters surrendered to the army in Ituri on Monday.", "surrendered", "Ituri"),
    ("The rebels handed over their weapons to peacekeepers in Bunia.", "handed", "Bunia"),
    # ... and "from" after a verb of taking whom it was taken from
    ("Armed bandits rustled more than 200 cattle from herders in Zamfara.", "rustled", "Zamfara"),
    ("Soldiers seized weapons from militants in Kidal.", "seized", "Kidal"),
    # where forces withdrew from is where they withdrew
    ("The militants withdrew from the town of Palma after a week of fighting.", "withdrew", "Palma"),
    # a "when" clause the parser hung on the day is still what was going on
    ("Two guards were shot dead Friday, when gunmen attacked a bank in Kisumu, police in Nairobi said.",
     "shot", "Kisumu"),
    ("Five soldiers were killed Sunday, when insurgents ambushed a patrol outside Maiduguri, an official in "
     "Abuja said.", "killed", "Maiduguri"),
    ("Five people were wounded on Saturday night when a bomb exploded at a bus stop in Kano, police in Abuja "
     "said.", "wounded", "Kano"),  # guard: the day after "on"
])
def test_places_the_clause_reaches_through_its_people_and_partners(code, text, word, place):
    assert event(code(text), word).location.text == place


def test_a_place_the_parser_hung_on_the_weapon_is_the_acts(code):
    # "in the town of Bunia" hangs on "machetes", inside the "with" phrase, not on the verb
    killed = event(code("Congolese militiamen from Ituri killed nine farmers with machetes in a village near Bunia."),
                   "killed")
    assert (killed.location.text, killed.location_basis) == ("Bunia", "clause")


def test_a_country_before_a_noun_says_whose_not_where(code):
    ann = code("Militants destroyed a U.S. military vehicle with a roadside bomb.")
    assert event(ann, "destroyed").location is None
    ann = code("Militia fighters fired rockets at a US base on Sunday.")
    assert event(ann, "fired").location is None


def test_one_incident_told_by_several_verbs_is_one_event_that_knows_them(code):
    ann = code("Two bombs exploded in a crowded market in Hilla on Monday, killing 12 people and wounding 40.")
    blast = event(ann, "exploded")
    assert set(blast.also) == {"killing", "wounding"} and blast.location.text == "Hilla"
    assert not [e for e in ann.events if e.trigger.startswith(("killing ", "wounding "))]


def test_an_after_clause_set_apart_is_another_incident(code):
    ann = code("He was shot six months after his brother was killed in a Kabul bombing.")
    assert event(ann, "shot").location is None


@pytest.mark.parametrize("text, word, place", [
    # whom an arrest takes is a person, even one whose name is also a town's
    ("Police arrested Montoya in a raid in Medellin last year.", "arrested", "Medellin"),
    # what a victim belongs to is not where it happened
    ("A member of the Puntland parliament was shot dead as he left a mosque in the town of Garowe.",
     "shot", "Garowe"),
])
def test_a_person_named_by_the_act_is_not_its_place(code, text, word, place):
    assert event(code(text), word).location.text == place


@pytest.mark.parametrize("text, word, place", [
    # where the doer was, told by a relative clause
    ("A village chief was shot by gunmen who were hiding in bushes near his house in Yala province.",
     "shot", "Yala province"),
    # where the victims were, told by a past participle
    ("A roadside bomb killed six militiamen stationed in Khost province on Friday.", "killed", "Khost province"),
    # under, and over for a physical act
    ("Militants detonated a tunnel bomb under an army post in the town of Jobar.", "detonated", "Jobar"),
    ("A government helicopter was shot down over northern Darfur on Monday.", "shot", "Darfur"),
    # a country's thing is not where; the phrase's own name before its possessive container
    ("A roadside bomb exploded near a U.S. military convoy in the Sunni district of Adhamiya.", "exploded",
     "Adhamiya"),
    ("Thousands marched in Nairobi's Kibera neighbourhood on Saturday.", "marched", "Kibera"),
    # the noun that names the event, after a preposition
    ("Thousands of students took to the streets of Khartoum on Sunday.", "took", "Khartoum"),
    # coordinated acts of force are one incident: a bombing (18) and an injury (19) share a place
    ("Militants detonated a roadside bomb and injured four soldiers in the town of Baqubah on Friday.",
     "detonated", "Baqubah"),
    # a narrower place inside the clause's wide one, deeper in the same clause
    ("In a wave of violence across Iraq, gunmen shot dead a police officer walking near his home in the city "
     "of Mosul.", "shot", "Mosul"),
    ("Militants ambushed an army convoy in Kupwara district near the village of Trehgam on Sunday.", "ambushed",
     "Trehgam"),
    # ... but not examples of a wider whole
    ("Rebels captured several towns in North Kivu, including Rutshuru and Kiwanja, last month.", "captured",
     "North Kivu"),
    # the act the event was done by
    ("The rebels began the assault by storming army checkpoints outside Kawkab at dawn.", "began", "Kawkab"),
    # a thing's relative clause says where it is
    ("The broadcaster was shot dead at a shop she ran in Colombo.", "shot", "Colombo"),
    # a town named elsewhere in the sentence, the only place there
    ("Anna Berg, 34, of Uppsala, was stabbed as she left the station late on Friday.", "stabbed", "Uppsala"),
    # a country before a site word says where, not whose
    ("The senior party member was shot in the Sri Lanka capital on Thursday.", "shot", "Sri Lanka"),
    ("Karimov was captured on an Afghanistan battlefield in 2001.", "captured", "Afghanistan"),
    # what was shot down over a place
    ("Guerrillas shot down an army helicopter over southern Colombia on Tuesday.", "shot", "Colombia"),
    # a named part of a town is narrower than the town it is "of", or its possessor
    ("Two men were killed in the Sadriya neighborhood of Baghdad on Monday.", "killed", "Sadriya"),
    ("Police arrested him in the al-Nahda area of Riyadh.", "arrested", "Nahda"),
    ("A bomb exploded in a market in the Shaab neighbourhood of Baghdad.", "exploded", "Shaab"),
    # ... but a town or a state is named after "of", its container before the word
    ("Federal police captured a man in the Los Angeles suburb of Rosemead.", "captured", "Rosemead"),
    ("An army patrol detained the suspect in Kandahar's Loya Wiala neighbourhood.", "detained", "Loya Wiala"),
    # a building yields to the town it is in, the place a map shows
    ("About 500 workers protested outside the Italian Consulate in Bogota on Friday.", "protested", "Bogota"),
    ("A gunman opened fire at the Grand Hotel in Kandy, killing two guards.", "opened", "Kandy"),
    # an embassy's country is whose it is, not where
    ("Demonstrators rallied outside the embassies of France and Germany in Nairobi on Monday.", "rallied",
     "Nairobi"),
    # a march, a visit or a deployment is where it goes
    ("Protesters marched to the French embassy in Ottawa on Sunday.", "marched", "Ottawa"),
    ("The foreign minister travelled to Tehran at the head of a delegation.", "travelled", "Tehran"),
    ("Russia deployed an air defense system to Syria last year.", "deployed", "Syria"),
    # a day named in a clause right after only dates it, no distance in time
    ("Nine people were killed and 30 wounded after gunmen stormed a hotel in the city of Garissa Friday, "
     "police said.", "killed", "Garissa"),
    # where a victim was passing
    ("The cleric was shot dead as he left a mosque in Kirkuk on Friday.", "shot", "Kirkuk"),
    # a victim who is a place's, when nothing else says where
    ("Peru's deputy interior minister was shot dead outside his home on Tuesday.", "shot", "Peru"),
    # an attack that did it is where it was
    ("A series of bombings across Somalia on Monday killed at least 20 people.", "killed", "Somalia"),
    # among people doing something somewhere
    ("An attacker detonated his car among a crowd of football fans celebrating in the Karrada district of "
     "Baghdad on Tuesday.", "detonated", "Karrada"),
    # "next to" says where
    ("A bomber blew himself up next to a police patrol in Kandahar on Monday, killing two officers.", "blew",
     "Kandahar"),
    # a place the parser hung on the day after it
    ("About 200 students demonstrated outside the Vatican Sunday to demand reforms.", "demonstrated", "Vatican"),
    # a physical act happens where its target is
    ("The militants launched a new assault on the Mazar Military Airport on Thursday.", "launched",
     "Mazar Military Airport"),
    # a country's sites are in it
    ("National Guard troops patrolled the country's ports and Venezuela's oil installations on Sunday.",
     "patrolled", "Venezuela"),
    ("Allied warplanes have been patrolling Iraq's northern skies since the ceasefire.", "patrolling", "Iraq"),
    # the skies above a place
    ("Fighter jets patrolled the skies above Boston and Chicago on Monday.", "patrolled", "Boston"),
    # an act of violence, where the clause right after it that tells how it happened was, even
    # deep in it: on a passive's doer, on a participle
    ("A police officer was killed on Sunday when his car was hit by a roadside bomb near Kandahar.", "killed",
     "Kandahar"),
    ("Two soldiers were wounded after their convoy came under fire from militants hiding in an orchard outside "
     "Jalalabad.", "wounded", "Jalalabad"),
    # a region named as a region of a country or a town is the place, though the gazetteer's
    # region is wider than the town ("the area of X" names no part: X is the area)
    ("Shelling killed three civilians in the Donbas region of Ukraine on Monday.", "killed", "Donbas"),
    ("Turkish jets bombed targets in the Kurdistan region of Iraq overnight.", "bombed", "Kurdistan"),
    ("Seven civilians were killed in eastern Ukraine in the area of Lugansk on Friday.", "killed", "Lugansk"),
    # the country around a town is wider than the town: a village the clause names in it wins
    ("In the east Hama countryside, army units launched an attack against militants inside the village of "
     "Suran.", "launched", "Suran"),
    ("Army units launched an attack in the Idlib countryside against militants holed up inside the town of "
     "Saraqib.", "launched", "Saraqib"),
    # where the doer of a passive was, on a participle that describes the victims
    ("A bomb killed five labourers employed by a contractor in Kunduz province.", "killed", "Kunduz"),
    # a machine's relative clause says where it was, as a thing's does
    ("Soldiers on Monday blew up an army helicopter that had crashed near the town of Asadabad.", "blew",
     "Asadabad"),
    # a victim's relative clause in the past progressive tells what they were doing then
    ("Four rebels who were laying mines near the town of Kidal were killed by an army patrol on Friday.",
     "killed", "Kidal"),
    ("Police shot dead two men who were setting fire to a bus in Nairobi on Monday.", "shot", "Nairobi"),
    # where someone or something was taken from is where it was taken
    ("Armed bandits abducted 30 worshippers from a church in Kaduna state.", "abducted", "Kaduna"),
    ("Gunmen kidnapped three engineers from a construction site near Port Harcourt.", "kidnapped", "Port Harcourt"),
])
def test_places_reached_through_relatives_participles_and_aerial_phrases(code, text, word, place):
    assert place in event(code(text), word).location.text


@pytest.mark.parametrize("text, word", [
    # a victim's biography is not where it happened
    ("Hamdi, who was born in the US state of Louisiana, was captured in late 2001.", "captured"),
    ("Hamdi, who grew up in Saudi Arabia, was captured while fighting with Taliban troops.", "captured"),
    # ... nor what they are doing now (guard: the past progressive says where they were)
    ("Two commanders who are leading the insurgency in Kidal were killed on Friday.", "killed"),
    # "over" a place that a dispute is about
    ("Officials clashed over Kashmir at the meeting.", "clashed"),
    # a place that names a war says what it was about, not where an act in it happened
    ("Israel captured the plateau from Syria in the 1967 Middle East war and later annexed it.", "captured"),
    ("The town was shelled by artillery in the 1995 Balkan war, residents recall.", "shelled"),
    # what another clause's verb takes is no place of this act, unless the verb is an act of
    # force or a passing (the Kirkuk row of the table above)
    ("A car bomb exploded near a cafe after Iraq defeated Jordan on Sunday.", "exploded"),
    # ... but not an embassy abroad
    ("Norway's embassy in the capital was bombed on Friday.", "bombed"),
    # a country outside the event's clause is whose, not where
    ("Anna Berg, 34, of Sweden, was stabbed as she left the station late on Friday.", "stabbed"),
    # ... nor is a victim's country where they were attacked
    ("Gunmen shot dead Lars Berg of Sweden near the harbour on Friday.", "shot"),
    # a protest is not placed by what went on around it; those a court seeks are not where the
    # court is
    ("Thousands of students marched on Sunday while the president met donors in Brussels.", "marched"),
    ("Soldiers captured two suspects sought by a court in Kinshasa.", "captured"),
    # what a protest's purpose is about is not where the protest was (guard)
    ("Hundreds marched on the embassy to protest a ruling implicating the government in a murder in Berlin.",
     "marched"),
    # what is given to a place went there: the giving was not there (guard)
    ("Japan gave $10 million in aid to Gaza.", "gave"),
    # coordinated towns are two places, not one inside the other (guard)
    ("Eighteen rebels were captured in and around Vista Hermosa and San Juan de Arama.", "captured"),
])
def test_biography_disputes_wars_and_origins_do_not_locate(code, text, word):
    assert event(code(text), word).location is None
