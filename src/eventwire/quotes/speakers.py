"""Who said it: the speaker of a cue, resolved to an actor where one can be found.

The speaker is the cue's subject; a verb without one ("..., saying ...", "and added ...") takes
its governor's; a passive cue takes its agent ("was called a fraud by critics"). A relative pronoun
stands for the noun it modifies, and he / she / it / they for the nearest subject before them
that fits (a person for he and she), kept as the mention written with the antecedent's identity.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Quote

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_PERSONAL = frozenset({"he", "she"})
_REFERRING = frozenset({"he", "she", "it", "they"})
_NOT_SPEAKERS = frozenset({"this", "there", "what", "one", "i", "we", "you", "me", "us", "him", "her", "them",
                           "someone", "anyone", "everyone", "nobody"})
_CLIMB = frozenset({"advcl", "conj", "xcomp", "dep", "parataxis"})
_SUBJECTS = ("nsubj", "csubj")
_LOOKBACK = 600  # characters before a pronoun searched for its antecedent


class Speakers:
    """Speakers for the cues of one document."""

    def __init__(self, doc: Doc, actors: list[Actor], actor_at: dict[int, Actor]) -> None:
        self.doc = doc
        self.actor_at = actor_at
        self._subjects = sorted((a.span[0], a) for a in actors if _is_subject_mention(doc, a))
        self._spoken: list[tuple[int, Actor]] = []  # quote speakers so far, for '"...," it added'

    def note(self, quote: Quote) -> None:
        """Remember a quote's speaker as an antecedent for the pronouns after it."""
        if quote.speaker is not None and not _is_pronoun(quote.speaker.text):
            where = quote.cue.span[0] if quote.cue is not None else quote.content.span[0]
            self._spoken.append((where, quote.speaker))

    def of(self, cue: Token) -> Actor | None:
        """The speaker of a cue verb or noun."""
        token = self.subject_token(cue)
        return self.resolve(token) if token is not None else None

    def subject_token(self, cue: Token) -> Token | None:
        verb = cue
        for _ in range(4):
            subject = _subject(verb)
            if subject is not None:
                return subject
            agent = _agent(verb)
            if agent is not None:
                return agent
            if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head  # "a statement saying that ...": the statement says it
            if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
                verb = verb.head.head  # "responded by saying that ..."
            elif verb.dep_ in _CLIMB and verb.head.i != verb.i:
                verb = verb.head  # "X condemned the decision, saying ...": X says it
            else:
                break
        return _according_object_token(verb)

    def resolve(self, token: Token) -> Actor | None:
        """The actor a speaker mention stands for, unresolved when the knowledge base lacks it."""
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            token = token.head.head  # "the senator, who said ...": the senator
        actor = self.actor_at.get(token.i)
        if actor is not None:
            return actor
        if token.lower_ in _REFERRING:
            return self._pronoun(token)
        return unknown_speaker(token)

    def _pronoun(self, token: Token) -> Actor:
        span = (token.idx, token.idx + len(token))
        antecedent = self._antecedent(token)
        if antecedent is None:
            return Actor(token.text, span, None, None, None, None, None)
        return dataclasses.replace(antecedent, text=token.text, span=span)

    def _antecedent(self, token: Token) -> Actor | None:
        """it / they: the last speaker quoted before, else the nearest subject; he / she: the
        nearest person, as a subject or a speaker, within a few sentences."""
        start = token.idx
        spoken = sorted(((p, a) for p, a in self._spoken if p < start), key=lambda pa: pa[0])
        if token.lower_ not in _PERSONAL:
            if spoken:
                return spoken[-1][1]
            return next((a for p, a in reversed(self._subjects) if start - _LOOKBACK <= p < start
                         and not _is_person(a)), None)
        people = [(p, a) for p, a in self._subjects if _is_person(a)] + [
            (p, a) for p, a in spoken if _is_person(a) or (a.id is None and a.name is not None)]
        near = [(p, a) for p, a in people if start - _LOOKBACK <= p < start]
        return max(near, key=lambda pa: pa[0])[1] if near else None


def _is_pronoun(text: str) -> bool:
    return text.lower() in _REFERRING or text.lower() in _RELATIVE


def _is_person(actor: Actor) -> bool:
    return (actor.id or "").startswith("person:")


def _is_subject_mention(doc: Doc, actor: Actor) -> bool:
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    return None


def _according_object_token(verb: Token) -> Token | None:
    """'according to X' standing in for the speaker."""
    for t in verb.children:
        if t.lower_ == "according":
            return next((d for d in t.subtree if d.dep_ == "pobj"), None)
    return None


def unknown_speaker(subject: Token) -> Actor | None:
    """A speaker the knowledge base does not know ("a friend", "the agency", "Putney"): kept with
    its words, unresolved, rather than lost."""
    if subject.lower_ in _NOT_SPEAKERS or subject.lower_ in _RELATIVE or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    tokens = [t for t in subject.subtree if t.i <= subject.i or t.dep_ in ("compound", "flat")]
    start = next((t for t in tokens if t.dep_ not in ("det", "punct")), subject)
    end = max(t.i for t in tokens)
    span = subject.doc[start.i:end + 1]
    return Actor(span.text, (span.start_char, span.end_char), span.text if subject.pos_ == "PROPN" else None,
                 None, None, None, None)


def via(sent: Span) -> tuple[str, ...]:
    """Outlets and sources the sentence credits: 'according to Reuters', 'citing the ministry'."""
    found = []
    for t in sent:
        if t.lower_ in ("according", "citing") and (t.lower_ == "citing" or t.nbor(1).lower_ == "to"):
            obj = according_object(t)
            if obj is not None:
                found.append(obj.text)
    return tuple(found)


def according_object(t: Token) -> Span | None:
    for d in t.subtree:
        if d.dep_ in ("pobj", "dobj") and d.head.i in (t.i, t.i + 1):
            return d.doc[d.left_edge.i:d.right_edge.i + 1]
    return None
