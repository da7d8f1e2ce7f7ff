"""eventwire: offline political event coding from news.

    >>> import eventwire
    >>> ann = eventwire.code("Russian bombers hit ISIS targets in Syria on Saturday.", published="2017-11-27")
    >>> ann.events[0].cameo.root
    '19'
"""

from __future__ import annotations

from functools import lru_cache

from .model import Annotation, Article, Actor, Event, Place, Quote, TimeRef

__version__ = "0.1.0"
__all__ = ["Annotation", "Article", "Actor", "Event", "Place", "Quote", "TimeRef", "Pipeline", "Store",
           "code", "get_pipeline"]


@lru_cache(maxsize=1)
def get_pipeline():
    """The shared Pipeline, built on first use (loading the model takes a few seconds)."""
    from .pipeline import Pipeline

    return Pipeline()


def code(text: str, published=None, **fields) -> Annotation:
    """Code one article's text; `published` (ISO date) anchors relative dates."""
    return get_pipeline().code(text, published=published, **fields)


def __getattr__(name: str):
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(name)
