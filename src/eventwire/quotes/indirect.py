"""Reported speech and other attributions outside quotation marks.

A cue (data/quotes/cues.csv) and its content: "X said (that) CLAUSE", "X wants to ...", "X called
the deal a disaster", "X called for talks", "X's claim that ...", a parenthetical "..., he said, ...",
a passive "X is expected to ...", and "CLAUSE, according to X".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Quote, TextSpan
from .cues import Cues
from .direct import MIN_WORDS, SPEECH_VERBS, cue_span, inside
from .speakers import Speakers, according_object, via

_MIN_OBJECT_WORDS = 2
_PREDICATES = ("oprd", "xcomp", "ccomp", "acomp")
# Verbs whose object a nominal cue is, spoken by their subject: "made the claim that ...".
_LIGHT_VERBS = frozenset({"make", "issue", "express", "voice", "repeat", "reiterate", "raise", "offer", "give",
                          "deliver", "renew", "level", "release", "echo", "send", "publish", "post", "air"})


def indirect_quotes(doc: Doc, cues: Cues, speakers: Speakers, direct: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    for sent in doc.sents:
        claim = _according_claim(sent, speakers, direct)
        if claim is not None:
            out.append(claim)
        for cue in sent:
            if inside(cue.idx, direct):
                continue
            quote = _verb_quote(cue, cues, speakers, direct) or _noun_quote(cue, cues, speakers, direct)
            if quote is not None:
                out.append(quote)
    return out


def _verb_quote(verb: Token, cues: Cues, speakers: Speakers, direct: list[tuple[int, int]]) -> Quote | None:
    frames = cues.of_verb(verb)
    if not frames or _concessive(verb):
        return None
    tokens = verb_content(verb, frames)
    span = _content_span(verb.doc, tokens, direct)
    if span is None:
        return None
    return Quote(speakers.of(verb), cue_span(verb), span, False, via(verb.sent))


def _noun_quote(noun: Token, cues: Cues, speakers: Speakers, direct: list[tuple[int, int]]) -> Quote | None:
    frames = cues.of_noun(noun)
    if not frames:
        return None
    span = _content_span(noun.doc, noun_content(noun, frames), direct)
    if span is None:
        return None
    return Quote(_noun_speaker(noun, speakers), cue_span(noun), span, False, via(noun.sent))


def _content_span(doc: Doc, tokens: list[Token], direct: list[tuple[int, int]]) -> TextSpan | None:
    """The content's text, when it has enough words and some outside quotation marks (a content
    wholly quoted is the direct quote's)."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    minimum = MIN_WORDS if any(t.pos_ in ("VERB", "AUX") for t in words) else _MIN_OBJECT_WORDS
    if len(words) < minimum or all(inside(t.idx, direct) for t in words):
        return None
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in ('"', "\u201d", ")"):
        tokens = tokens[:-1]
    span = doc[tokens[0].i:tokens[-1].i + 1]
    return TextSpan(span.text, (span.start_char, span.end_char))


# --- verbs --------------------------------------------------------------------------------------

def verb_content(verb: Token, frames: frozenset[str]) -> list[Token]:
    """The tokens a cue verb reports, by the first of its complements present: clause,
    infinitive, predicate, object, then a listed preposition's object."""
    children = list(verb.children)
    if _passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        frames = frames & {"clause", "infinitive"}  # "was charged with ...", "a group called ...": no claim
    if "clause" in frames:
        clause = next((c for c in children if c.dep_ == "ccomp"), None)
        if clause is not None:
            return _clause_tokens(clause)
        if verb.dep_ == "parataxis":
            return _around(verb.head, verb)  # "Back home, he said, he decided to ..."
    if "infinitive" in frames:
        found = _infinitive(verb, children)
        if found:
            return found
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is not None and "predicate" in frames:
        predicate = _predicate(verb, obj, children)
        if predicate is not None:
            return _between(obj, predicate)
    if obj is not None and "object" in frames:
        return _extended(verb, obj, children)
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in frames:
            target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if target is not None:
                return _extended(verb, target, children)
    return []


def _clause_tokens(clause: Token) -> list[Token]:
    return [t for t in clause.subtree if t.dep_ != "mark" or t.head.i != clause.i]


def _infinitive(verb: Token, children: list[Token]) -> list[Token]:
    """'wants to ...', 'urged voters to ...', 'expects them to win', and the passive 'X is
    expected to ...' (its subject is part of what is expected)."""
    for c in children:
        if c.dep_ in ("xcomp", "ccomp") and _is_to_infinitive(c):
            first = next((o for o in children if o.dep_ in ("dobj", "nsubjpass") and o.i < c.i), None)
            if first is None and c.dep_ == "xcomp" and _passive(verb):
                return []
            start = first.left_edge.i if first is not None else c.left_edge.i
            return list(verb.doc[start:c.right_edge.i + 1])
    return []


def _is_to_infinitive(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _predicate(verb: Token, obj: Token, children: list[Token]) -> Token | None:
    """What the object is called: 'called the deal a disaster', 'described it as reckless'."""
    for c in children:
        if c.i > obj.i and (c.dep_ in _PREDICATES or (c.dep_ == "prep" and c.lower_ == "as")):
            return c
    return next((c for c in obj.children if c.dep_ in ("dobj", "appos", "oprd") and c.i > obj.i), None)


def _extended(verb: Token, obj: Token, children: list[Token]) -> list[Token]:
    """The object, and an infinitive after it ('called on Congress to act')."""
    after = next((c for c in children if c.dep_ == "xcomp" and c.i > obj.i and _is_to_infinitive(c)), None)
    end = after.right_edge.i if after is not None else obj.right_edge.i
    return list(verb.doc[obj.left_edge.i:end + 1])


def _between(first: Token, last: Token) -> list[Token]:
    return list(first.doc[first.left_edge.i:last.right_edge.i + 1])


def _around(head: Token, cue: Token) -> list[Token]:
    """The head's clause without a parenthetical cue at its edges: 'The talks, the envoy said,
    would resume' keeps the cue inside; '..., the envoy said' drops it."""
    skip = {t.i for t in cue.subtree}
    tokens = list(head.subtree)
    while tokens and (tokens[0].i in skip or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].i in skip or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def _concessive(verb: Token) -> bool:
    """'That said, ...', 'Having said that, ...': a discourse phrase, no one's words."""
    doc, i = verb.doc, verb.i
    if verb.lower_ != "said" or i == 0 or i + 2 >= len(doc):
        return False
    before, after = doc[i - 1].lower_, [t.text.lower() for t in doc[i + 1:i + 3]]
    return (before in ("that", "this") and after[0] == ",") or (
        before == "having" and after[0] in ("that", "this") and after[1] == ",")


# --- nouns --------------------------------------------------------------------------------------

def noun_content(noun: Token, frames: frozenset[str]) -> list[Token]:
    """'the claim that ...', 'a plan to ...', 'calls for a ceasefire'."""
    for c in noun.children:
        if c.i < noun.i:
            continue
        if "clause" in frames and c.dep_ in ("acl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in c.children):
            return _clause_tokens(c)
        if "infinitive" in frames and c.dep_ in ("acl", "relcl") and _is_to_infinitive(c):
            return list(c.subtree)
        if c.dep_ == "prep" and c.lower_ in frames:
            target = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            if target is not None:
                return list(target.subtree)
    return []


def _noun_speaker(noun: Token, speakers: Speakers):
    """'Trump's claim that ...': the possessor; 'made the claim that ...': the maker."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return speakers.resolve(owner)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _LIGHT_VERBS:
        return speakers.of(noun.head)
    return None


# --- according to -------------------------------------------------------------------------------

def _according_claim(sent: Span, speakers: Speakers, direct: list[tuple[int, int]]) -> Quote | None:
    """'CLAUSE, according to X' with no speech verb of its own: the clause is X's claim."""
    according = next((t for t in sent if t.lower_ == "according" and t.i + 1 < len(t.doc)
                      and t.nbor(1).lower_ == "to"), None)
    if according is None or inside(according.idx, direct) or any(
            t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and t.i != according.i for t in sent):
        return None
    phrase = list(according.subtree)
    first, last = phrase[0].i, phrase[-1].i
    before, after = sent.doc[sent.start:first], sent.doc[last + 1:sent.end]
    body = before if len(before) >= len(after) else after
    tokens = [t for t in body if not (t.is_punct or t.is_space)]
    if len(tokens) < MIN_WORDS:
        return None
    content = sent.doc[tokens[0].i:tokens[-1].i + 1]
    words = sent.doc[according.i:according.i + 2]
    cue = TextSpan(words.text, (words.start_char, words.end_char))
    obj = according_object(according)
    source = next((d for d in according.subtree if d.dep_ == "pobj"), None)
    speaker = speakers.resolve(source) if source is not None else None
    return Quote(speaker, cue, TextSpan(content.text, (content.start_char, content.end_char)), False,
                 (obj.text,) if obj is not None else ())
