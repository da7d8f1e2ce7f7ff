"""What the event finder knows of a document: the earlier stages' findings indexed by token,
and the clause each verb governs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from ..actors import load_knowledge
from ..model import Actor, Place, Quote, TimeRef

# Pronouns that stand for people; "it" and "this" do not.
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "we", "us", "i", "me", "you"})
# CAMEO roots of violence: assault (18), fighting (19), mass violence (20).
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def role_noun(token: Token) -> bool:
    """A common noun the actor stage knows for people ("engineers", "a member"... see roles.csv),
    not for a thing that acts for them ("helicopters", "the embassy")."""
    return token.pos_ == "NOUN" and load_knowledge().names_role(token.lower_) and not thing_noun(token)


def thing_noun(token: Token) -> bool:
    """A common noun the actor stage knows for a machine or a building that acts for people
    ("Israeli helicopters fired", "the embassy said"): a thing, whose relative clause says where
    it is and whose burning destroys property."""
    return token.pos_ == "NOUN" and load_knowledge().names_thing(token.lower_)


# Clause links below a verb that carry events of their own.
_OWN_CLAUSE_DEPS = frozenset({"conj", "ccomp", "advcl", "relcl"})


@dataclass(frozen=True, slots=True)
class Context:
    """What earlier stages found, indexed by token for the event finder."""

    doc: Doc
    actor_at: dict[int, Actor]
    place_at: dict[int, Place]
    time_at: dict[int, TimeRef]
    quotes: list[Quote]
    published: date | None
    dateline: Place | None = None  # where the story was filed: the last resort for an event's place
    names: frozenset[tuple[int, int]] = frozenset()  # see names_of
    place_spans: frozenset[tuple[int, int]] = frozenset()  # the spans of the document's places
    landmarks: frozenset[tuple[int, int]] = frozenset()  # places named only as reference points


def clause_tokens(verb: Token) -> list[Token]:
    """The verb's own clause: its subtree without coordinated or embedded clauses, which carry
    events of their own ("attacked a base near Goma and then met envoys in Kinshasa"), nor a
    relative clause deeper down ("in the province, where 24 people were killed")."""
    doc = verb.doc
    # asked for again and again: keep the token indexes (tokens would tie the doc to itself)
    cache = doc.user_data.setdefault("eventwire.clauses", {})
    if verb.i not in cache:
        subtree = list(verb.subtree)
        inner = [c for c in verb.children if c.dep_ in _OWN_CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")]
        inner += [t for t in subtree if t.dep_ == "relcl" and t.head.i != verb.i]
        skip = {t.i for c in inner for t in c.subtree}
        cache[verb.i] = [t.i for t in subtree if t.i not in skip]
    return [doc[i] for i in cache[verb.i]]
