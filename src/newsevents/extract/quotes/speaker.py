"""A speaker found inside quoted words is a misparse: the speaker is looked for outside the quote marks.

A cue after a quote sometimes gets a subject from inside the quote ("“We were wrong,” Ramos, 58, told AFP"
parsed with "We" as the subject; "“… Trump articulates it,” he points out"). Nobody speaks from inside the
marks of the sentence that attributes them, so such a speaker is replaced by the actor mention of the cue's
sentence that lies outside every quote: a subject nearest the cue first, then the nearest mention before the
cue, then the first one after it ("said Ramos"); objects of the cue ("told AFP") are never the speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.table import ActorTable
from newsevents.extract.quotes.base import Candidate
from newsevents.extract.quotes.cues import load_cues
from newsevents.kb import phrase_country
from newsevents.model import Actor, Mention, ResolvedBy, Span, Speaker

_OBJECT_DEPS = {"dobj", "dative", "pobj", "iobj", "obj"}


def _inside(start: int, quoted: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in quoted)


def outside_quotes(
    doc: AnnotatedDoc, actors: ActorTable, cand: Candidate, quoted: Sequence[tuple[int, int]]
) -> Candidate:
    """``cand`` with its speaker moved out of quoted words when the parse put it inside them."""
    if cand.speaker is None or cand.cue is None or cand.inherited:
        return cand
    if not _inside(cand.speaker[0], quoted) or _inside(cand.cue[0], quoted):
        return cand
    cue = doc.token_at(cand.cue[0])
    if cue is None:
        return cand
    sent = doc.sentence_of(cue)
    best: tuple[tuple[int, int], tuple[int, int]] | None = None
    for mention, _ in actors.mentions_in(sent.start, sent.end):
        span = mention.span
        if _inside(span.start, quoted) or cand.start <= span.start < cand.end:
            continue
        head = doc.token_at(span.end - 1)
        if head is None:
            continue
        dep = doc.tokens[head].dep
        if dep in _OBJECT_DEPS:
            continue
        before = span.end <= cand.cue[0]
        distance = cand.cue[0] - span.end if before else span.start - cand.cue[1]
        key = (0 if dep.startswith("nsubj") else 1 if before else 2, distance)
        if best is None or key < best[0]:
            best = (key, (span.start, span.end))
    if best is None:
        # No actor there (the tagger missed "PM Modi"): the cue's own subject words outside the marks.
        for k in doc.children[cue]:
            sub = doc.subtree(k)
            start, end = doc.tokens[sub[0]].start, doc.tokens[sub[-1]].end
            if (
                doc.tokens[k].dep == "nsubj"
                and not _inside(start, quoted)
                and not cand.start <= start < cand.end
            ):
                return replace(cand, speaker=(start, end), speaker_head=(start, end))
        # The parse broke down ("” PM Modi tweeted" with "Modi" an auxiliary): the words between the
        # closing mark and the cue, when they are a short run of capitalised words.
        words = [k for k in range(sent.start_token, cue) if doc.tokens[k].start >= cand.end]
        words = [k for k in words if not _inside(doc.tokens[k].start, quoted)]
        while words and not doc.tokens[words[0]].text[:1].isalnum():
            words = words[1:]
        if 1 <= len(words) <= 4 and all(doc.tokens[k].text[:1].isupper() for k in words):
            start, end = doc.tokens[words[0]].start, doc.tokens[words[-1]].end
            return replace(cand, speaker=(start, end), speaker_head=(start, end))
        return cand
    return replace(cand, speaker=best[1], speaker_head=best[1])


# -- bodies that speak through a document ------------------------------------------------------------------
# "the statement said", "according to a statement": the speaker is whoever issued the document, never the
# word "statement".  The issuer is read off the document noun itself ("the ministry's statement", "a
# statement by/from/of the ministry", "a statement issued by ...", "a Foreign Ministry statement"), or off
# the clause that brought it ("the ministry said in a statement", "the ministry issued a statement"), first
# at the noun that speaks, then at the nearest earlier noun of the same kind in the text.
_ISSUER_PREPS = frozenset({"by", "from", "of"})
_CARRIER_PREPS = frozenset({"in", "through", "via", "with"})
_ISSUING_VERBS = frozenset(
    {"issue", "release", "publish", "put", "send", "post", "make", "circulate", "share"}
)
ISSUED_ONLY = frozenset({"statement", "communique", "communiqué", "release", "declaration"})
_EARLIER_DOCUMENTS = 60  # sentences back to look for the document's first mention


def _actor_at_token(doc: AnnotatedDoc, actors: ActorTable, i: int) -> tuple[Mention, Actor] | None:
    """The actor of the phrase headed by token ``i`` (its own words; not a name inside a modifier)."""
    sub = doc.subtree(i)
    start, end = doc.tokens[sub[0]].start, doc.tokens[sub[-1]].end
    hit = actors.head_mention(start, end)
    if hit is None or hit[0].span.start > doc.tokens[i].end:
        return None
    return hit


def _issuer_at(doc: AnnotatedDoc, actors: ActorTable, noun: int) -> tuple[Mention, Actor] | None:
    toks = doc.tokens
    for c in doc.children[noun]:
        dep = toks[c].dep
        if dep in ("poss", "compound") and c < noun:
            hit = _actor_at_token(doc, actors, c)
            if hit is not None:
                return hit
        if dep == "prep" and toks[c].lower in _ISSUER_PREPS:
            for g in doc.children[c]:
                if toks[g].dep == "pobj" and (hit := _actor_at_token(doc, actors, g)) is not None:
                    return hit
        if dep == "acl":  # "a statement issued by the ministry"
            for g in doc.children[c]:
                for h in doc.children[g] if toks[g].dep == "agent" else ():
                    if toks[h].dep == "pobj" and (hit := _actor_at_token(doc, actors, h)) is not None:
                        return hit
    tok = toks[noun]
    verb = None
    if tok.dep == "pobj" and toks[tok.head].lower in _CARRIER_PREPS:
        verb = toks[tok.head].head  # "X said in a statement"
    elif tok.dep == "dobj" and toks[tok.head].lemma.lower() in _ISSUING_VERBS:
        verb = tok.head  # "X issued a statement"
    if verb is None or toks[verb].pos not in ("VERB", "AUX"):
        return None
    for c in doc.children[verb]:
        if toks[c].dep == "nsubj" and (hit := _actor_at_token(doc, actors, c)) is not None:
            return hit
    return None


def document_noun(doc: AnnotatedDoc, start: int, end: int) -> int | None:
    """The document noun ("statement", "report") heading the words ``[start, end)``, if they name one."""
    nouns = load_cues().document_nouns
    heads = [i for i in doc.tokens_within(start, end) if doc.tokens[i].lemma.lower() in nouns]
    if not heads or doc.tokens[heads[-1]].pos not in ("NOUN", "PROPN"):
        return None
    return heads[-1]


def document_issuer(doc: AnnotatedDoc, actors: ActorTable, noun: int) -> tuple[Mention, Actor] | None:
    """Who issued the document ``noun`` names (None: no issuer found)."""
    hit = _issuer_at(doc, actors, noun)
    if hit is not None:
        return hit
    lemma = doc.tokens[noun].lemma.lower()
    first_sent = doc.tokens[noun].sent - _EARLIER_DOCUMENTS
    for k in range(noun - 1, -1, -1):
        tok = doc.tokens[k]
        if tok.sent < first_sent:
            break
        if tok.lemma.lower() == lemma and tok.pos == "NOUN" and (hit := _issuer_at(doc, actors, k)):
            return hit
    return None


def body_speaker(doc: AnnotatedDoc, actors: ActorTable, phrase: Span, head: Span) -> Speaker | None:
    """The speaker record for words no actor covers: a document's issuer ("the statement said" → the
    ministry that issued it), no speaker for a document whose issuer is unknown, else the words themselves."""
    noun = document_noun(doc, head.start, head.end)
    if noun is None:
        return Speaker(
            phrase.text, None, phrase_country(phrase.text), phrase, "none"
        )  # "Abbas's office": PSE
    issuer = document_issuer(doc, actors, noun)
    if issuer is None:
        # A statement is always someone's: with its issuer unknown there is no speaker to give.  A report, a
        # letter or a tweet may stand as the source the text names ("according to the report").
        if doc.tokens[noun].lemma.lower() in ISSUED_ONLY:
            return None
        return Speaker(
            phrase.text, None, phrase_country(phrase.text), phrase, "none"
        )  # "Abbas's office": PSE
    actor = issuer[1]
    kind: ResolvedBy = "organisation" if actor.kind in ("ORG", "GPE", "NORP") else "name"
    return Speaker(actor.name, actor.id, actor.country, phrase, kind, actor.kb_id)


# -- outlets that relay someone's words ----------------------------------------------------------------
_RELAY_VERBS = frozenset({"cite", "quote"})


def relayed(doc: AnnotatedDoc, cand: Candidate) -> Candidate:
    """ "Reuters cited CCC spokesperson Jane Moyo as telling reporters: “...”": the speaker is the person
    cited, not the outlet (or anyone) citing them."""
    if cand.speaker is None or cand.cue is None:
        return cand
    cue = doc.token_at(cand.cue[0])
    if cue is None:
        return cand
    sent = doc.sentence_of(cue)
    for v in range(sent.start_token, sent.end_token):
        if doc.tokens[v].lemma.lower() not in _RELAY_VERBS or doc.tokens[v].pos != "VERB":
            continue
        kids = doc.children[v]
        subject = [k for k in kids if doc.tokens[k].dep == "nsubj"]
        if not subject or not cand.speaker[0] <= doc.tokens[subject[0]].start < cand.speaker[1]:
            continue
        for k in kids:
            if doc.tokens[k].dep != "dobj":
                continue
            # The cited person's words without "as telling ..." hanging off them.
            sub = [j for j in doc.subtree(k) if j <= k or doc.tokens[j].dep not in ("prep", "punct")]
            sub = [j for j in sub if j <= k or all(doc.tokens[a].dep != "prep" for a in _path(doc, j, k))]
            start, end = doc.tokens[min(sub)].start, doc.tokens[max(sub)].end
            head = (doc.tokens[k].start, doc.tokens[k].end)
            return replace(cand, speaker=(start, end), speaker_head=head)
    return cand


def _path(doc: AnnotatedDoc, j: int, top: int) -> list[int]:
    """Tokens from ``j`` up to (not including) ``top``."""
    out = []
    while j != top and doc.tokens[j].head != j:
        out.append(j)
        j = doc.tokens[j].head
    return out
