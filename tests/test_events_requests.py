"""REQUEST beyond the lexicon's verbs (extract/events/requests.py, addressees.py): obligations put on another
party, a statement's "It", addressees left to the passage, the holder of someone whose release is demanded.
Sentences written for these tests, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events, words

OBLIGATIONS = [
    ("The foreign minister said it was time for Moscow to withdraw its troops from the border.", "minister",
     "moscow"),
    ("The senator said Iran has to release the detained sailors.", "senator", "iran"),
    ("Merkel said Greece needs to cut spending.", "merkel", "greece"),
    ("The ombudsman said it is up to the government to end the strike.", "ombudsman", "government"),
    ('"It is incumbent upon Serbia to recognise the result," the envoy noted.', "envoy", "serbia"),
    # a pronoun after an if-clause stands for the clause's named subject; a coordinated clause is reported too
    ("The Indian minister said ties with Pakistan remain difficult, and if Islamabad is serious about peace, it "
     "should hand over the suspects to India.", "minister", "pakistan"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "actor", "recipient"), OBLIGATIONS)
def test_an_obligation_put_on_another_party_is_a_request(sentence: str, actor: str, recipient: str) -> None:
    e = assert_event(sentence, "REQUEST", actor, recipient)
    assert e.rule.startswith("events.request.obligation"), e.rule


def test_the_act_obliged_by_an_impersonal_obligation_is_not_coded() -> None:
    found = events("The foreign minister said it was time for Moscow to withdraw its troops from the border.")
    assert not [e for e in found if e.type == "RETREAT"], describe(found)


NOT_DEMANDS = [
    "The mayor said the vote should be held in May.",  # passive: nobody named is obliged
    "The governor said he has to leave early.",  # the speaker himself
    '"We must stop this war," the Pope said.',  # a self-exhortation
    "Obama said Russia does not have to join the talks.",  # negated: no obligation
    "Clinton believes that American businesses need to invest more at home.",  # an opinion
    "The mayor called for a new stadium in the city.",  # no addressee anywhere
]


@pytest.mark.parametrize("sentence", NOT_DEMANDS)
def test_no_request_without_a_demand_on_another_party(sentence: str) -> None:
    found = events(sentence)
    assert not [e for e in found if e.type == "REQUEST"], describe(found)


def test_a_message_speaks_for_the_account_it_came_from() -> None:
    text = (
        '"Victoire Ingabire was driven home by soldiers," said a post on her official account. '
        '"Peaceful protest is a right. Kagame must stop harassing the people!" an earlier post said.'
    )
    assert_event(text, "REQUEST", "ingabire", "kagame")


def test_it_opening_a_sentence_after_a_statement_is_the_statement_issuer() -> None:
    text = (
        "In a statement, the regional bloc's leaders condemned the coup in Niamey. "
        "It further called on the junta to free all political prisoners."
    )
    assert_event(text, "REQUEST", "leaders", "junta")


def test_an_inherited_it_is_not_taken_for_a_statement_issuer() -> None:
    text = (
        "Asked about the minister's declaration, the mayor spoke to reporters. "
        "She said it is critical to support the first responders."
    )
    found = events(text)
    assert not [e for e in found if e.actor is not None and "minister" in words(e.actor)], describe(found)


CONTEXT = [
    # the counterpart of the requester's last exchange: the host of the talks, the supplier of the aid
    ("The Tanzanian president held talks with Kenya's president Uhuru Kenyatta on Monday. After the talks she "
     "called for closer cooperation.", "tanzanian president", "kenyatta"),
    ("Germany announced new military aid for Ukraine on Monday. The missiles requested by Kiev were not "
     "included.", "ukraine", "germany"),
    # an appeal for a ceasefire goes to the requester's adversary
    ("Israel launched a new offensive against Hamas in Gaza. Hamas continues to push for a permanent "
     "ceasefire.", "hamas", "israel"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actor", "recipient"), CONTEXT)
def test_a_request_without_addressee_takes_the_counterpart_of_the_passage(
    text: str, actor: str, recipient: str
) -> None:
    e = assert_event(text, "REQUEST", actor, recipient)
    assert e.rule.endswith(".context"), e.rule


def test_an_appeal_for_an_end_to_fighting_with_no_adversary_has_no_recipient() -> None:
    found = [
        e
        for e in events("The UN mission called for an immediate halt to the fighting.")
        if e.type == "REQUEST"
    ]
    assert len(found) == 1 and found[0].recipient is None, describe(tuple(found))


def test_a_counterpart_named_after_the_request_is_not_its_addressee() -> None:
    text = "Germany announced new military aid for Ukraine on Monday. The missiles requested by Kiev were not included."
    later = "The missiles requested by Kiev were not included. Germany announced new military aid for Ukraine on Monday."
    assert [e for e in events(text) if e.type == "REQUEST"]
    found = events(later)
    assert not [e for e in found if e.type == "REQUEST"], describe(found)


def test_the_partner_of_a_conflictual_act_is_not_asked_for_anything_else() -> None:
    found = events(
        "On Monday police arrested the opposition leader. On Tuesday the opposition called for fresh elections."
    )
    assert not [e for e in found if e.type == "REQUEST"], describe(found)


def test_an_inquiry_is_asked_against_the_party_whose_conduct_it_examines() -> None:
    assert_event(
        "The rights groups called for an investigation into police conduct during the protests.",
        "REQUEST",
        "rights groups",
        "police",
    )


def test_a_release_is_demanded_of_the_holder_and_the_strike_takes_no_thing_as_target() -> None:
    text = (
        "Police arrested the governor on Wednesday. "
        "The committee announced a strike on Friday, demanding the governor's release."
    )
    e = assert_event(text, "REQUEST", "committee", "police")
    assert e.rule.endswith(".holder"), e.rule
    strikes = [e for e in events(text) if e.type == "PROTEST"]
    assert all(s.recipient is None or "release" not in words(s.recipient) for s in strikes), describe(
        events(text)
    )


def test_the_subject_of_a_passive_demand_clause_is_not_the_addressee() -> None:
    found = events(
        "Supporters of the former president blocked roads in the capital, demanding that he be reinstated."
    )
    assert not [e for e in found if e.type == "REQUEST" and "president" in words(e.recipient)], describe(
        found
    )


def test_a_call_for_calm_with_nobody_named_is_not_coded() -> None:
    found = events("The bishop pleaded for calm.")
    assert not [e for e in found if e.type == "REQUEST"], describe(found)
