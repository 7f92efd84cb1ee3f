"""The compiled CAMEO verb dictionary (``ontology/cameo_verbs.json``) as a second trigger lexicon.

``scripts/compile_cameo_verbs.py`` turns PETRARCH2's CAMEO.2.0 verb patterns into JSON, each pattern coded
with a PLOVER type and mode through the CAMEO -> PLOVER table. Here a pattern is matched against the
dependency parse: the verb's lemma, its particle, its direct object (head word plus modifiers, or a word
class such as ``&WEAPON``), its prepositional phrases ("cut ties *with* X", "removed *from office*") and, for
the few patterns that name one, its subject ("*gunmen* released hostages").

This lexicon only speaks where the hand-written YAML lexicon is silent (see ``Lexicon.triggers_at``), and
precision decides which pattern classes are used (:data:`ENABLED`, figures in docs/ontology.md): verb +
object and verb + preposition patterns whose party stands named in the pattern ("expelled *two
diplomats*", "cut ties *with Iran*", "released *26 members* on bail"), for the verbs their comment names
("RECALL AMBASSADOR", not "REMEMBER AMBASSADOR" from the same WordNet synonym block). Bare verbs,
subject-only patterns, generic root codes (030, 160 ...), a place, thing or pronoun as the only party added
false alarms on real articles and no correct event.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.syntax import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    kids,
    particle,
    prep_objects,
    semantic_head,
)

DATA_FILE = "cameo_verbs.json"
# Which pattern classes fire: measured on real-dev and plover-dev (docs/ontology.md); every class switched
# off here added false alarms on real articles and (almost) no correct event.
ENABLED = {
    "object": True,  # verb + direct object ("expelled *diplomats*")
    "prep": True,  # verb + prepositional phrase, when its object names a party ("freed *them* on bail")
    "subject": False,  # verb + subject only ("*police* seized"): a bare verb in all but name
    "bare": False,  # a verb's own code with nothing else matched ("remove", "free", "cut")
    "synonyms": False,  # also the other verbs of the pattern's WordNet synonym block ("remember" for "recall")
    "generic": False,  # root codes such as 030, 040, 160 ("express intent to cooperate", "reduce relations")
    "verbal": True,  # verbal types (AGREE ... THREATEN), when a party stands in the pattern
    "thing_object": False,  # an object that names no party ("captured *a base*", "recover *firearms*")
}
VERBAL_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
}
DYADIC_PREPS = ("with", "to", "on", "against", "from", "toward", "towards", "for")
# The dictionary's own word classes of people: an object in one of them names a party.
PERSON_CLASSES = (
    "HOSTAGE",
    "PEOPLE",
    "REFUGEE",
    "SUSPECT",
    "LEADER",
    "NEGOTIATOR",
    "OPPOSITION",
    "MILITARY",
)
OBJECT_DEPS = (*OBJ, *PASS_SUBJ, "attr", "oprd", "acomp")


@lru_cache(maxsize=1 << 16)  # the same dictionary and article words are compared again and again
def _variants(word: str) -> frozenset[str]:
    """The dictionary writes some nouns in the plural ("TIES", "DIPLOMATS"): compare singular forms too."""
    out = {word}
    if word.endswith("ies") and len(word) > 4:
        out.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.add(word[:-1])
    return frozenset(out)


def _token_forms(doc: AnnotatedDoc, i: int) -> frozenset[str]:
    memo = doc.memo("cameo.forms")
    found = memo.get(i)
    if found is None:
        t = doc.tokens[i]
        found = memo[i] = _variants(t.lower) | _variants(t.lemma.lower())
    return found


def _left_forms(doc: AnnotatedDoc, head: int) -> frozenset[str]:
    """The forms of the words of the noun phrase left of its head ("*diplomatic* ties", "*arms* shipment")."""
    memo = doc.memo("cameo.left")
    found = memo.get(head)
    if found is None:
        left = [j for j in doc.subtree(head) if j < head]
        found = memo[head] = frozenset().union(*(_token_forms(doc, j) for j in left))
    return found


@dataclass(frozen=True)
class Term:
    """A phrase of the dictionary: elements, head last; an element is a word or a ``&CLASS`` name."""

    elements: tuple[str, ...]

    def heads(self, classes: dict[str, tuple[tuple[str, ...], ...]]) -> frozenset[str]:
        """Every word that can be the phrase's head (for the frame builder's object lookup)."""
        last = self.elements[-1]
        words = [m[-1] for m in classes.get(last[1:], ())] if last.startswith("&") else [last]
        return frozenset(v for w in words for v in _variants(w))

    def matches(
        self,
        doc: AnnotatedDoc,
        head: int,
        classes: dict[str, tuple[tuple[str, ...], ...]],
    ) -> bool:
        left_forms = _left_forms(doc, head)
        forms = _token_forms(doc, head)
        *mods, last = self.elements
        if not _element_is(last, forms, left_forms, classes):
            return False
        return all(_element_is(m, left_forms, left_forms, classes) for m in mods)


def _element_is(
    element: str,
    forms: frozenset[str],
    left_forms: frozenset[str],
    classes: dict[str, tuple[tuple[str, ...], ...]],
) -> bool:
    if not element.startswith("&"):
        return bool(_variants(element) & forms)
    # the class members whose head is one of the token's forms, found by index rather than by a walk
    # through the whole class (&WEAPON, &MILITARY have hundreds of members)
    heads = _class_heads(classes, element[1:])
    for form in forms:
        for mods in heads.get(form, ()):
            if all(_variants(m) & left_forms for m in mods):
                return True
    return False


# id(classes) -> (classes, {class name: {head form: [the modifiers of each member with that head]}})
_CLASS_INDEX: dict[int, tuple[object, dict[str, dict[str, list[tuple[str, ...]]]]]] = {}


def _class_heads(
    classes: dict[str, tuple[tuple[str, ...], ...]], name: str
) -> dict[str, list[tuple[str, ...]]]:
    entry = _CLASS_INDEX.get(id(classes))
    if entry is None or entry[0] is not classes:
        entry = _CLASS_INDEX[id(classes)] = (classes, {})
    found = entry[1].get(name)
    if found is None:
        found = entry[1][name] = {}
        for member in classes.get(name, ()):
            *mods, last = member
            for v in _variants(last):
                found.setdefault(v, []).append(tuple(mods))
    return found


@dataclass(frozen=True)
class VerbForm:
    """One verb of a synonym block: lemma plus the words a multi-word verb needs ("kick *out*")."""

    lemma: str
    particle: str | None = None
    prep: str | None = None
    before: str | None = None


@dataclass(frozen=True)
class CameoPattern:
    id: str
    code: str
    type: str
    mode: str
    verb: VerbForm
    subject: Term | None = None
    particle: str | None = None
    object: Term | None = None
    preps: tuple[tuple[str, Term | None], ...] = ()
    bare: bool = False
    synonym: bool = False  # the verb is not one the pattern's comment names

    @property
    def rule(self) -> str:
        return f"cameo:{self.code}:{self.id}"

    @property
    def specificity(self) -> int:
        n = len(self.object.elements) if self.object else 0
        n += sum(1 + (len(t.elements) if t else 0) for _, t in self.preps)
        return n + bool(self.subject) + bool(self.particle or self.verb.particle)

    @property
    def pattern_class(self) -> str:
        if self.bare:
            return "bare"
        if self.subject:
            return "subject"
        return "object" if self.object else "prep"

    def object_token(
        self, doc: AnnotatedDoc, i: int, classes: dict[str, tuple[tuple[str, ...], ...]]
    ) -> int | None:
        if self.object is None:
            return None
        for c in kids(doc, i, OBJECT_DEPS):
            for h in dict.fromkeys((c, semantic_head(doc, c))):
                if self.object.matches(doc, h, classes):
                    return h
        return None

    def matches(self, doc: AnnotatedDoc, i: int, classes: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
        v = self.verb
        want_particle = self.particle or v.particle
        verb_particle, verb_pps = _verb_parts(doc, i)
        if verb_particle != want_particle:
            return False  # a phrasal verb is another verb ("carry out" is not "carry")
        if v.before is not None and (i == 0 or doc.tokens[i - 1].lower != v.before):
            return False
        pps = list(verb_pps)
        if v.prep is not None and not any(p == v.prep for p, _ in pps):
            return False
        obj = None
        if self.object is not None:
            obj = self.object_token(doc, i, classes)
            if obj is None:
                return False
            pps = pps + prep_objects(doc, obj)  # "cut the number (of troops)": the object's own phrase
        for prep, t in self.preps:
            if not any(
                p == prep and (t is None or t.matches(doc, semantic_head(doc, o), classes)) for p, o in pps
            ):
                return False
        if self.subject is not None:
            subj = kids(doc, i, SUBJ)
            if not subj or not self.subject.matches(doc, semantic_head(doc, subj[0]), classes):
                return False
        return True


def _verb_parts(doc: AnnotatedDoc, i: int) -> tuple[str | None, tuple[tuple[str, int], ...]]:
    """The particle and the prepositional objects of the verb at ``i``, read once for all its patterns."""
    memo = doc.memo("cameo.verb")
    found = memo.get(i)
    if found is None:
        found = memo[i] = (particle(doc, i), tuple(prep_objects(doc, i)))
    return found


@dataclass(frozen=True)
class CameoLexicon:
    classes: dict[str, tuple[tuple[str, ...], ...]]
    by_lemma: dict[str, tuple[CameoPattern, ...]]
    party_words: frozenset[str] = frozenset()

    def match(
        self,
        doc: AnnotatedDoc,
        i: int,
        lemmas: list[str],
        is_party: Callable[[int], bool],
    ) -> tuple[CameoPattern, int | None] | None:
        """The most specific enabled pattern matching the verb at ``i`` (first in the dictionary on a tie),
        with its object token. ``is_party`` says whether a token names a person, group or body."""
        best: tuple[CameoPattern, int | None] | None = None
        for lemma in dict.fromkeys(lemmas):
            for p in self.by_lemma.get(lemma, ()):
                if not self.enabled(p) or not p.matches(doc, i, self.classes):
                    continue
                obj = p.object_token(doc, i, self.classes)
                if obj is None:
                    # a bare verb or a preposition-only pattern speaks of the party it acts on:
                    # "exiled *the dissident*", "released *26 members* on bail"
                    obj = next(iter(kids(doc, i, (*OBJ, *PASS_SUBJ))), None)
                    if obj is None or not self.names_party(doc, obj, is_party):
                        continue
                elif not ENABLED["thing_object"] and not self.party_in_pattern(doc, i, obj, is_party):
                    continue
                if best is None or p.specificity > best[0].specificity:
                    best = (p, obj)
        return best

    def party_in_pattern(self, doc: AnnotatedDoc, v: int, obj: int, is_party: Callable[[int], bool]) -> bool:
        """The party acted on stands in the pattern itself: the object ("expelled *two diplomats*"), the
        object's possessor ("suspended *Mali's* membership") or a dyadic preposition's object ("cut ties
        *with Iran*"). A country counts there, but not as the object itself ("seized *the city*")."""
        if self.names_party(doc, obj, is_party):
            return True
        for j in kids(doc, obj, ("poss",)) + [
            o for p, o in prep_objects(doc, v) + prep_objects(doc, obj) if p in DYADIC_PREPS
        ]:
            if doc.tokens[j].ent_type in (
                "GPE",
                "NORP",
                "ORG",
                "PERSON",
            ) or self.names_party(doc, j, is_party):
                return True
        return False

    def names_party(self, doc: AnnotatedDoc, i: int, is_party: Callable[[int], bool]) -> bool:
        if doc.tokens[i].ent_type in ("GPE", "LOC", "FAC"):
            return False
        return is_party(i) or bool(_token_forms(doc, i) & self.party_words)

    @staticmethod
    def enabled(p: CameoPattern) -> bool:
        if not ENABLED[p.pattern_class] or (p.synonym and not ENABLED["synonyms"]):
            return False
        if not ENABLED["generic"] and len(p.code) == 3 and p.code.endswith("0"):
            return False
        return ENABLED["verbal"] or p.type not in VERBAL_TYPES

    def heads(self, p: CameoPattern) -> frozenset[str]:
        return p.object.heads(self.classes) if p.object else frozenset()

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_lemma.values())


def _term(raw: list[str] | None) -> Term | None:
    return Term(tuple(raw)) if raw else None


def _patterns(block: dict[str, Any]) -> list[CameoPattern]:
    """The block's patterns, one per verb they apply to, built only for the classes :data:`ENABLED` keeps."""
    out: list[CameoPattern] = []
    forms = [
        VerbForm(
            v["lemma"],
            v.get("particle"),
            v.get("prep"),
            (v.get("before") or [None])[-1],
        )
        for v in block["verbs"]
    ]
    for raw, form in zip(block["verbs"], forms, strict=True):
        bare = raw.get("bare")
        if bare and ENABLED["bare"]:
            out.append(CameoPattern(f"{block['name'].split()[0].lower()}-0", bare["code"], bare["type"],
                                    bare["mode"], form, bare=True))  # fmt: skip
    for p in block["patterns"]:
        origin = set(p.get("origin") or ())
        proto = CameoPattern(
            id=p["id"],
            code=p["code"],
            type=p["type"],
            mode=p["mode"],
            verb=forms[0],
            subject=_term(p.get("subject")),
            particle=p.get("particle"),
            object=_term(p.get("object")),
            preps=tuple((prep, _term(t)) for prep, t in p.get("preps") or ()),
        )
        if not CameoLexicon.enabled(proto):
            continue
        for form in forms:
            synonym = bool(origin) and form.lemma not in origin
            if not synonym or ENABLED["synonyms"]:
                out.append(replace(proto, verb=form, synonym=synonym))
    return out


@lru_cache(maxsize=1)
def load_cameo() -> CameoLexicon:
    """Read the compiled dictionary once per process, keeping the pattern classes :data:`ENABLED` lets fire
    (change ``ENABLED``, then ``load_cameo.cache_clear()``, to measure another selection)."""
    text = resources.files("newsevents.ontology").joinpath(DATA_FILE).read_text("utf-8")
    data = json.loads(text)
    classes = {k: tuple(tuple(m.split()) for m in v) for k, v in data["classes"].items()}
    by_lemma: dict[str, list[CameoPattern]] = {}
    for block in data["blocks"]:
        for p in _patterns(block):
            by_lemma.setdefault(p.verb.lemma, []).append(p)
    party = frozenset(v for c in PERSON_CLASSES for m in classes.get(c, ()) for v in _variants(m[-1]))
    return CameoLexicon(classes, {k: tuple(v) for k, v in by_lemma.items()}, party)
