"""In-article coreference by rules: which mentions refer to the same actor, and the rule behind each link.

Order of work (each step may only use what the earlier ones decided):

1. names cluster with names: same name, knowledge-base alias ("UN" / "United Nations"), surname or other part
   of a person's name ("Al-Hayya" / "Khalil al-Hayya"), acronym, a capital that acts for its state;
2. appositions, bracketed acronyms and pre-name titles attach descriptions to names ("Khalil al-Hayya, a
   senior official of ... Hamas"; "Iranian Parliament Speaker Mohammad Baqer Qalibaf");
3. nominals and pronouns, in text order, link to the most salient compatible cluster mentioned before them
   (grammatical subjects of reporting verbs first, then recency); a pronoun that opens an article before any
   person is named links forward (cataphora).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.mentions import MentionCandidate
from newsevents.extract.actors.nominals import title_mention
from newsevents.extract.actors.pronouns import link_pronoun
from newsevents.kb import KnownActor, actor_dictionary, countries, normalize

PERSON_LABELS = frozenset({"PERSON", "person"})
COLLECTIVE_LABELS = frozenset({"ORG", "GPE", "NORP", "org", "group", "country", "FAC", "LOC"})
NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-")
WINDOW_SENTENCES = 3
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})


@dataclass
class Cluster:
    """One entity of the article while it is being assembled."""

    label: str
    mentions: list[tuple[MentionCandidate, str]] = field(default_factory=list)
    words: set[str] = field(default_factory=set)  # words of its names, lower-cased
    keys: set[str] = field(default_factory=set)  # normalized full names
    kb: KnownActor | None = None
    country: str | None = None
    country_how: str | None = None
    sector: str | None = None
    role: str | None = None
    role_lemmas: set[str] = field(default_factory=set)
    modifiers: set[str] = field(default_factory=set)  # capitalised words of its descriptions ("Zionist")
    gender: str | None = None
    gender_guessed: bool = False  # only a forename says so: a pronoun of the other gender may still link
    number: str = "sg"
    affiliation: Cluster | None = None
    merged_into: Cluster | None = None

    @property
    def person(self) -> bool:
        return self.label in PERSON_LABELS

    def live(self) -> Cluster:
        c = self
        while c.merged_into is not None:
            c = c.merged_into
        return c

    def absorb(self, m: MentionCandidate) -> None:
        """Take over what a description says about its referent (first description wins per field)."""
        if m.country and not self.country:
            self.country, self.country_how = m.country[0], f"{m.kind}:{m.country[1]}"
        if m.sector and not self.sector:
            self.sector = m.sector
        if m.role and not self.role:
            self.role = m.role
        if m.role_lemma:
            self.role_lemmas.add(m.role_lemma)
        self.modifiers |= m.modifiers
        if m.gender and (not self.gender or self.gender_guessed and not m.gender_guessed):
            self.gender, self.gender_guessed = m.gender, m.gender_guessed

    def add(self, m: MentionCandidate, rule: str) -> None:
        self.mentions.append((m, rule))
        if m.kind == "name":
            key = normalize(m.text_key)
            self.keys.add(key)
            self.words.update(name_words(key))
        if m.kind != "pronoun":
            self.absorb(m)
        elif m.gender and (not self.gender or self.gender_guessed):
            self.gender, self.gender_guessed = m.gender, False  # a he/she settles a guessed gender


def name_words(key: str) -> set[str]:
    """Words of a name, with Arabic article prefixes also stripped ("al-hayya" gives "hayya" too)."""
    out = set()
    for w in key.split():
        w = w.strip(".,")
        if not w:
            continue
        out.add(w)
        for p in NAME_PARTICLES:
            if w.startswith(p) and len(w) > len(p) + 1:
                out.add(w[len(p) :])
    return out


def initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ACRONYM_STOPWORDS and w[:1].isalpha())


class Resolver:
    """Builds clusters for one article."""

    def __init__(self, doc: AnnotatedDoc, date: str | None, user_file: str | None) -> None:
        self.doc = doc
        self.date = date
        self.known = actor_dictionary(user_file)
        self.index = countries()
        self.clusters: list[Cluster] = []
        self.owner: dict[int, Cluster] = {}  # id(mention) -> cluster
        self.history: list[tuple[int, int, MentionCandidate]] = []  # (start token, seq, mention), sorted
        self._seq = 0

    # -- bookkeeping --------------------------------------------------------------------------------------
    def attach(self, m: MentionCandidate, cluster: Cluster, rule: str) -> None:
        cluster = cluster.live()
        cluster.add(m, rule)
        self.owner[id(m)] = cluster
        self._seq += 1
        bisect.insort(self.history, (m.start, self._seq, m))

    def new_cluster(self, m: MentionCandidate, rule: str) -> Cluster:
        c = Cluster(label=m.label, number=m.number)
        self.clusters.append(c)
        self.attach(m, c, rule)
        return c

    def mention_with_head(self, head: int) -> MentionCandidate | None:
        """The mention (already placed) whose head token is ``head``."""
        k = bisect.bisect_left(self.history, (self.doc.tokens[head].i - 8, -1))
        for _, _, x in self.history[k : k + 24]:
            if x.head == head:
                return x
        return None

    def cluster_of(self, m: MentionCandidate) -> Cluster | None:
        c = self.owner.get(id(m))
        return c.live() if c else None

    def merge(self, keep: Cluster, gone: Cluster, rule: str) -> None:
        keep, gone = keep.live(), gone.live()
        if keep is gone:
            return
        for k, (m, r) in enumerate(gone.mentions):
            keep.mentions.append(
                (m, rule if k == 0 else r)
            )  # the mention that founded ``gone`` joins by ``rule``
        keep.words |= gone.words
        keep.keys |= gone.keys
        keep.role_lemmas |= gone.role_lemmas
        keep.modifiers |= gone.modifiers
        keep.kb = keep.kb or gone.kb
        for attr in ("country", "country_how", "sector", "role"):
            if getattr(keep, attr) is None:
                setattr(keep, attr, getattr(gone, attr))
        if gone.gender and (keep.gender is None or keep.gender_guessed and not gone.gender_guessed):
            keep.gender, keep.gender_guessed = gone.gender, gone.gender_guessed
        gone.merged_into = keep
        gone.mentions = []

    def live_clusters(self) -> list[Cluster]:
        return [c for c in self.clusters if c.merged_into is None and c.mentions]

    # -- 1. names -----------------------------------------------------------------------------------------
    def cluster_names(self, names: list[MentionCandidate]) -> None:
        by_key: dict[str, Cluster] = {}
        by_kb: dict[int, Cluster] = {}
        by_country: dict[str, Cluster] = {}
        for m in sorted(names, key=lambda x: x.start):
            key = normalize(m.text_key)
            kb = self.known.lookup(key, self.date)
            iso = self.index.country(key) if m.label in ("GPE", "ORG", "NORP", "LOC") else None
            if iso is None and m.label in ("GPE", "ORG") and m.acts:
                capital_of = self.index.capital(key)
                if capital_of:
                    target = by_country.get(capital_of)
                    if target is not None:
                        self.attach(m, target, "capital")
                        continue
                    c = self.new_cluster(m, "capital")
                    c.label, c.country, c.country_how, c.sector = "GPE", capital_of, "capital", "GOV"
                    by_country[capital_of] = c
                    continue
            target, rule = None, "name"
            if key in by_key:
                target = by_key[key]
            elif kb is not None and id(kb) in by_kb:
                target, rule = by_kb[id(kb)], "kb_alias"
            elif iso is not None and iso in by_country:
                target, rule = by_country[iso], "kb_alias"
            else:
                target, rule = self._name_variant(m, key)
            if target is None:
                target = self.new_cluster(m, "name")
                target.kb = kb
                if iso is not None and m.label != "PERSON":
                    target.label, target.country, target.country_how = "GPE", iso, "country"
            else:
                self.attach(m, target, rule)
            target = target.live()
            by_key[key] = target
            if kb is not None:
                by_kb.setdefault(id(kb), target)
            if iso is not None and target.label == "GPE":
                by_country.setdefault(iso, target)

    def _name_variant(self, m: MentionCandidate, key: str) -> tuple[Cluster | None, str]:
        words = name_words(key)
        if not words:
            return None, "name"
        best: tuple[int, int, Cluster, str] | None = None
        single = len(key.split()) == 1
        for order, c in enumerate(self.live_clusters()):
            if not c.words or c.label in ("GPE", "NORP"):
                continue
            rule = ""
            if c.label == "PERSON" and (m.label == "PERSON" or (single and key[:1].isalpha())):
                if m.gender and c.gender and m.gender != c.gender:
                    continue
                if words <= c.words or (
                    m.label == "PERSON"
                    and c.words <= words
                    and len(c.keys) == 1
                    and all(len(k.split()) == 1 for k in c.keys)
                ):
                    rule = "surname" if single else "name_part"
            elif c.label == "ORG" and m.label == "ORG":
                if any(k.endswith(" " + key) for k in c.keys) and key not in ("party", "group"):
                    rule = "name_part"
                elif (
                    key.isalpha()
                    and len(key) >= 2
                    and key.upper() == m.text_key
                    and any(initials(k) == key for k in c.keys)
                ):
                    rule = "acronym"
            if rule:
                cand = (len(c.mentions), order, c, rule)
                if best is None or cand[:2] > best[:2]:
                    best = cand
        return (best[2], best[3]) if best else (None, "name")

    # -- 2. descriptions attached by syntax ---------------------------------------------------------------
    def attach_descriptions(
        self,
        names: list[MentionCandidate],
        appositions: list[tuple[MentionCandidate, MentionCandidate]],
        acronyms: list[tuple[MentionCandidate, MentionCandidate]],
    ) -> set[int]:
        """Link appositions, acronyms and titles; returns ids of nominal mentions now attached."""
        used: set[int] = set()
        for full, short in acronyms:
            a, b = self.cluster_of(full), self.cluster_of(short)
            if a and b:
                self.merge(a, b, "acronym")
        for name, other in appositions:
            c = self.cluster_of(name)
            if c is None:
                continue
            if other.kind == "name":
                o = self.cluster_of(other)
                if o is not None and c.person and o.gender and c.gender and o.gender != c.gender:
                    continue  # "George Washington, Martha Washington": a man and a woman are two people
                if o is not None and (o.label == c.label or {o.label, c.label} <= {"ORG", "GPE", "NORP"}):
                    self.merge(c, o, "apposition")
            elif other.kind == "nominal" and id(other) not in used:
                self.attach(other, c, "apposition")
                used.add(id(other))
        for name in names:
            if name.label != "PERSON":
                continue
            c = self.cluster_of(name)
            title = title_mention(self.doc, name)
            if c is None or title is None:
                if c is not None and name.honorific and (name.honorific.role or name.honorific.sector):
                    c.role = c.role or name.honorific.role
                    c.sector = c.sector or name.honorific.sector
                continue
            self.attach(title, c, "title")
            # The name mention spans the whole noun phrase, as attribution corpora mark sources
            # ("White House spokesman Josh Earnest"); the title stays a mention of its own.
            name.span = self.doc.span(min(title.start, name.start), name.end)
        return used

    # -- 3. nominals and pronouns -------------------------------------------------------------------------
    def recent(self, m: MentionCandidate, sentences: int) -> list[MentionCandidate]:
        """Mentions before ``m`` within ``sentences`` sentences, nearest first."""
        k = bisect.bisect_left(self.history, (m.start, -1))
        out = []
        for j in range(k - 1, -1, -1):
            prev = self.history[j][2]
            if prev.sent < m.sent - sentences:
                break
            if prev.end <= m.start:
                out.append(prev)
        return out

    def _salience(self, m: MentionCandidate, prev: MentionCandidate) -> float:
        distance = m.sent - prev.sent
        score = 10.0 - 2.5 * distance
        if prev.subject:
            score += 3.0
        if prev.reporting:
            score += 2.0
        if prev.kind == "name":
            score += 1.0
        if distance == 0:
            score += 0.01 * prev.start  # same sentence: nearer wins among equals
        return score

    def clause_head(self, i: int) -> int:
        """The word a noun phrase is an argument of, seen through titles, appositions and conjunctions."""
        j = i
        for _ in range(6):
            tok = self.doc.tokens[j]
            if tok.dep in ("compound", "amod", "appos", "conj", "flat") and tok.head != j:
                j = tok.head
            else:
                break
        return self.doc.tokens[j].head

    def _nominal_score(self, m: MentionCandidate, c: Cluster) -> float | None:
        """Evidence that nominal ``m`` describes cluster ``c`` (None: incompatible)."""
        if m.country and c.country and m.country[0] != c.country:
            return None
        if m.gender and c.gender and m.gender != c.gender:
            return None
        if m.modifiers and c.modifiers and not (m.modifiers & c.modifiers):
            return None  # "the Zionist regime" is not "the Pahlavi regime"
        score = 0.0
        if m.role_lemma and (m.role_lemma in c.role_lemmas or m.role_lemma in c.words):
            score += 4.0
        elif m.role_lemma and m.label != "person" and c.role_lemmas:
            return None  # a body described by another noun: "the government" is not "the embassy"
        if m.sector and c.sector:
            score += 2.0 if m.sector == c.sector else -3.0
        if m.country and c.country:
            score += 2.0
        return score

    def link_nominal(self, m: MentionCandidate) -> None:
        if m.label == "country":
            for prev in self.recent(m, WINDOW_SENTENCES + 2):
                c = self.cluster_of(prev)
                if c is not None and c.label == "GPE" and c.country:
                    self.attach(m, c, "nominal_country")
                    return
            return  # "the country" with no country before it names no actor
        if not m.definite:
            self.new_cluster(m, "nominal")
            return
        person = m.label == "person" and m.number == "sg"
        best: tuple[float, Cluster, str] | None = None
        for prev in self.recent(m, WINDOW_SENTENCES * 3):
            c = self.cluster_of(prev)
            if c is None or (c.person != person) or (m.number == "pl") != (c.number == "pl"):
                continue
            if not person and m.label != c.label and not (m.label == "org" and c.label == "ORG"):
                continue
            evidence = self._nominal_score(m, c)
            if evidence is None:
                continue
            salience = self._salience(m, prev) / 10.0
            # A person needs a shared role word or sector and country together; a body, one clue.
            if evidence >= (4.0 if person else 2.0):
                total, rule = evidence + salience, "nominal_role"
            elif person and m.subject and prev.subject and m.sent - prev.sent <= 2 and evidence >= 0:
                total, rule = (
                    salience,
                    "nominal_salient",
                )  # "The top Iranian lawmaker said" after "Qalibaf made"
            else:
                continue
            if best is None or total > best[0]:
                best = (total, c, rule)
        if best is not None:
            self.attach(m, best[1], best[2])
        else:
            self.new_cluster(m, "nominal")

    def link_in_order(self, mentions: list[MentionCandidate]) -> None:
        for m in sorted(mentions, key=lambda x: x.start):
            if m.kind == "pronoun":
                link_pronoun(self, m)
            else:
                self.link_nominal(m)

    # -- 4. affiliations ----------------------------------------------------------------------------------
    def resolve_affiliations(self) -> None:
        name_owner: dict[int, Cluster] = {}
        for c in self.live_clusters():
            for m, _ in c.mentions:
                if m.kind == "name":
                    for i in range(m.start, m.end):
                        name_owner[i] = c
        for c in self.live_clusters():
            if not c.person and any(m.kind == "name" for m, _ in c.mentions):
                continue  # named organisations and places keep their own identity
            for m, _ in c.mentions:
                for i in m.affiliation_tokens:
                    org = name_owner.get(i)
                    if org is not None and org is not c and not org.person:
                        org = org.live()
                        if c.affiliation is None or (org.kb and not c.affiliation.kb):
                            c.affiliation = org


def resolve(
    doc: AnnotatedDoc,
    names: list[MentionCandidate],
    nominals: list[MentionCandidate],
    pronouns: list[MentionCandidate],
    appositions: list[tuple[MentionCandidate, MentionCandidate]],
    acronyms: list[tuple[MentionCandidate, MentionCandidate]],
    date: str | None = None,
    user_file: str | None = None,
) -> list[Cluster]:
    """Cluster the article's mentions; returns the live clusters in order of first mention."""
    r = Resolver(doc, date, user_file)
    r.cluster_names(names)
    used = r.attach_descriptions(names, appositions, acronyms)
    r.link_in_order([m for m in nominals if id(m) not in used] + pronouns)
    r.resolve_affiliations()
    clusters = r.live_clusters()
    clusters.sort(key=lambda c: min(m.start for m, _ in c.mentions))
    return clusters
