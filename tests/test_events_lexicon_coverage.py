"""Lexicon coverage beyond the core verbs: synonyms, particle verbs and constrained readings of each PLOVER
type, and the readings of the same words that must not be coded. Sentences written for this test."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events

CODED = [
    # ACCUSE: verbal disapproval, investigation and impeachment
    ("The opposition leader excoriated the government over its handling of the floods.", "ACCUSE", "opposition", "government"),
    ("Senator Warren berated the Pentagon for cost overruns on the fighter program.", "ACCUSE", "warren", "pentagon"),
    ("The Kenyan minister reprimanded the French ambassador over the remarks.", "ACCUSE", "minister", "ambassador"),
    ("Moscow disapproves of NATO's expansion into eastern Europe.", "ACCUSE", "moscow", "nato"),
    ("The House committee subpoenaed the former national security adviser.", "ACCUSE", "committee", "adviser"),
    ("The lower house voted to impeach President Yoon Suk Yeol.", "ACCUSE", None, "yoon"),
    # THREATEN: a vow of revenge is a threat, not a promise to cooperate
    ("Iran vowed revenge against Israel for the killing of its scientist.", "THREATEN", "iran", "israel"),
    ("Hezbollah promised retaliation against Israel after the strike.", "THREATEN", "hezbollah", "israel"),
    # AGREE: consent and negotiated deals
    ("The rebels consented to a ceasefire with the army.", "AGREE", "rebels", None),
    ("Peru and Ecuador hammered out an accord on their disputed border.", "AGREE", "peru", "ecuador"),
    ("The company undertook to repay the loans to the bank within a year.", "AGREE", "company", None),
    # AID: material help in more words, refugees taken in
    ("Japan guaranteed loans to Indonesia worth $2 billion.", "AID", "japan", "indonesia"),
    ("The United States provided training to Iraqi security forces.", "AID", "united states", "iraqi"),
    ("Saudi Arabia bankrolled the rebels in Syria.", "AID", "saudi", "rebels"),
    ("The EU gave Greece a bailout of 86 billion euros.", "AID", "european union", "greece"),
    ("Germany took in more than a million refugees in 2015.", "AID", "germany", "refugees"),
    ("Turkey has admitted 20,000 Syrian refugees this week.", "AID", "turkey", "refugees"),
    # CONSULT: mediation (CAMEO 045) and sitting down with someone
    ("Norway mediated between the government and the rebels.", "CONSULT", "norway", "government"),
    ("The envoy sat down with Taliban negotiators in Doha.", "CONSULT", "envoy", "taliban"),
    ("The Chinese premier paid a visit to Moscow last week.", "CONSULT", "premier", "moscow"),
    # REQUEST: seeking something from someone
    ("Israel sought clarification from Washington over the remarks.", "REQUEST", "israel", "washington"),
    # REJECT: disavowal, defiance and particle verbs the model parses loosely
    ("The minister disavowed the comments made by his deputy.", "REJECT", "minister", None),
    ("Russia brushed aside the criticism from NATO.", "REJECT", "russia", "nato"),
    ("Washington backed out of the nuclear deal with Iran.", "REJECT", "washington", "iran"),
    ("North Korea defied the UN Security Council with another missile test.", "REJECT", "north korea", "security council"),
    # SUPPORT: praise in more words, tribute
    ("The king extolled President Macron for his leadership.", "SUPPORT", "king", "macron"),
    ("The president paid tribute to the soldiers killed in the attack.", "SUPPORT", "president", "soldiers"),
    # COERCE / SANCTION / ASSAULT / MOBILIZE: property seized, assets frozen, poisoning, troops amassed
    ("Iran seized a British-flagged tanker in the Strait of Hormuz.", "COERCE", "iran", "tanker"),
    ("Canada froze the assets of 20 Russian oligarchs.", "SANCTION", "canada", "oligarchs"),
    ("The spy was poisoned by Russian agents in Salisbury.", "ASSAULT", "agents", "spy"),
    ("Russia has amassed troops along the Ukrainian border.", "MOBILIZE", "russia", None),
    # PROTEST: intransitive demonstrate / rally
    ("Thousands demonstrated against the government in Caracas.", "PROTEST", "thousands", None),
    ("Protesters rallied outside the parliament in Kyiv on Sunday.", "PROTEST", "protesters", None),
    # REQUEST: the noun "call" with what is called for
    ("The Vatican renewed its call on Sudan's generals for a ceasefire.", "REQUEST", "vatican", None),
    # ASSAULT: beating and clashes after an election are still violence
    ("Riot police beat opposition supporters after the election in Harare.", "ASSAULT", "police", "supporters"),
    ("Security forces clashed with demonstrators after the vote count in Nairobi.", "ASSAULT", "forces", "demonstrators"),
    # CONSULT: hosting a guest
    ("The Saudi crown prince received Erdogan in Jeddah on Thursday.", "CONSULT", "prince", "erdogan"),
    ("President Macron phoned the head of the African Union on Monday.", "CONSULT", "macron", "african union"),
    ("The Greek minister received his Turkish counterpart in Athens.", "CONSULT", "minister", "counterpart"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "type_", "actor", "recipient"), CODED)
def test_events_lexicon_coverage_sentence_is_coded(
    sentence: str, type_: str, actor: str | None, recipient: str | None
) -> None:
    assert_event(sentence, type_, actor, recipient)


NOT_CODED = [
    ("The senator demonstrated his commitment to the cause.", "PROTEST"),
    ("The results demonstrated that the reform had worked.", "PROTEST"),
    ("The governor rallied supporters before the vote.", "PROTEST"),
    ("The auditors undertook a review of the program.", "AGREE"),
    ("Germany took in more than a million refugees in 2015.", "COERCE"),
    ("Lebanon hosts more than a million Syrian refugees.", "CONSULT"),
    ("The government backed down on the fuel price increase.", "SUPPORT"),
    ("The campaign defied the expectations of the pollsters.", "REJECT"),
    ("The government froze the hiring of new teachers.", "SANCTION"),
    ("Police seized 200 kilograms of cocaine in the port.", "COERCE"),
    ("Iran vowed revenge against Israel for the killing of its scientist.", "AGREE"),
    # A passive prepositional verb is not the light verb: "paid for" finances the call, nobody "pays a call".
    ("The call was paid for by the mayor's campaign.", "REQUEST"),
    ("The strike was called off by the union after the talks.", "PROTEST"),
    # A phone call is not an appeal; "a call for ..." is (see CODED).
    ("The chancellor made a call to the Polish president on Sunday.", "REQUEST"),
    # Hosting needs a guest as the object, not something found deeper in it.
    ("The striker received a two-game suspension for shoving the Brazilian goalkeeper.", "CONSULT"),
    ("The senator received the backing of most Republican primary voters.", "CONSULT"),
    # Winning a contest is not an assault.
    ("The governor beat her rival by twelve points in the Democratic primary.", "ASSAULT"),
    ("Brazil beat Argentina in the final of the Copa America.", "ASSAULT"),
]


@pytest.mark.parametrize(("sentence", "type_"), NOT_CODED)
def test_events_lexicon_coverage_other_reading_is_not_coded(sentence: str, type_: str) -> None:
    found = events(sentence)
    assert not [e for e in found if e.type == type_], describe(found)
