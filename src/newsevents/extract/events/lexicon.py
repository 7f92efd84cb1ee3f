"""Loads the PLOVER ontology (``ontology/plover.yaml``) and the per-type trigger lexicons
(``ontology/events/<type>.yaml``) and matches their entries against tokens of a parse.

A lexicon entry is a verb or noun trigger with optional constraints, all read from YAML:

``lemma``            one lemma or a list (required)
``particle``         a required verb particle ("call *off*", "blow *up*")
``object``           the direct object (or, with ``prep``, that preposition's object) must have one of these lemmas
``exclude_object``   the entry does not fire when the direct object has one of these lemmas
``object_required``  the verb must have a direct object (or be passive)
``object_absent``    the verb must have no direct object ("workers *struck*")
``prep``             a required preposition under the trigger ("call *for*", "remain *on* alert")
``subject``          the subject's lemma must be one of these ("peacekeepers *arrived*")
``modifier``         a compound/amod modifier lemma the noun must have ("*hunger* strike")
``xcomp``            an open-clause complement verb lemma the verb must govern ("ordered ... to *suspend*")
``object_is_recipient`` the matched ``object`` is the party affected ("released *prisoners*")
``object_actor``     the entry fires only when it finds a person, group or place as recipient
                     ("received *the Iranian envoy*", not "received bonuses")
``no_clause``        the verb must not take a that-clause ("agreed *that* he was right" is an opinion)
``bare_object``      the object, a person (name, personal pronoun, title noun), is the verb's only complement: no
                     predicate, clause, second object, particle or quoted name ("Maduro *called him* on
                     Sunday" is a phone call; "*called him a liar*", "called Obamacare 'crazy'" are not)
``exclude_context``  the entry does not fire in a sentence holding one of these lemmas (the contest sense of
                     "beat": "*beat* Trump by five *points* in the *primary*")
``light_only``       nouns: fire only as object of a light verb or with an own actor ("Israel's attack")
``mode``, ``recipient_preps``, ``confidence``, ``id``
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.cameo import CameoLexicon, CameoPattern, load_cameo
from newsevents.extract.events.syntax import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    first_kid,
    kids,
    particle,
    prep_objects,
    semantic_head,
)

DEFAULT_CONFIDENCE = 0.8
TIME_ENTS = ("DATE", "TIME")
QUOTE_MARKS = {'"', "“", "‘", "'", "``"}
PERSONAL_OBJECTS = {"him", "her", "them", "me", "us"}
# Who is phoned: people by their title ("called *his Russian counterpart*").
PERSON_TITLES = {"president", "counterpart", "minister", "leader", "premier", "chancellor", "king", "emir",
                 "prince", "secretary", "ambassador", "envoy", "governor", "mayor", "chief", "head"}  # fmt: skip


def _word(value: Any) -> str:
    """YAML 1.1 reads bare on/off/yes/no as booleans; in a lexicon they are words ("call off", "on")."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value).lower()


def _set(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, (str, bool)):
        return frozenset({_word(value)})
    return frozenset(_word(v) for v in value)


@dataclass(frozen=True)
class Trigger:
    type: str
    id: str
    pos: Literal["verb", "noun"]
    lemmas: frozenset[str]
    mode: str = ""
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    exclude_objects: frozenset[str] = frozenset()
    object_required: bool = False
    object_absent: bool = False
    preps: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    xcomps: frozenset[str] = frozenset()
    light_only: bool = False
    object_is_recipient: bool = False
    object_actor: bool = False
    no_clause: bool = False
    bare_object: bool = False
    exclude_context: frozenset[str] = frozenset()
    recipient_preps: tuple[str, ...] = ()
    confidence: float = DEFAULT_CONFIDENCE
    cameo: str | None = None  # the CAMEO code of a compiled-dictionary entry

    @property
    def rule(self) -> str:
        return f"events.{self.type.lower()}.{self.id}"

    @property
    def specificity(self) -> int:
        """More constraints satisfied = a more specific reading of the same word."""
        return sum(
            bool(x)
            for x in (self.particle, self.objects, self.preps, self.subjects, self.modifiers, self.xcomps)
        )

    @classmethod
    def from_yaml(cls, type_: str, pos: Literal["verb", "noun"], raw: dict[str, Any]) -> Trigger:
        lemmas = _set(raw["lemma"])
        return cls(
            type=type_,
            id=str(raw.get("id") or sorted(lemmas)[0]),
            pos=pos,
            lemmas=lemmas,
            mode=str(raw.get("mode") or ""),
            particle=_word(raw["particle"]) if "particle" in raw else None,
            objects=_set(raw.get("object")),
            exclude_objects=_set(raw.get("exclude_object")),
            object_required=bool(raw.get("object_required")),
            object_absent=bool(raw.get("object_absent")),
            preps=_set(raw.get("prep")),
            subjects=_set(raw.get("subject")),
            modifiers=_set(raw.get("modifier")),
            xcomps=_set(raw.get("xcomp")),
            light_only=bool(raw.get("light_only")),
            object_is_recipient=bool(raw.get("object_is_recipient")),
            object_actor=bool(raw.get("object_actor")),
            no_clause=bool(raw.get("no_clause")),
            bare_object=bool(raw.get("bare_object")),
            exclude_context=_set(raw.get("exclude_context")),
            recipient_preps=tuple(_word(p) for p in raw.get("recipient_preps") or ()),
            confidence=float(raw.get("confidence", DEFAULT_CONFIDENCE)),
        )

    # -- matching -------------------------------------------------------------------------------------------
    def object_token(self, doc: AnnotatedDoc, i: int) -> int | None:
        """The token satisfying the ``object`` constraint (the event noun of "impose *sanctions*")."""
        cands = kids(doc, i, OBJ) + kids(doc, i, PASS_SUBJ) + kids(doc, i, ("attr", "acomp", "oprd"))
        # "provide X *with* a loan": the thing given can sit in a with-phrase
        cands += [o for p, o in prep_objects(doc, i) if p in self.preps or p == "with"]
        for c in cands:
            if _lemma(doc, c) in self.objects or _lemma(doc, semantic_head(doc, c)) in self.objects:
                return c  # "holding *thousands of refugees*": the quantity's object counts
            # "fire on", "set fire to" parse oddly; a compound inside the object counts too
            for g in kids(doc, c, ("compound", "amod")):
                if _lemma(doc, g) in self.objects:
                    return c
            # "imposed a *state of emergency*": the state is named by its "of" object
            if _lemma(doc, c) == "state" and any(
                p == "of" and _lemma(doc, o) in self.objects for p, o in prep_objects(doc, c)
            ):
                return c
        return None

    def matches(self, doc: AnnotatedDoc, i: int) -> bool:
        t = doc.tokens[i]
        if self.pos == "verb" and t.pos not in ("VERB", "AUX"):
            return False
        if self.pos == "noun" and t.pos not in ("NOUN", "PROPN"):
            return False
        if self.particle and particle(doc, i) != self.particle:
            return False
        dobj = first_kid(doc, i, OBJ)
        if self.object_absent and dobj is not None:
            return False
        if self.no_clause and kids(doc, i, ("ccomp",)):
            return False
        participle = doc.tokens[i].dep == "acl" and doc.tokens[i].tag == "VBN"  # "missiles *requested* by X"
        if self.object_required and dobj is None and not kids(doc, i, PASS_SUBJ) and not participle:
            return False
        if self.bare_object and not self._bare(doc, i):
            return False  # "called him *a liar*", "called *off* the strike"
        if dobj is not None and _lemma(doc, dobj) in self.exclude_objects:
            return False
        if self.preps and not any(
            p in self.preps and doc.tokens[o].ent_type not in TIME_ENTS for p, o in prep_objects(doc, i)
        ):
            return False  # "called him *on Sunday*" is no "call on"
        if self.objects and self.object_token(doc, i) is None:
            return False
        if self.subjects:
            subj = first_kid(doc, i, SUBJ)
            # "*hundreds of* protesters stormed": a quantity head stands for its "of" object
            if subj is None or not {_lemma(doc, subj), _lemma(doc, semantic_head(doc, subj))} & self.subjects:
                return False
        if self.modifiers and not any(
            _lemma(doc, c) in self.modifiers for c in kids(doc, i, ("compound", "amod", "nmod", "npadvmod"))
        ):
            return False
        if self.xcomps and not any(_lemma(doc, c) in self.xcomps for c in kids(doc, i, ("xcomp",))):
            return False
        if self.exclude_context:
            sent = doc.sentence_of(i)
            return not any(
                _lemma(doc, j) in self.exclude_context for j in range(sent.start_token, sent.end_token)
            )
        return True

    @staticmethod
    def _bare(doc: AnnotatedDoc, i: int) -> bool:
        """Nothing but the object completes the verb; a time is an adjunct ("called him *Sunday*" parses
        the day as a predicate)."""
        comps = [
            c
            for c in kids(doc, i, (*OBJ, "dative", "oprd", "attr", "acomp", "ccomp", "prt", "xcomp"))
            if doc.tokens[c].ent_type not in TIME_ENTS
            and not (doc.tokens[c].dep == "xcomp" and doc.tokens[c].pos in ("VERB", "AUX"))
        ]
        if particle(doc, i) is not None or len(comps) != 1 or doc.tokens[comps[0]].dep not in OBJ:
            return False
        obj = doc.tokens[comps[0]]
        after = max(doc.subtree(obj.i)) + 1
        if after < len(doc.tokens) and doc.tokens[after].text in QUOTE_MARKS:
            return False  # "called the winner *“Miss Piggy”*", "calls Obamacare *‘crazy’*": a naming
        # a person: a name, a personal pronoun or a title noun ("called *his counterpart*"), not "Obamacare"
        return obj.ent_type == "PERSON" or obj.lower in PERSONAL_OBJECTS or obj.lemma.lower() in PERSON_TITLES


def _lemma(doc: AnnotatedDoc, i: int) -> str:
    return doc.tokens[i].lemma.lower()


def lemma_variants(doc: AnnotatedDoc, i: int) -> list[str]:
    """The parser's lemma plus stems from the word form: the small model mis-lemmatises some verbs
    ("staged" -> "stag"), and a trigger must not depend on that."""
    memo = doc.memo("lexicon.variants")  # asked for every token by the lexicon, modality and the rules
    found = memo.get(i)
    if found is None:
        found = memo[i] = tuple(_lemma_variants(doc, i))
    return list(found)


def _lemma_variants(doc: AnnotatedDoc, i: int) -> list[str]:
    t = doc.tokens[i]
    out = [t.lemma.lower()]
    w = t.lower
    if t.pos in ("VERB", "AUX"):
        if w.endswith("ied"):
            out.append(w[:-3] + "y")
        if w.endswith("ed"):
            out += [w[:-1], w[:-2], w[:-3] if len(w) > 4 and w[-3] == w[-4] else w[:-2]]
        if w.endswith("ing"):
            out += [w[:-3], w[:-3] + "e"]
        if w.endswith("s"):
            out.append(w[:-1])
    elif w.endswith("s") and len(w) > 3:
        out.append(w[:-1])
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class Lexicon:
    types: dict[str, dict[str, Any]]
    by_lemma: dict[tuple[str, str], tuple[Trigger, ...]]
    light_verbs: frozenset[str]
    future_aux: frozenset[str]
    planning_verbs: frozenset[str]
    cooperative_types: frozenset[str]
    conflictual_types: frozenset[str]
    symmetric_types: frozenset[str]
    actor_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    needs_recipient: frozenset[str] = frozenset()
    compiled: CameoLexicon | None = None  # the CAMEO verb dictionary, consulted where the YAML is silent

    def cameo(self, type_: str, entry: Trigger | None = None) -> str | None:
        """The entry's own CAMEO code when it has one and still names the event's type, else the type's
        root code from the crosswalk."""
        if entry is not None and entry.cameo and entry.type == type_:
            return entry.cameo
        codes = self.types.get(type_, {}).get("cameo") or []
        return str(codes[0]) if codes else None

    def triggers_at(self, doc: AnnotatedDoc, i: int) -> list[Trigger]:
        """The most specific entries matching token ``i`` (one per type)."""
        t = doc.tokens[i]
        pos = "verb" if t.pos in ("VERB", "AUX") else "noun" if t.pos in ("NOUN", "PROPN") else None
        if pos is None:
            return []
        variants = lemma_variants(doc, i)
        entries = [e for v in variants for e in self.by_lemma.get((pos, v), ())]
        found = [e for e in dict.fromkeys(entries) if e.matches(doc, i)]
        if not found:
            hit = self._compiled_at(doc, i, variants, entries) if pos == "verb" else None
            return [hit] if hit is not None else []
        top = max(e.specificity for e in found)
        best: dict[str, Trigger] = {}
        for e in found:
            if e.specificity == top and e.type not in best:
                best[e.type] = e
        return list(best.values())

    def _compiled_at(
        self, doc: AnnotatedDoc, i: int, variants: list[str], yaml_entries: list[Trigger]
    ) -> Trigger | None:
        """A CAMEO pattern for a verb the YAML lexicon did not code. Where a YAML entry for the same verb
        excludes this object or this context, the hand-written exclusion wins over the dictionary."""
        if self.compiled is None:
            return None
        obj = first_kid(doc, i, OBJ)
        for e in yaml_entries:
            if obj is not None and _lemma(doc, obj) in e.exclude_objects:
                return None
            if e.exclude_context:
                sent = doc.sentence_of(i)
                if any(_lemma(doc, j) in e.exclude_context for j in range(sent.start_token, sent.end_token)):
                    return None
        if any(v in self.reporting_verbs for v in variants):
            return None  # "announced the release of ...": the event is in the complement, not the speech
        hit = self.compiled.match(doc, i, variants, lambda j: self.names_party(doc, j))
        return None if hit is None else _compiled_trigger(hit[0], self.compiled)

    def names_party(self, doc: AnnotatedDoc, i: int) -> bool:
        """A person, group or body named here: a PERSON/ORG/NORP name or an actor noun ("diplomats",
        "hostages"). Places, things and pronouns are not ("captured *a base*", "seized *the city*")."""
        t = doc.tokens[semantic_head(doc, i)]
        if t.ent_type in ("PERSON", "ORG", "NORP"):
            return True
        if t.pos == "PRON":
            return (
                False  # the party must be named where the pattern stands: a pronoun's antecedent may be far
            )
        words = {t.lemma.lower(), t.lower}
        return bool(words & self.actor_nouns) and not words & PLACE_NOUNS


def _compiled_trigger(p: CameoPattern, compiled: CameoLexicon) -> Trigger:
    """The frame builder's view of a CAMEO pattern: its object is consumed as part of the trigger phrase and,
    when it names people ("expelled *two diplomats*", "released *the hostages*"), is the recipient."""
    return Trigger(
        type=p.type,
        id=p.rule,
        pos="verb",
        lemmas=frozenset({p.verb.lemma}),
        mode=p.mode,
        particle=p.particle or p.verb.particle,
        objects=compiled.heads(p),
        object_is_recipient=True,
        object_actor=True,  # no recipient found, no event
        confidence=CAMEO_CONFIDENCE,
        cameo=p.code,
    )


# actor_nouns also lists places ("targets too" of an attack); as the object of a CAMEO pattern a place is
# territory taken or a site searched, not the party acted on.
PLACE_NOUNS = frozenset(
    {"capital", "city", "town", "village", "camp", "region", "province", "district", "area", "territory",
     "border", "port", "base", "country", "nation", "state", "embassy", "mission"}
)  # fmt: skip
CAMEO_CONFIDENCE = 0.7  # below the hand-written entries' 0.8: the dictionary is broader and older

REPORTING_VERBS = (
    "say", "tell", "announce", "declare", "state", "add", "note", "stress", "report", "claim", "insist",
    "reiterate", "conclude", "confirm", "write", "quote", "explain", "affirm", "assert", "indicate", "argue",
    "suggest", "emphasize", "emphasise", "maintain", "acknowledge", "admit", "believe", "think",
)  # fmt: skip


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the ontology and every ``events/*.yaml`` lexicon once per process."""
    root = resources.files("newsevents.ontology")
    onto = yaml.safe_load(root.joinpath("plover.yaml").read_text("utf-8"))
    by_lemma: dict[tuple[str, str], list[Trigger]] = {}
    for entry in sorted(root.joinpath("events").iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".yaml"):
            continue
        data = yaml.safe_load(entry.read_text("utf-8"))
        type_ = data["type"]
        if type_ not in onto["types"]:
            raise ValueError(f"{entry.name}: unknown PLOVER type {type_!r}")
        for pos, key in (("verb", "verbs"), ("noun", "nouns")):
            for raw in data.get(key) or ():
                trig = Trigger.from_yaml(type_, pos, raw)  # type: ignore[arg-type]
                for lemma in trig.lemmas:
                    by_lemma.setdefault((pos, lemma), []).append(trig)
    return Lexicon(
        types=onto["types"],
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        light_verbs=_set(onto.get("light_verbs")),
        future_aux=_set(onto.get("future_aux")),
        planning_verbs=_set(onto.get("planning_verbs")),
        cooperative_types=frozenset(t.upper() for t in onto.get("cooperative_types", ())),
        conflictual_types=frozenset(t.upper() for t in onto.get("conflictual_types", ())),
        symmetric_types=frozenset(t.upper() for t in onto.get("symmetric_types", ())),
        actor_nouns=_set(onto.get("actor_nouns")),
        reporting_verbs=frozenset(REPORTING_VERBS),
        needs_recipient=frozenset(t.upper() for t in onto.get("needs_recipient", ())),
        compiled=load_cameo(),
    )
