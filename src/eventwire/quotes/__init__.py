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
    previous: Quote | None = None
    for start, end in direct_spans:
        content = doc.text[start:end]
        if len(content.split()) < _MIN_WORDS:
            continue
        if previous is not None and _continues(doc.text, previous, start):
            # '"A," she said. "B."': the second half is the same speaker's
            quote = Quote(previous.speaker, previous.cue, TextSpan(content, (start, end)), True, previous.via)
        else:
            cue = _cue_for(doc, start, end, direct_spans)
            speaker = _speaker(cue, actor_at) if cue is not None else None
            if speaker is None and cue is not None and _subject_lower(cue) in ("it", "they"):
                speaker = last_speaker  # '"...," it added': the one quoted before
            quote = Quote(speaker, _cue(cue), TextSpan(content, (start, end)), True,
                          tuple(_via(cue.sent)) if cue is not None else ())
        last_speaker = quote.speaker or last_speaker
        previous = quote
        quotes.append(quote)
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


def _continues(text: str, previous: Quote, start: int) -> bool:
    """Whether a quote resumes the previous one in the same paragraph, with only a short
    attribution ('she said.') between them."""
    gap = text[previous.content.span[1]:start]
    return (previous.cue is not None and "\n" not in gap and len(gap.split()) <= 8
            and previous.cue.span[0] >= previous.content.span[1] and previous.cue.span[1] <= start)


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
        return actor_at.get(subj.i) or _unknown_speaker(subj)
    for t in verb.children:  # "according to X" standing in for the speaker
        if t.lower_ == "according":
            return _according_actor(t, actor_at)
    return None


def _according_actor(according: Token, actor_at: dict[int, Actor]) -> Actor | None:
    for t in according.subtree:
        if t.dep_ == "pobj":
            return actor_at.get(t.i) or _unknown_speaker(t)
    return None


_NOT_SPEAKERS = frozenset({"it", "they", "this", "that", "which", "who", "there", "what"})


def _unknown_speaker(subject: Token) -> Actor | None:
    """A speaker the knowledge base does not know ("a friend", "the agency", "Putney"): kept with
    its words, unresolved, rather than lost."""
    if subject.lower_ in _NOT_SPEAKERS or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if subject.pos_ == "PRON":
        return None  # he / she are resolved by the actors stage, or not at all
    tokens = [t for t in subject.subtree if t.i <= subject.i or t.dep_ in ("compound", "flat")]
    start = next((t for t in tokens if t.dep_ not in ("det", "punct")), subject)
    end = max(t.i for t in tokens)
    span = subject.doc[start.i:end + 1]
    return Actor(span.text, (span.start_char, span.end_char), span.text if subject.pos_ == "PROPN" else None,
                 None, None, None, None)


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
        claim = _according_claim(sent, actor_at, direct)
        if claim is not None:
            out.append(claim)
        for verb in sent:
            if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB" or _inside(verb.idx, direct):
                continue
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None) or _claimed_object(verb)
            if clause is None or _inside(clause.idx, direct):
                continue
            tokens = [t for t in clause.subtree if (t.dep_ != "mark" or t.head.i != clause.i)
                      and not (clause.dep_ == "prep" and t.i == clause.i)]  # "of" in "accused Y of ..."
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if len(tokens) < _MIN_WORDS:
                continue
            out.append(Quote(_speaker(verb, actor_at), _cue(verb), TextSpan(doc.text[start:end], (start, end)),
                             False, tuple(_via(sent))))
    return out


# Speech verbs whose object (not a clause) is what was said: "denied the allegations",
# "announced the arrest of ...", "accused Y of shelling ..." (the of-phrase).
_OBJECT_CLAIMS = frozenset({"announce", "deny", "confirm", "report", "reveal", "describe", "acknowledge", "admit",
                            "claim", "allege", "predict"})
_CHARGE_CLAIMS = frozenset({"accuse", "blame", "charge", "criticize", "criticise", "condemn"})


def _claimed_object(verb: Token) -> Token | None:
    lemma = verb.lemma_.lower()
    if lemma in _CHARGE_CLAIMS:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                return prep
    if lemma in _OBJECT_CLAIMS:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None and sum(1 for _ in obj.subtree) >= _MIN_WORDS:
            return obj
    return None


def _according_claim(sent: Span, actor_at: dict[int, Actor], direct: list[tuple[int, int]]) -> Quote | None:
    """'CLAUSE, according to X' with no speech verb of its own: the clause is X's claim."""
    according = next((t for t in sent if t.lower_ == "according" and t.i + 1 < len(t.doc)
                      and t.nbor(1).lower_ == "to"), None)
    if according is None or _inside(according.idx, direct) or any(
            t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and t.i != according.i for t in sent):
        return None
    phrase = [t for t in according.subtree]
    first, last = phrase[0].i, phrase[-1].i
    before, after = sent.doc[sent.start:first], sent.doc[last + 1:sent.end]
    body = before if len(before) >= len(after) else after
    tokens = [t for t in body if not (t.is_punct or t.is_space)]
    if len(tokens) < _MIN_WORDS:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    cue = TextSpan(sent.doc.text[according.idx:according.nbor(1).idx + 2],
                   (according.idx, according.nbor(1).idx + 2))
    obj = _according_object(according)
    return Quote(_according_actor(according, actor_at), cue, TextSpan(sent.doc.text[start:end], (start, end)),
                 False, (obj.text,) if obj is not None else ())
