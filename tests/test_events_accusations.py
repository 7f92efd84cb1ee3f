"""ACCUSE without an accusing verb (``extract/events/accusations``): hand-made sentences, real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events


def _accusations(text: str) -> list[str]:
    return [d for d in describe(events(text)) if d.startswith("ACCUSE")]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        # a wrongful act and its possessor, in a direct quote
        ('"This is the result of Serbia\'s constant aggression against our people," the Albanian foreign '
         "minister Elvira Hoxha said.", "hoxha", "serbia"),
        # the subject of a verb of doing the wrong; "never stopped" says it went on
        ("The Estonian prime minister said Russia has never stopped carrying out hostile actions against "
         "the Baltic states.", "estonian", "russia"),
        ('"Venezuela openly sponsors terrorism against Colombia," said Colombian President Ivan Duque.',
         "duque", "venezuela"),
        # verbs of doing a wrong, in indirect speech and after "saying"
        ("The opposition leader Raila Kamau challenged the ruling, saying President Mwangi stole the election.",
         "kamau", "mwangi"),
        ('"President Mwangi has betrayed the farmers," Kamau told supporters in Nairobi.', "kamau", "mwangi"),
        ("The Chinese spokesman Zhao Lijian said the United States had abused force and overreacted.",
         "zhao", "united states"),
        # a verb of instigation with a violent act as object
        ("Lula said Bolsonaro encouraged the riots in his speeches.", "lula", "bolsonaro"),
        # predicates of blame
        ('"It is criminal for President Kagame to keep treating peaceful Rwandans as enemies," the '
         "opposition leader Victoire Ingabire said.", "ingabire", "kagame"),
        ("The Treasury said Lukashenko is directly responsible for the violent crackdown on protesters.",
         "treasury", "lukashenko"),
        ("Morocco's foreign ministry said Algeria's decision was completely unjustified.", "morocco",
         "algeria"),
        ("The ombudsman said the seizure of the banners by the police was unjustified.", "ombudsman",
         "police"),
        # a copula with an insult or a wrongful quality; "was behind" a harm
        ('"Russia is a terrorist state," the Ukrainian president Volodymyr Zelensky said.', "zelensky", "russia"),
        ("The opposition leader Raila Kamau said President Mwangi is corrupt and dishonest.", "kamau", "mwangi"),
        ("Kyiv said Moscow was behind the bombing of the bridge.", "kyiv", "moscow"),
        # holding someone responsible, also in narrative
        ("Iran holds the United States responsible for the killing of its general.", "iran", "united states"),
        # a grievance over someone's acts, also in narrative
        ("The European Union expressed concern over Belarus's actions at the border.", "european union",
         "belarus"),
        ("Japan and Australia expressed support to Manila and concern over the Chinese navy's actions.",
         "japan", "chinese"),
    ],
)  # fmt: skip
def test_events_accusations_speech_blames_a_party(text: str, actor: str, recipient: str) -> None:
    e = assert_event(text, "ACCUSE", actor, recipient)
    assert e.rule.startswith(("events.accuse.blame.", "events.accuse.grievance.", "events.accuse.hold-")), (
        e.rule
    )


def test_events_accusations_carry_the_quote() -> None:
    text = '"Serbia\'s aggression must end," the Albanian foreign minister Elvira Hoxha said.'
    e = assert_event(text, "ACCUSE", "hoxha", "serbia")
    assert e.quote_id is not None and e.claimant is not None and "hoxha" in e.claimant.lower()


@pytest.mark.parametrize(
    "text",
    [
        # negated, hypothetical, denied
        "The minister said Serbia has not committed any aggression against Kosovo.",
        '"If Russia carries out hostile actions, we will respond," the Finnish president Sauli Niinisto said.',
        "The Kremlin denied that Russia had interfered in the US election.",
        "The spokesman said Iran could sabotage the talks.",
        # narrative, not anyone's speech: an ASSAULT at most, never an ACCUSE
        "Russian troops carried out hostile actions against Ukrainian villages on Monday.",
        # the speaker's own acts and the victim of an "of" act are not blamed
        '"We will never accept the illegal annexation," the Ukrainian foreign minister said.',
        "The ombudsman said the seizure of the banners was unjustified.",
        "The ombudsman said the abuse of prisoners in Ukraine must be investigated.",
        # "lies" in its other sense; a concern with no act of anyone
        "The president said the future of the country lies in its young people.",
        "The United Nations expressed concern over the health of the jailed activist Maria Kolesnikova.",
        # a plain status, a negated label, a promise, another sense of "behind"
        '"Hamas is the enemy," the Israeli prime minister said.',
        '"Ukraine is not a terrorist state," the Hungarian foreign minister Peter Szijjarto said.',
        "The minister said Russia will hold Ukraine responsible for any attack.",
        "The minister said the ministry was behind schedule.",
        # an ordinary responsibility
        "The governor said the ministry is responsible for the schools in the province.",
    ],
)
def test_events_accusations_not_coded(text: str) -> None:
    assert not [d for d in _accusations(text) if "blame" in d or "grievance" in d], describe(events(text))


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("The Kenyan president Mwangi lashed out at the opposition on Monday.", "kenyan", "opposition"),
        ("The Serbian president pointed the finger at Kosovo for the violence.", "serbian", "kosovo"),
    ],
)
def test_events_accusations_idioms_of_criticism(text: str, actor: str, recipient: str) -> None:
    assert_event(text, "ACCUSE", actor, recipient)


def test_events_accusations_hitting_out_is_not_hitting() -> None:
    text = "The police hit the protesters with batons."
    assert not _accusations(text), describe(events(text))
