"""Actors stage: mentions → coreference clusters → :class:`~newsevents.model.Actor` records.

Country and sector come, in this order, from the knowledge base (``kb/actors.yaml``, IGOs, the user's
``--actors`` file), from the words of the article (titles, appositions, demonyms, possessive capitals, role
nouns: see ``kb/roles.yaml``), from the organisation a person belongs to, and — only for an unmodified
"the government" / "the police" / "the army" — from the country the article is mostly about.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.coref import Cluster, resolve
from newsevents.extract.actors.focus import (
    FOCUS_DESCRIPTION_SECTORS,
    article_focus,
    owner_country,
    unowned_description,
)
from newsevents.extract.actors.mentions import (
    MentionCandidate,
    acronym_pairs,
    appositive_pairs,
    pronoun_mentions,
)
from newsevents.extract.actors.names import name_mentions
from newsevents.extract.actors.nominals import nominal_mentions
from newsevents.extract.actors.roles import country_clue, lexicon, place_country, sector_clue
from newsevents.extract.actors.table import ActorTable
from newsevents.kb import KnownActor, actor_dictionary, countries, make_code, normalize
from newsevents.kb.phoenix import cameo_sector
from newsevents.model import Actor, Mention, stable_id
from newsevents.registry import stages

if TYPE_CHECKING:
    from newsevents.extract.context import Context

RULE = "actors.v2"
KIND_OF_LABEL = {
    "PERSON": "PERSON",
    "person": "PERSON",
    "ORG": "ORG",
    "org": "ORG",
    "GPE": "GPE",
    "country": "GPE",
    "NORP": "NORP",
}
STATE_SECTORS = frozenset({"GOV", "LEG", "MIL", "COP", "JUD"})
FOCUS_FOR_PEOPLE = True  # a named person with no other clue is of the country the article is about
FOCUS_BODIES = STATE_SECTORS | {"POL"}  # named bodies of these sectors likewise


def _finish(
    doc: AnnotatedDoc,
    c: Cluster,
    date: str | None,
    user_file: str | None,
    focus: str | None,
    international: dict[int, str],
) -> None:
    """Fill country and sector from the knowledge base, the name's own words, affiliation or focus."""
    known = actor_dictionary(user_file)
    if c.kb is None:
        for m, _ in c.mentions:
            if m.kind == "name":
                c.kb = known.lookup(m.text_key, date)
                if c.kb:
                    break
    names = [m for m, _ in c.mentions if m.kind == "name"]
    if c.kb is None and c.label in ("PERSON", "ORG") and names:
        widest = max(names, key=lambda m: m.end - m.start).text_key
        c.kb = _by_surname(widest, date, user_file, person=c.label == "PERSON")
    if c.kb is not None:
        c.country = c.kb.country or c.country
        c.country_how = "kb" if c.kb.country else c.country_how
        if not (c.kb.sector == "ELI" and c.sector):  # a former office holder: the article's title says more
            c.sector = c.kb.sector or c.sector
    if c.kb is None and c.label == "ORG" and names:
        c.kb = _known_prefix(max(names, key=lambda m: m.end - m.start).text_key, date, user_file)
        if c.kb is not None:
            c.country, c.country_how = c.kb.country or c.country, "kb_prefix"
            c.sector = c.kb.sector or c.sector
    if c.label in ("ORG", "FAC", "LOC") and names and c.kb is None:
        longest = max(names, key=lambda m: m.end - m.start)
        if c.country is None:
            hit = country_clue(doc, list(range(longest.start, longest.end)))
            if hit is None and c.label == "ORG":
                hit = _place_name(longest.text_key)  # a city tagged as an organisation ("Kisumu said")
            if hit:
                c.country, c.country_how = hit[0], f"name:{hit[1]}"
        if c.sector is None:
            c.sector = sector_clue(longest.text_key.lower().split())
    if c.country is None and c.label in ("PERSON", "ORG") and names:
        hit = _possessor_country(doc, names)
        if hit is not None:
            c.country, c.country_how = hit[0], f"possessor:{hit[1]}"
    if c.affiliation is not None:
        org = c.affiliation
        if c.country is None and org.country:
            c.country, c.country_how = org.country, "affiliation"
        if org.sector and (c.sector is None or c.sector == "GOV" and org.sector != "GOV" and c.kb is None):
            # "a senior official of Hamas": the organisation's sector says more than the word "official"
            c.sector = org.sector
    if c.country is None and not names:
        hit = _place_of_group(doc, c)
        if hit is not None:
            c.country, c.country_how = hit
        elif (igo := _igo_modifier(c, date, user_file)) is not None:
            international[id(c)] = igo  # for _code: the group has no country, the body gives its code
    if (
        c.country is None
        and focus
        and not names
        and c.sector in FOCUS_DESCRIPTION_SECTORS
        and unowned_description(doc, c)
    ):
        # "officials said", "local officials", "opposition parties": the state the article is about
        c.country, c.country_how = focus, "article_focus"
    if c.country is None and focus and c.label == "PERSON" and names and FOCUS_FOR_PEOPLE:
        c.country, c.country_how = focus, "article_focus_person"
    if (
        c.country is None
        and focus
        and c.label == "ORG"
        and names
        and c.kb is None
        and c.sector in FOCUS_BODIES
    ):
        # "Parliament", "the Navy", "the Labour Party" with no country of their own: the article's country's
        c.country, c.country_how = focus, "article_focus_body"


def _by_surname(name: str, date: str | None, user_file: str | None, person: bool) -> KnownActor | None:
    """The KB person an article's name means when the KB does not have the name as written.

    A surname alone ("Kuleba said") is taken when exactly one person in the KB has it; a full name whose
    surname the KB has ("Dmitri Kuleba") only when the forenames agree on their first three letters too, so
    that "Mike Kelly" is not taken for another Kelly; a surname of six letters or more may be misspelt by about
    one letter ("Francois Mitterand").  A leading title ("PM Modi") is dropped first.
    """
    words = [w for w in name.replace(".", " ").split() if w]
    known = actor_dictionary(user_file)
    lex = lexicon()
    titled = False
    while len(words) > 1 and (
        lex.honorific(words[0]) or lex.role(words[0]) or words[0] in ("PM", "Archbishop")
    ):
        words, titled = words[1:], True  # "PM Modi", "Sheikh Tamim": the title is not part of the name
    if titled:
        hit = known.lookup(" ".join(words), date)
        if hit is not None:
            return hit
    if not person or not words or not words[0][:1].isupper():
        return None
    if len(words) == 1:
        return known.surname(words[0], date)
    hit = known.surname(words[-1], date, initial=words[0][:3])
    if hit is None and len(words[-1]) >= 6:
        hit = known.close_surname(words[-1], date, initial=words[0][:3])
    if hit is None or hit.name.split()[0][:3].lower() != words[0][:3].lower():
        return None
    return hit


PLACE_PREPS = frozenset({"in", "from", "at"})


def _owned_descriptions(doc: AnnotatedDoc, clusters: list[Cluster]) -> None:
    """A nameless state body or official still without a country takes its named owner's, once every
    named actor has its own: "the government of President Laurent Gbagbo" → Gbagbo's country."""
    names_at = {
        i: c for c in clusters for m, _ in c.mentions if m.kind == "name" for i in range(m.start, m.end)
    }
    for c in clusters:
        nameless = all(m.kind != "name" for m, _ in c.mentions)
        if c.country is None and c.sector in FOCUS_DESCRIPTION_SECTORS and nameless:
            iso = owner_country(doc, c, names_at)
            if iso is not None:
                c.country, c.country_how = iso, "owner"


def _possessor_country(doc: AnnotatedDoc, names: list[MentionCandidate]) -> tuple[str, str] | None:
    """(country, how) of a country that owns a name: "Iran's semi-official Fars news agency"."""
    for m in names:
        for k in doc.children[m.head]:
            if doc.tokens[k].dep == "poss" and not m.start <= k < m.end:
                hit = country_clue(doc, doc.subtree(k))
                if hit is not None:
                    return hit
    return None


def _igo_modifier(c: Cluster, date: str | None, user_file: str | None) -> str | None:
    """The code of an international body that modifies a group ("NATO peacekeeping troops" → IGO…)."""
    known = actor_dictionary(user_file)
    for word in sorted(c.modifiers):
        hit = known.lookup(word, date)
        if hit is not None and hit.country is None and hit.code and hit.code[:3] in ("IGO", "NGO"):
            return hit.code
    return None


def _place_name(name: str) -> tuple[str, str] | None:
    """(country, kind) of a whole name that is a populated place in the gazetteer."""
    return place_country(name)


def _place_of_group(doc: AnnotatedDoc, c: Cluster) -> tuple[str, str] | None:
    """(country, how) of a group placed by a preposition: "protesters *in Lima*" → PER, "police *in Basra*"."""
    index = countries()
    for m, _ in c.mentions:
        if m.kind != "nominal":
            continue
        for p in doc.children[m.head]:
            if doc.tokens[p].dep != "prep" or doc.tokens[p].lower not in PLACE_PREPS:
                continue
            for o in doc.children[p]:
                k = doc.ent_of_token[o]
                if doc.tokens[o].dep != "pobj" or k is None or doc.ents[k].label not in ("GPE", "LOC"):
                    continue
                text = doc.ents[k].text
                hit = index.any(text)
                if hit is not None:
                    return hit[0], f"place:{hit[1]}"
                place = _place_name(text)
                if place is not None:
                    return place[0], f"place:{place[1]}"
    return None


def _known_prefix(name: str, date: str | None, user_file: str | None) -> KnownActor | None:
    """A known organisation at the start of a longer name: "Hezbollah Resistance Movement" → Hezbollah.

    The rest of the name must not name a country ("Democratic Party of Japan" is not the US party).
    """
    words = name.split()
    index = countries()
    if any(index.any(w) for w in words[1:]):
        return None
    known = actor_dictionary(user_file)
    for k in range(len(words) - 1, 0, -1):
        hit = known.lookup(" ".join(words[:k]), date)
        if hit is not None and hit.kind == "ORG":
            return hit
    return None


def _compiled(c: Cluster) -> bool:
    """Whether the cluster's entry comes from the compiled dictionaries (whose names and kinds are guesses
    made from upper-case phrases: the article's own name and the entity label are kept for those)."""
    return c.kb is not None and c.kb.source == "kb:compiled"


def _name(c: Cluster) -> str:
    if c.kb is not None and not _compiled(c):
        return c.kb.name
    names = [m for m, _ in c.mentions if m.kind == "name"]
    if names and c.label == "GPE" and c.country:
        # A country is called by its most frequent name, then by the name the country table uses.
        official = normalize(countries().by_iso3[c.country].name) if c.country in countries().by_iso3 else ""
        freq = Counter(normalize(m.text_key) for m in names)
        best = max(names, key=lambda m: (freq[normalize(m.text_key)], normalize(m.text_key) == official))
        return best.text_key[4:] if best.text_key.lower().startswith("the ") else best.text_key
    if names:
        best = max(names, key=lambda m: (len(m.text_key), -m.start))
        text = best.text_key
        return text[4:] if text.lower().startswith("the ") else text
    nominals = [m for m, _ in c.mentions if m.kind == "nominal"]
    if nominals:
        text = max(nominals, key=lambda m: (len(m.span.text), -m.start)).span.text
        first, _, rest = text.partition(" ")
        return rest if first.lower() in ("the", "a", "an") and rest else text
    return c.mentions[0][0].span.text


def _code(c: Cluster, international: dict[int, str]) -> str | None:
    """The entry's CAMEO code when its country is the actor's; else one made of country and sector (or the
    international body that modifies the group, then the sector: "NATO troops" → IGOWSTNATMIL)."""
    if c.kb is not None and c.kb.code and c.kb.country == c.country:
        return c.kb.code
    igo = international.get(id(c))
    if igo is not None:
        return igo + (cameo_sector(c.sector) or "")
    return make_code(c.country, c.sector)


def _rule(c: Cluster) -> str:
    """The stage's rule, with how the country was decided when there is one: "actors.v2.kb",
    "actors.v2.nominal:demonym", "actors.v2.affiliation", "actors.v2.article_focus"."""
    return f"{RULE}.{c.country_how}" if c.country and c.country_how else RULE


def _kind(c: Cluster) -> str:
    if c.kb is not None and c.label not in ("PERSON", "GPE") and not _compiled(c):
        return c.kb.kind if c.kb.kind in ("PERSON", "ORG", "GPE", "NORP") else "OTHER"
    return KIND_OF_LABEL.get(c.label, "OTHER")


def build_actors(
    doc: AnnotatedDoc, article_id: str, date: str | None = None, user_file: str | None = None
) -> list[Actor]:
    """Every actor of one parsed article, with its mentions and the rule behind each link."""
    names = name_mentions(doc, date, user_file)
    name_tokens = {i for m in names for i in range(m.start, m.end)}
    nominals = nominal_mentions(doc, name_tokens)
    pronouns = pronoun_mentions(doc)
    by_head = {m.head: m for m in nominals}
    by_head.update({m.head: m for m in names})
    clusters = resolve(
        doc,
        names,
        nominals,
        pronouns,
        appositive_pairs(doc, by_head),
        acronym_pairs(doc, names),
        date,
        user_file,
    )
    focus = article_focus(doc, clusters)
    international: dict[int, str] = {}  # codes of groups an international body modifies ("NATO troops")
    for c in sorted(clusters, key=lambda c: c.person):  # organisations first: persons inherit from them
        _finish(doc, c, date, user_file, focus, international)
    _owned_descriptions(doc, clusters)
    ids: dict[int, str] = {}
    for c in clusters:
        first = min(m.start for m, _ in c.mentions)
        ids[id(c)] = stable_id(article_id, _kind(c), normalize(_name(c)), doc.tokens[first].start)
    actors = []
    for c in clusters:
        seen: set[tuple[int, int]] = set()
        mentions = []
        for m, rule in sorted(c.mentions, key=lambda p: (p[0].span.start, p[0].span.end)):
            if (m.span.start, m.span.end) in seen:
                continue
            seen.add((m.span.start, m.span.end))
            mentions.append(Mention(m.span, m.kind, rule))  # type: ignore[arg-type]
        affiliation = c.affiliation.live() if c.affiliation is not None else None
        actors.append(
            Actor(
                id=ids[id(c)],
                article_id=article_id,
                name=_name(c),
                kind=_kind(c),  # type: ignore[arg-type]
                country=c.country,
                sector=c.sector,
                role=c.role,
                mentions=tuple(mentions),
                affiliation=ids.get(id(affiliation)) if affiliation is not None else None,
                rule=_rule(c),
                kb_id=c.kb.kb_id if c.kb is not None else None,
                code=_code(c, international),
                kb_name=c.kb.name if c.kb is not None else None,
            )
        )
    return actors


@stages.register("actors", assigns=("actors",))
def extract_actors(ctx: Context) -> ActorTable:
    """The actors stage: builds the :class:`ActorTable` that the quotes and events stages query."""
    actors = build_actors(ctx.doc, ctx.article.id, ctx.article.date, ctx.options.actors_file)
    return ActorTable.build(actors)
