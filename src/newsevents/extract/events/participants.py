"""Participants of an event: head tokens resolved to actors, and the check that they are political actors.

An event's actor and recipient must be *political actors*: an entry of the actors stage (a named person,
organisation, country or people, or a pronoun / nominal it resolved to one), or an agent noun (*police*,
*protesters*, *the government*).  Never a dateline (*SAN PEDRO CITY —*), a number (*Six were killed*), an
unresolved pronoun (*I*, *we*, *it*), nor a thing or an abstraction (*the right to protest*, *floods*,
*the expulsion*).  A recipient may also be a place or a facility, or a thing that names its owner
(*Azerbaijani positions*, *King Abdullah airport*): the targets of attacks, blockades and curfews.

A weapon or an attack as the subject (*a drone launched by the Houthis struck ...*, *Russia's missiles hit
...*) stands for whoever launched it: the agent of its participle or its possessor, when the text gives one.
"""

from __future__ import annotations

from dataclasses import replace

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.table import ActorTable
from newsevents.extract.events.arguments import (
    ACTOR_ENTS,
    NON_PARTICIPANT_ENTS,
    agent_of,
    is_actor_like,
    subject_of,
)
from newsevents.extract.events.lexicon import Lexicon
from newsevents.extract.events.syntax import (
    coordinated_modifiers,
    in_dateline,
    kids,
    np_tokens,
    prep_objects,
    semantic_head,
)
from newsevents.extract.places import gazetteer
from newsevents.kb import countries
from newsevents.model import Location, Participant, Span

NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT"}
POLITICAL_KINDS = {"PERSON", "ORG", "GPE", "NORP"}
# Pronouns that stand for a party only once coreference says whom they mean.
REFERRING_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "us", "them", "him", "her", "me",
                      "this", "that", "these", "those", "yourself", "itself", "themselves", "one"}  # fmt: skip
# Dependents of a thing noun that may name its owner ("*Azerbaijani* positions", "*US* Predator attacks").
OWNER_DEPS = ("compound", "amod", "nmod")
OWN_COUNTRY_NOUNS = {"country", "nation", "government", "state", "army", "military"}
ARRESTERS = {"police", "policeman", "authority", "authorities", "gendarmerie"}
LEAD_SENTENCES = 4  # an arrest in the lead may name its police in the next two sentences
CROWD_NUMBERS = {"thousands", "hundreds", "dozens", "scores", "millions", "tens"}
# What an unnamed attacker is reported by: "a roadside *bomb* killed", "an *explosion* wounded".
WEAPON_NOUNS = {"explosion", "blast", "bomb", "bombing", "device", "mine", "missile", "rocket", "shell",
                "shelling", "grenade", "mortar", "airstrike", "strike", "attack", "raid", "fire", "car"}  # fmt: skip


def _name_bounds(doc: AnnotatedDoc, i: int) -> tuple[int, int]:
    """Token bounds of a proper name: the head with its compound proper nouns ("Joint Permanent Commission")."""
    parts = [i, *(k for k in kids(doc, i, ("compound",)) if doc.tokens[k].pos == "PROPN")]
    return min(parts), max(parts) + 1


class Participants:
    """Resolves head tokens to participants via the actors stage."""

    def __init__(self, doc: AnnotatedDoc, actors: ActorTable, lex: Lexicon) -> None:
        self.doc, self.actors, self.lex = doc, actors, lex

    def resolve(self, head: int, depth: int = 0) -> Participant | None:
        doc = self.doc
        sem = semantic_head(doc, head)
        toks = np_tokens(doc, head)
        span = doc.span(toks[0], toks[-1] + 1)
        tok = doc.tokens[sem]
        coordinated = (tok.dep in OWNER_DEPS and bool(kids(doc, sem, ("conj",)))) or (
            tok.dep == "conj" and doc.tokens[tok.head].dep in OWNER_DEPS
        )
        if coordinated and tok.head != sem:
            # one of "U.S. and *Russian* negotiators": the side is the country the modifier names
            found = countries().any(tok.text)
            if found is not None:
                return Participant(tok.text, None, found[0], None, doc.span(sem, sem + 1))
        hit = self.actors.mention_at(tok.start, tok.end)
        if hit is None:
            named = self._apposition(sem, span, toks)
            if named is not None:
                return named
        if hit is None:
            # a possessor inside the phrase is someone else: "*his* Ukrainian counterpart Dmytro Kuleba"
            inside = [
                p for p in self.actors.mentions_in(span.start, span.end) if not self._possessor(p[0].span)
            ]
            people = [p for p in inside if p[1].kind in ("PERSON", "ORG")]
            hit = (people or inside)[0] if (people or inside) else None
        if hit is None and tok.pos == "PRON" and depth == 0:
            s = self._reporter(sem)
            if s is not None:
                return self.resolve(s, depth + 1)  # named by its antecedent's mention, which carries the name
        if hit is None and tok.lemma.lower() in OWN_COUNTRY_NOUNS:
            # "*his* country", "*their* government": the country of whoever the possessor is
            for k in kids(doc, sem, ("poss",)):
                owner = self.actors.mention_at(doc.tokens[k].start, doc.tokens[k].end)
                if owner is not None and owner[1].country:
                    return Participant(span.text, None, owner[1].country, None, span)
        if hit is None:
            if tok.pos == "PRON" and tok.lower in REFERRING_PRONOUNS:
                return Participant(span.text, None, None, None, span)
            return Participant(span.text, None, self.np_country(sem, toks), None, span)
        _, actor = hit
        country = actor.country or self.np_country(sem, toks)
        return Participant(actor.name, actor.id, country, actor.sector, span, actor.kb_id, actor.code)

    def _apposition(self, sem: int, span: Span, toks: list[int]) -> Participant | None:
        """A description named by its apposition: "the UN's mission in the country, *MONUSCO*" is MONUSCO,
        not a place or party mentioned inside the description (None when there is no such name)."""
        doc = self.doc
        for a in kids(doc, sem, ("appos",)):
            at = doc.tokens[a]
            if at.pos != "PROPN":
                continue
            hit = self.actors.mention_at(at.start, at.end)
            if hit is not None:
                _, actor = hit
                country = actor.country or self.np_country(sem, toks)
                return Participant(actor.name, actor.id, country, actor.sector, span, actor.kb_id, actor.code)
            name = doc.span(*_name_bounds(doc, a))
            return Participant(name.text, None, self.np_country(sem, toks), None, span)
        return None

    def _reporter(self, pron: int) -> int | None:
        """A pronoun the actors stage left unresolved, inside a reported clause, stands for its reporter
        ("Switzerland said *it* had expelled ...")."""
        doc = self.doc
        for anc in doc.ancestors(pron):
            if doc.tokens[anc].lemma.lower() in self.lex.reporting_verbs:
                s = subject_of(doc, anc)
                return s if s is not None and s != pron and doc.tokens[s].pos != "PRON" else None
        return None

    # -- is it a political actor? -------------------------------------------------------------------------
    def actor_head(self, head: int, type_: str = "") -> int | None:
        """The head that stands for the actor, or None when the phrase is no political actor.

        A weapon or an attack stands for its launcher: "a drone *launched by the Houthis*", "*Russia's*
        missiles"; with no launcher in the text it is kept as the actor of an ASSAULT, as PLOVER codes
        "a roadside bomb killed ..." (the country then comes from where it happened)."""
        if self._political(head, recipient=False):
            return head
        sem = semantic_head(self.doc, head)
        for c in kids(self.doc, sem, ("acl",)):
            agent = agent_of(self.doc, c)
            if agent is not None and self._political(agent, recipient=False):
                return agent
        own = next(iter(kids(self.doc, sem, ("poss",))), None)
        if own is not None and self._political(own, recipient=False):
            return own
        if type_ == "ASSAULT" and self.doc.tokens[sem].lemma.lower() in WEAPON_NOUNS:
            return head
        return None

    def implicit_arrester(self, trigger: int) -> int | None:
        """Who arrested, when the text says only "X was arrested": the police or authorities the story
        names in the same sentence ("170 people were arrested, *police* said") or, nearest first, in the
        three sentences before it (in the lead, also in the two after it).  Arrests are made by the police; a story that names no police or
        authorities leaves the actor unknown and the event is not coded."""
        doc = self.doc
        sent = doc.tokens[trigger].sent
        # a lead names the police only after the arrest ("X was arrested on Monday. ... surrounded by police")
        after = range(sent + 1, min(len(doc.sents), sent + 3)) if sent < LEAD_SENTENCES else range(0)
        for s in [*range(sent, max(-1, sent - 4), -1), *after]:
            sn = doc.sents[s]
            hits = [
                j
                for j in range(sn.start_token, sn.end_token)
                if doc.tokens[j].lemma.lower() in ARRESTERS and doc.tokens[j].pos in ("NOUN", "PROPN")
                and doc.tokens[j].dep not in ("compound", "amod")
            ]  # fmt: skip
            if hits:
                return min(hits, key=lambda j: abs(j - trigger))
        return None

    def coordinated_owners(self, head: int) -> list[int]:
        """ "U.S. and Russian negotiators", "the Saudi and Iranian foreign ministers": the coordinated
        national modifiers of one head, each standing for one side (empty when there are none)."""
        doc = self.doc
        return coordinated_modifiers(
            doc,
            semantic_head(doc, head),
            lambda m: doc.tokens[m].ent_type in ("NORP", "GPE") or self._owner_named_token(m),
        )

    def recipient_head(self, head: int) -> int | None:
        """The head that stands for the recipient, or None: an act on someone's behalf names them in its
        "of" phrase ("demanded the resignation *of the minister*", "sought the release *of prisoners*")."""
        if self._political(head, recipient=True):
            return head
        sem = semantic_head(self.doc, head)
        for p, o in prep_objects(self.doc, sem):
            if p == "of" and self._political(o, recipient=True):
                return o
        return None

    def _political(self, head: int, *, recipient: bool, _following: bool = False) -> bool:
        doc = self.doc
        sem = semantic_head(doc, head)
        t = doc.tokens[sem]
        if t.lower in CROWD_NUMBERS:
            return True  # "Thousands marched": a crowd
        if in_dateline(doc, sem):
            return False  # "SAN PEDRO CITY —": where the story was filed
        if t.pos == "NUM" or t.ent_type == "CARDINAL":
            return recipient  # "killed ten": the victims counted; a count does nothing itself
        if t.ent_type in NON_PARTICIPANT_ENTS:
            return False  # a date, a sum, a percentage
        p = self.resolve(head)
        actor = self.actors.get(p.actor_id) if p is not None else None
        if actor is not None and actor.kind in POLITICAL_KINDS:
            return True  # a name, or a pronoun / nominal resolved to one
        if t.pos == "PRON":
            # "I", "we", "it" only once coreference resolved it, or as the reporter of its clause
            if actor is not None:
                return True
            s = self._reporter(sem)
            # follow the reporter once: its own head may lead back to a pronoun ("one of them said it ...")
            return (
                s is not None and not _following and self._political(s, recipient=recipient, _following=True)
            )
        if is_actor_like(doc, sem, self.lex, with_pps=False) or self._owner_named(sem):
            return True
        if any(doc.tokens[a].pos == "PROPN" for a in kids(doc, sem, ("appos",))):
            return True  # "the UN's mission in the country, MONUSCO": named by its apposition
        if t.text.isupper() and t.text.isalpha() and len(t.text) > 1:
            return True  # an acronym the tagger took for a common noun: "ECOWAS", "INEC"
        # a target may be a place, or a thing that names its owner or its place ("King Abdullah airport",
        # "homes in Gaza", "Haiti's efforts"); an actor may not ("the explosion", "floods", "the right")
        return recipient and any(doc.tokens[j].ent_type in ACTOR_ENTS for j in np_tokens(doc, head))

    def _owner_named(self, sem: int) -> bool:
        """A modifier names whose it is: "*Azerbaijani* positions", "*US* Predator attacks"."""
        doc = self.doc
        return any(
            doc.tokens[j].ent_type in ("NORP", "GPE", "ORG") or self._owner_named_token(j)
            for c in kids(doc, sem, OWNER_DEPS)
            for j in doc.subtree(c)
        )

    def _owner_named_token(self, j: int) -> bool:
        t = self.doc.tokens[j]
        return t.pos in ("PROPN", "ADJ") and countries().any(t.text) is not None  # the NER missed "US"

    # -- helpers ------------------------------------------------------------------------------------------
    def _possessor(self, span: Span) -> bool:
        k = self.doc.token_at(span.start)
        if k is None:
            return False
        last = self.doc.token_at(span.end - 1)
        return self.doc.tokens[last if last is not None else k].dep == "poss"

    def localise(self, p: Participant | None, where: Location | None) -> Participant | None:
        """An unnamed group ("demonstrators", "prisoners", "23 people") with no country of its own takes the
        country of the place the event happened, as PLOVER coders do; named people and bodies never do."""
        if p is None or p.country is not None or where is None or where.country is None:
            return p
        toks = [t for t in self.doc.tokens if p.span.start <= t.start and t.end <= p.span.end]
        if not toks or any(t.pos in ("PROPN", "PRON") or t.ent_type in NAME_ENTS for t in toks):
            return p
        return replace(p, country=where.country)

    def resolve_group(self, heads: list[int]) -> Participant | None:
        """Coordinated recipients ("to Iran and Hezbollah") form one participant: the members' names joined
        with " + ", the span over the whole coordination; actor id, country and sector of the first member."""
        members = [p for p in (self.resolve(h) for h in heads) if p is not None]
        if len(members) < 2:
            return members[0] if members else None
        first = members[0]
        start = min(p.span.start for p in members)
        end = max(p.span.end for p in members)
        names = " + ".join(dict.fromkeys(p.name for p in members))
        span = self.doc.char_span(start, end)
        return Participant(names, first.actor_id, first.country, first.sector, span, first.kb_id, first.code)

    def np_country(self, head: int, toks: list[int]) -> str | None:
        """The country a phrase names inside itself when its actor has none: "*Israeli* helicopters",
        "rebels in *the Ivory Coast*", "prisoners in *Dili*" (a city gives its country)."""
        doc, index = self.doc, countries()
        inside = set(toks)
        names = [doc.tokens[head].text]
        names += [e.text for e in doc.ents if e.label in ("NORP", "GPE", "LOC") and e.start_token in inside]
        for name in names:
            found = index.any(name)
            if found:
                return found[0]
        for e in doc.ents:
            if e.label == "GPE" and e.start_token in inside:
                place = gazetteer().lookup(e.text)
                if place is not None and place[0].country:
                    return place[0].country
        return None
