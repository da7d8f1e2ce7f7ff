"""Time expressions normalized against the publication date, one rule per case."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.times import normalize, precision_of

WED = date(2017, 12, 6)  # a Wednesday


@pytest.mark.parametrize("text, published, expected", [
    ("Wednesday", WED, ("DATE", "2017-12-06")),  # the day itself
    ("on Monday", WED, ("DATE", "2017-12-04")),  # most recent Monday
    ("Thursday", WED, ("DATE", "2017-11-30")),  # not after publication
    ("November 25", WED, ("DATE", "2017-11-25")),
    ("25 November", WED, ("DATE", "2017-11-25")),
    ("December 6, 2017", WED, ("DATE", "2017-12-06")),
    ("December", date(2018, 1, 10), ("DATE", "2017-12")),  # year rollover
    ("December 28", date(2018, 1, 3), ("DATE", "2017-12-28")),
    ("last month", WED, ("DATE", "2017-11")),
    ("last month", date(2018, 1, 3), ("DATE", "2017-12")),
    ("last year", WED, ("DATE", "2016")),
    ("next week", WED, ("DATE", "2017-W50")),
    ("this week", WED, ("DATE", "2017-W49")),
    ("in 2003", WED, ("DATE", "2003")),
    ("March 2011", WED, ("DATE", "2011-03")),
    ("the 1990s", WED, ("DATE", "199")),
    ("two years ago", WED, ("DATE", "2015")),
    ("three days ago", WED, ("DATE", "2017-12-03")),
    ("yesterday", WED, ("DATE", "2017-12-05")),
    ("14 consecutive years", WED, ("DURATION", "P14Y")),
    ("the past decade", WED, ("DURATION", "P10Y")),
    ("12-year", WED, ("DURATION", "P12Y")),
    ("the end of last year", WED, ("DATE", "2016")),
    ("the previous month", WED, ("DATE", "2017-11")),
    ("last winter", WED, ("DATE", "2016-WI")),
    ("16:08 UTC", WED, ("TIME", "2017-12-06T16:08Z")),
    ("'82", WED, ("DATE", "1982")),
    ("the same period last year", WED, ("DATE", "2016-12")),
    ("October of next year", WED, ("DATE", "2018-10")),
    ("a third consecutive day", WED, ("DATE", "2017-12-06")),
    ("the last week of November", WED, ("DATE", "2017-W48")),
    ("currently", WED, ("DATE", "PRESENT_REF")),
    ("the third quarter", WED, ("DATE", "2017-Q3")),
    ("the first quarter", date(2018, 2, 1), ("DATE", "2018-Q1")),
    ("the fourth quarter", date(2018, 2, 1), ("DATE", "2017-Q4")),
    ("every Friday", WED, ("SET", "XXXX-WXX-5")),
    ("Tuesday night", WED, ("TIME", "2017-12-05TNI")),
    ("last Friday", WED, ("DATE", "2017-12-01")),
])
def test_rules(text, published, expected):
    assert normalize(text, published) == expected


def test_hedged_ago_is_not_a_day():
    kind, value = normalize("more than two years ago", WED)
    assert kind == "DATE" and precision_of(value) == "year" and value == "2015"


def test_future_tense_looks_ahead():
    assert normalize("Monday", WED, future=True) == ("DATE", "2017-12-11")
    assert normalize("January 5", date(2017, 12, 20), future=True) == ("DATE", "2018-01-05")


def test_relative_without_publication_date_stays_unresolved():
    assert normalize("last month", None) == ("DATE", None)
    assert normalize("Wednesday", None) == ("DATE", None)
    assert normalize("November 25, 2017", None) == ("DATE", "2017-11-25")


@pytest.mark.parametrize("value, precision", [("2017-12-06", "day"), ("2017-W49", "week"), ("2017-11", "month"),
                                              ("2003", "year"), ("199", None), ("P2Y", None), (None, None)])
def test_precision(value, precision):
    assert precision_of(value) == precision
