"""Modality: whether an event happened as the text asserts, or is denied, conditional, planned,
someone's claim, or background history.

One label per event, in this order of precedence: negated, hypothetical, intended, reported,
historical, asserted. The claimant is set whenever the event sits inside someone's quote or
reported speech, whatever the label.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from ..model import Actor, EventDate, Quote

_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_DENIALS = frozenset({"deny", "refute", "dismiss"})
_SPEECH = frozenset({"say", "announce", "tell", "state", "declare", "warn", "add", "insist", "report", "confirm",
                     "indicate", "signal", "promise", "pledge", "vow"})
# Not "try" or "attempt": "protesters tried to storm parliament" is the storming, attempted.
_INTENTIONS = frozenset({"prepared", "plan", "intend", "vow", "pledge", "promise", "aim", "seek", "want", "prepare", "hope",
                         "expect", "threaten", "decide", "ready", "poised", "set", "move",
                         "wish", "propose", "schedule", "going", "determined", "willing", "eager",
                         "agree", "offer", "consent", "undertake"})


def modality_of(verb: Token, quotes: list[Quote], published: date | None,
                when: EventDate | None) -> tuple[str, Actor | None]:
    claim = next((q for q in quotes if q.content.span[0] <= verb.idx < q.content.span[1]), None)
    claimant = claim.speaker if claim else None
    chain = _governors(verb)
    if _conditional(verb):  # "if the government did not release him": a condition, not a refusal
        return "hypothetical", claimant
    if any(_negated(t) for t in chain[:1]) or _denied(verb):
        return "negated", claimant
    if any(_conditional(t) for t in chain) or any(_auxes(t) & _HYPOTHETICAL_AUX for t in chain) and not (
            _reported_future(verb)):
        return "hypothetical", claimant
    if _reported_future(verb):
        return "intended", claimant
    if _auxes(verb) & _FUTURE_AUX or _intended(verb):
        return "intended", claimant
    if claim is not None:
        return "reported", claimant
    if _historical(when, published):
        return "historical", claimant
    return "asserted", claimant


def refused(verb: Token) -> bool:
    """'will not accept', 'did not agree', 'failed to reach': the act is denied by its own actor,
    which for a cooperative act is a refusal rather than a non-event."""
    return _negated(verb) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail")


def conditional(verb: Token) -> bool:
    """Whether the event hangs on a condition ("would retaliate if ...", "unless ...")."""
    return any(_conditional(t) for t in _governors(verb)) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
        for t in _governors(verb) for c in t.children)


def _reported_future(verb: Token) -> bool:
    """'They said they would boycott the talks': the backshifted 'will' of reported speech."""
    if "would" not in _auxes(verb) and "'d" not in _auxes(verb):
        return False
    token = verb
    while token.dep_ in ("xcomp", "conj") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in _SPEECH


def _governors(verb: Token) -> list[Token]:
    """The verb and the verbs it is an open complement or conjunct of."""
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    return chain


def _auxes(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or _none_taking_part(token) or (
        token.dep_ in ("xcomp", "conj") and any(c.dep_ == "neg" for c in token.head.children))


def _none_taking_part(verb: Token) -> bool:
    """'No arrests have been made', 'police made no arrests', 'nobody was hurt': a subject or
    object that is none at all."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
        c.lower_ in ("nobody", "none", "nothing") or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for c in verb.children)


def _denied(verb: Token) -> bool:
    """Denied by someone ("denied carrying out the attack"), or kept from happening ("police
    prevented the protesters from marching", "were barred from entering")."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "from" and head.head.lemma_.lower() in _PREVENTING:
        return True
    return verb.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "dobj") and head.lemma_.lower() in _DENIALS


# Verbs that keep an act from happening: "prevented X from marching".
_PREVENTING = frozenset({"prevent", "stop", "bar", "block", "ban", "keep", "prohibit", "deter", "forbid",
                         "restrain", "dissuade", "discourage"})


def _conditional(token: Token) -> bool:
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children)


def _intended(verb: Token) -> bool:
    token = verb
    for _ in range(3):
        if token.dep_ != "xcomp" or token.head.i == token.i:
            return False
        head = token.head
        if head.lemma_.lower() in _INTENTIONS:
            return True
        if head.lemma_.lower() == "be" and "going" in {c.lower_ for c in head.children}:
            return True
        token = head
    return False


def _historical(when: EventDate | None, published: date | None) -> bool:
    """Dated explicitly to more than a year before publication."""
    if when is None or published is None or when.basis == "publication":
        return False
    try:
        year = int(when.value[:4])
    except ValueError:
        return False
    return year < published.year - 1 or (when.precision == "year" and year < published.year)
