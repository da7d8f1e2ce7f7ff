"""Direct quotes: text inside quotation marks, with the cue and speaker found around it.

The cue is the speech verb outside the marks nearest the quote: in its sentence, the next one, or
the sentence before when that one ends in a colon ('He said:'). Other attributions written around
quotes: a dash and a name after the closing mark ('"...." — Ana Ruiz'), and a transcript's
speaker label opening the passage ('"PENCE: Well, ...').
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Actor, Quote, TextSpan
from .cues import Cues
from .speakers import Speakers, via

SPEECH_VERBS = frozenset({
    "say", "add", "tell", "state", "declare", "announce", "warn", "insist", "note", "write", "claim", "argue",
    "explain", "assert", "stress", "emphasize", "emphasise", "affirm", "confirm", "deny", "report", "accuse",
    "allege", "admit", "acknowledge", "reply", "respond", "ask", "urge", "caution", "predict", "vow", "pledge",
    "promise", "suggest", "tweet", "post", "comment", "remark", "observe", "conclude", "continue", "quip",
    "contend", "maintain", "reiterate", "repeat", "recall", "describe", "call", "threaten", "believe", "think",
})
_OPEN, _CLOSE = "\u201c", "\u201d"
_MARKS = re.compile(r"''|[\"\u201c\u201d]|\n\s*\n")
MIN_WORDS = 3
_GAP_WORDS = 30  # an attribution between the halves of a quote, appositive included
_DASH_NAME = re.compile(r"[\"\u201d]?\s*(?:[\u2015\u2014\u2013]|--)\s*(?=[A-Z])")
_HEADLINE = re.compile(r"\s*([A-Z][^:\n]{1,40}?):[ \t]+([^\n]+)")  # the first line: "Poll: ..."
_LABEL = re.compile(r"([A-Z][A-Z.'\u2019 -]{1,28}[A-Z.]):\s+")
# Labels that open a passage without naming who speaks.
_NOT_LABELS = frozenset({"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR\u2019S NOTE", "CORRECTION", "BREAKING",
                         "WATCH", "READ MORE", "RELATED", "VIDEO", "PHOTOS", "PHOTO", "SOURCE", "SOURCES",
                         "CLARIFICATION", "WARNING", "LIVE", "EXCLUSIVE", "ANALYSIS", "OPINION", "UPDATED",
                         "CAPTION", "TRANSCRIPT", "FULL TEXT", "SPOILER ALERT"})


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage, marks excluded. Marks are straight, curly, or two
    apostrophes (''...'', as some wires write them). A paragraph that opens a quote and does not
    close it continues it into the next paragraph that opens with a mark (news convention)."""
    spans, opened, kind = [], None, ""
    for m in _MARKS.finditer(text):
        mark = m.group()
        if mark.strip() == "":  # paragraph break
            if opened is not None and not text.startswith(('"', _OPEN, "''"), m.end()):
                spans.append((opened, m.start()))
                opened = None
            continue
        if opened is None and mark != _CLOSE:
            opened, kind = m.end(), mark
        elif opened is not None and mark != _OPEN and (mark == "''") == (kind == "''"):
            spans.append((opened, m.start()))
            opened = None
        # other marks inside an open quote: a continuation paragraph reopening it, or the other
        # kind of marks quoting within the quote
    return [(s, e) for s, e in spans if e > s]


def inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in spans)


def direct_quotes(doc: Doc, text: str, cues: Cues, speakers: Speakers, spans: list[tuple[int, int]]) -> list[Quote]:
    """`text` is `doc.text`, built once."""
    quotes: list[Quote] = []
    previous: Quote | None = None
    for start, end in spans:
        if len(text[start:end].split()) < MIN_WORDS:
            continue
        if previous is not None and _continues(text, previous, start):
            # '"A," she said. "B."': the second half is the same speaker's
            quote = Quote(previous.speaker, previous.cue, TextSpan(text[start:end], (start, end)), True, previous.via)
        else:
            quote = _labelled(doc, text, speakers, start, end) or _dashed(doc, text, speakers, start, end) or \
                _cued(doc, text, cues, speakers, start, end, spans)
            if quote.cue is None and _same_paragraph(text, previous, start):
                # a quote without a cue of its own, after another in its paragraph: the same voice
                quote = Quote(previous.speaker, previous.cue, quote.content, True, previous.via)
        speakers.note(quote)
        previous = quote
        quotes.append(quote)
    return quotes


def headline_claim(doc: Doc, text: str, speakers: Speakers) -> Quote | None:
    """'Poll: Voters Sour on the Deal' as the first line: a headline crediting its claim to whoever
    names the line before the colon."""
    m = _HEADLINE.match(text)
    if m is None or len(m.group(2).split()) < MIN_WORDS or m.group(1).strip().upper() in _NOT_LABELS:
        return None
    label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if label is None or not any(t.pos_ in ("PROPN", "NOUN") for t in label):
        return None
    speaker = speakers.actor_at.get(label.root.i) or Actor(m.group(1), m.span(1), None, None, None, None, None)
    colon = TextSpan(":", (m.end(1), m.end(1) + 1))
    content = m.group(2).rstrip(" .")
    return Quote(speaker, colon, TextSpan(content, (m.start(2), m.start(2) + len(content))), False, ())


def _cued(doc: Doc, text: str, cues: Cues, speakers: Speakers, start: int, end: int,
          spans: list[tuple[int, int]]) -> Quote:
    content = TextSpan(text[start:end], (start, end))
    cue = _cue_for(doc, text, cues, start, end, spans)
    if cue is None:
        return Quote(None, None, content, True, ())
    return Quote(speakers.of(cue), cue_span(cue), content, True, via(cue.sent))


def _labelled(doc: Doc, text: str, speakers: Speakers, start: int, end: int) -> Quote | None:
    """'"PENCE: Well, look, ...': a transcript's speaker label opens the passage."""
    m = _LABEL.match(text, start, end)
    if m is None or m.group(1).strip() in _NOT_LABELS or not any(c.isalpha() for c in m.group(1)[1:]):
        return None
    label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if label is None:
        return None
    speaker = speakers.actor_at.get(label.root.i) or Actor(m.group(1), m.span(1), m.group(1), None, None, None, None)
    colon = TextSpan(":", (m.end(1), m.end(1) + 1))
    return Quote(speaker, colon, TextSpan(text[m.end():end], (m.end(), end)), True, ())


def _dashed(doc: Doc, text: str, speakers: Speakers, start: int, end: int) -> Quote | None:
    """'"...." ― Ana Ruiz': a name after a dash that follows the closing mark."""
    m = _DASH_NAME.match(text, end)
    if m is None:
        return None
    first = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
    if first is None or first[0].pos_ != "PROPN":
        return None
    name = first[0]
    while name.i + 1 < len(doc) and doc[name.i + 1].pos_ == "PROPN" and doc[name.i + 1].sent == name.sent:
        name = doc[name.i + 1]
    tokens = doc[first[0].i:name.i + 1]
    speaker = speakers.actor_at.get(tokens.root.i) or Actor(tokens.text, (tokens.start_char, tokens.end_char),
                                                            tokens.text, None, None, None, None)
    dash = text[m.start():m.end()].strip().lstrip('"\u201d').strip()
    dash_at = text.index(dash, m.start())
    return Quote(speaker, TextSpan(dash, (dash_at, dash_at + len(dash))), TextSpan(text[start:end], (start, end)),
                 True, ())


def _cue_for(doc: Doc, text: str, cues: Cues, start: int, end: int,
             spans: list[tuple[int, int]]) -> Token | None:
    """The speech verb outside the marks nearest the quote: a common speech verb before any other
    cue of a clause ('thinks', 'boasted')."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return None
    sents = [first[0].sent, first[-1].sent]
    after = first[-1].sent.end
    if after < len(doc):
        sents.append(doc[after].sent)
    before = first[0].sent.start
    if before > 0 and text[:start].rstrip().rstrip('"\u201c').rstrip().endswith(":"):
        sents.append(doc[before - 1].sent)  # 'He said:' then the quoted paragraph
    best = None
    for sent in dict.fromkeys(sents):
        for t in sent:
            if t.pos_ != "VERB" or inside(t.idx, spans):
                continue
            tier = 0 if t.lemma_.lower() in SPEECH_VERBS else 1 if "clause" in cues.of_verb(t) else None
            if tier is None:
                continue
            key = (tier, min(abs(t.idx - end), abs(t.idx - start)))
            if best is None or key < best[0]:
                best = (key, t)
    return best[1] if best else None


def _continues(text: str, previous: Quote, start: int) -> bool:
    """Whether a quote resumes the previous one in the same paragraph, with only the attribution
    between them ('"A," said Ana Ruiz, a nurse. "B."')."""
    gap = text[previous.content.span[1]:start]
    return (previous.cue is not None and "\n" not in gap and len(gap.split()) <= _GAP_WORDS
            and previous.cue.span[0] >= previous.content.span[1] and previous.cue.span[1] <= start)


def _same_paragraph(text: str, previous: Quote | None, start: int) -> bool:
    return previous is not None and previous.speaker is not None and "\n" not in text[previous.content.span[1]:start]


def cue_span(token: Token) -> TextSpan:
    return TextSpan(token.text, (token.idx, token.idx + len(token)))
