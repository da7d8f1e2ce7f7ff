"""Quotes and claims: who said what, through whom.

Direct quotes come from quotation marks (straight or curly, across sentences and paragraphs);
indirect ones from speech verbs with a clausal complement ("X said that ...") and from
"according to X". The speaker is the actor at the speech verb's subject; outlets named by
"according to" or "citing" next to a speaker are the chain it came through (`via`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..nlp import by_token
from ..model import Actor, Quote, TextSpan

SPEECH_VERBS = frozenset({
    "say", "add", "tell", "state", "declare", "announce", "warn", "insist", "note", "write", "claim", "argue",
    "explain", "assert", "stress", "emphasize", "emphasise", "affirm", "confirm", "deny", "report", "accuse",
    "allege", "admit", "acknowledge", "reply", "respond", "ask", "urge", "caution", "predict", "vow", "pledge",
    "promise", "suggest", "tweet", "post", "comment", "remark", "observe", "conclude", "continue", "quip",
    "contend", "maintain", "reiterate", "repeat", "recall", "describe", "call", "threaten", "believe", "think",
})
_OPEN, _CLOSE = "\u201c", "\u201d"
_MIN_WORDS = 3


def find_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    actor_at = by_token(doc, actors)
    quotes: list[Quote] = []
    direct_spans = quote_spans(doc.text)
    last_speaker: Actor | None = None
    for start, end in direct_spans:
        content = doc.text[start:end]
        if len(content.split()) < _MIN_WORDS:
            continue
        cue = _cue_for(doc, start, end, direct_spans)
        speaker = _speaker(cue, actor_at) if cue is not None else None
        if speaker is None and cue is not None and _subject_lower(cue) in ("it", "they"):
            speaker = last_speaker  # '"...," it added': the one quoted before
        last_speaker = speaker or last_speaker
        quotes.append(Quote(speaker, _cue(cue), TextSpan(content, (start, end)), True,
                            tuple(_via(cue.sent)) if cue is not None else ()))
    quotes.extend(indirect_quotes(doc, actor_at, direct_spans))
    return sorted(quotes, key=lambda q: q.content.span)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage, marks excluded. A paragraph that opens a quote and does
    not close it continues it into the next paragraph that opens with a mark (news convention)."""
    spans, opened = [], None
    for m in re.finditer(r'["\u201c\u201d]|\n\s*\n', text):
        ch = m.group()
        if ch.strip() == "":  # paragraph break
            if opened is not None and not text[m.end():m.end() + 1] in ('"', _OPEN):
                spans.append((opened, m.start()))
                opened = None
            continue
        if opened is None and ch in ('"', _OPEN):
            opened = m.end()
        elif opened is not None and ch in ('"', _CLOSE):
            spans.append((opened, m.start()))
            opened = None
        elif opened is not None and ch == _OPEN:  # continuation paragraph reopens
            continue
    return [(s, e) for s, e in spans if e > s]


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in spans)


def _cue_for(doc: Doc, start: int, end: int, spans: list[tuple[int, int]]) -> Token | None:
    """The speech verb outside the marks nearest the quote: after it in its sentence, else before."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return None
    sents = [first[0].sent, first[-1].sent]
    after = first[-1].sent.end
    if after < len(doc):
        sents.append(doc[after].sent)
    best = None
    for sent in dict.fromkeys(sents):
        for t in sent:
            if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and not _inside(t.idx, spans):
                distance = min(abs(t.idx - end), abs(t.idx - start))
                if best is None or distance < best[0]:
                    best = (distance, t)
    return best[1] if best else None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _subject_lower(verb: Token) -> str:
    s = _subject(verb)
    return s.lower_ if s is not None else ""


def _speaker(verb: Token, actor_at: dict[int, Actor]) -> Actor | None:
    subj = _subject(verb)
    while subj is None and verb.dep_ in ("advcl", "conj", "xcomp", "dep") and verb.head.i != verb.i:
        verb = verb.head  # "X condemned the decision, saying ...": X says it
        subj = _subject(verb)
    if subj is not None:
        return actor_at.get(subj.i)
    for t in verb.children:  # "according to X" standing in for the speaker
        if t.lower_ == "according":
            return _according_actor(t, actor_at)
    return None


def _according_actor(according: Token, actor_at: dict[int, Actor]) -> Actor | None:
    for t in according.subtree:
        if t.dep_ == "pobj" and t.i in actor_at:
            return actor_at[t.i]
    return None


def _cue(verb: Token | None) -> TextSpan | None:
    if verb is None:
        return None
    return TextSpan(verb.text, (verb.idx, verb.idx + len(verb)))


def _via(sent: Span) -> list[str]:
    """Outlets and sources the sentence credits: 'according to Reuters', 'citing the ministry'."""
    found = []
    for t in sent:
        if t.lower_ in ("according", "citing") and (t.lower_ == "citing" or t.nbor(1).lower_ == "to"):
            obj = _according_object(t)
            if obj is not None:
                found.append(obj.text)
    return found


def _according_object(t: Token) -> Span | None:
    for d in t.subtree:
        if d.dep_ in ("pobj", "dobj") and d.head.i in (t.i, t.i + 1):
            return d.doc[d.left_edge.i:d.right_edge.i + 1]
    return None


def indirect_quotes(doc: Doc, actor_at: dict[int, Actor], direct: list[tuple[int, int]]) -> list[Quote]:
    """'X said (that) CLAUSE', and 'according to X, CLAUSE', outside quotation marks."""
    out = []
    for sent in doc.sents:
        for verb in sent:
            if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB" or _inside(verb.idx, direct):
                continue
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if clause is None or _inside(clause.idx, direct):
                continue
            tokens = [t for t in clause.subtree if t.dep_ != "mark" or t.head.i != clause.i]
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if len(tokens) < _MIN_WORDS:
                continue
            out.append(Quote(_speaker(verb, actor_at), _cue(verb), TextSpan(doc.text[start:end], (start, end)),
                             False, tuple(_via(sent))))
    return out


