"""Normalizing one time expression to a TIMEX3 type and value."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                         "sunday"])}
NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBERS.update({w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
                if i >= 2})
NUMBERS.update({"a": 1, "an": 1, "a few": 3, "several": 3, "a couple of": 2, "couple of": 2})
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "hour": "H",
         "minute": "MIN", "quarter": "Q"}
# Durations in decades and centuries are written in years, as TIMEX3 corpora do ("P10Y").
YEARS_PER = {"decade": 10, "century": 100}
# Words that refer to the present, past or future as a whole (TIMEX3 reference values).
REFERENCES = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
              "the time being": "PRESENT_REF", "ongoing": "PRESENT_REF", "nowadays": "PRESENT_REF",
              "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
              "previously": "PAST_REF", "the future": "FUTURE_REF", "the near term": "FUTURE_REF",
              "short-term": "FUTURE_REF", "soon": "FUTURE_REF", "the near future": "FUTURE_REF"}
QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "final": 4, "last": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "overnight": "NI"}

_HEDGE = re.compile(r"^(more than|over|about|around|nearly|almost|some|roughly|at least|less than|just|"
                    r"just over|just under|only|barely|approximately)\s+")
_NUM = r"(\d+|a few|a couple of|couple of|several|an?|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
_UNIT = r"(day|week|month|year|decade|century|hour|minute|quarter)s?"
_AGO = re.compile(rf"^{_NUM}\s+(?:consecutive\s+|straight\s+|long\s+)?{_UNIT}\s+(ago|earlier|before|later|after)$")
_DURATION = re.compile(rf"^(?:the\s+)?(?:past|last|next|previous|coming|recent)?\s*{_NUM}?\s*"
                       rf"(?:consecutive\s+|straight\s+|long\s+|more\s+)?{_UNIT}$")
_RELATIVE_UNIT = re.compile(r"^(?:the\s+(?=previous|following|coming|current))?"
                            r"(last|this|next|past|previous|coming|current|following)\s+"
                            r"(week|month|year|decade)$")
_YEAR = re.compile(r"^(?:in\s+|the\s+year\s+)?(\d{4})$")
_SHORT_YEAR = re.compile(r"^(?:in |the year )?'(\d{2})$")
_DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?(\d{3})0'?s$")
_SHORT_DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?'?([1-9])0'?s(?:\s+and)?$")
# The day the story is about: news writes "the day", "the same day" for the dateline's day.
_STORY_DAY = frozenset({"the day", "that day", "the same day", "the same day,"})
_BARE_UNITS = {"years": "PXY", "months": "PXM", "weeks": "PXW", "days": "PXD", "hours": "PTXH",
               "minutes": "PTXM", "the years": "PXY", "recent years": "PXY", "recent months": "PXM",
               "recent weeks": "PXW", "recent days": "PXD"}
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SET = re.compile(r"^(every|each)\s+(\w+)$")


def precision_of(value: str | None) -> str | None:
    """day | week | month | year for a TIMEX3 date value; None for anything coarser or stranger."""
    if not value:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.match(r"^\d{4}-W\d{2}$", value):
        return "week"
    if re.match(r"^\d{4}-\d{2}$", value):
        return "month"
    if re.match(r"^\d{4}$", value):
        return "year"
    return None


def _clean(text: str) -> str:
    text = text.lower().strip().replace("\u2019", "'")
    text = re.sub(r"^(on|in|since|by|until|from|during|as of|early|late|mid-|earlier|later)\s+", "", text)
    text = re.sub(r"^(the|this|that)\s+(?=\w+day\b)", "", text)
    text = re.sub(r"^the (entire|whole|full) ", "the ", text)
    return re.sub(r"\s+", " ", text).strip(" ,.")


def _shift_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


_VAGUE = frozenset({"several", "a few", "a couple of", "couple of"})


def _number(word: str | None) -> int | None:
    """The count a word gives; None for vague ones ("several years" is PXY)."""
    if word is None or word in _VAGUE:
        return None
    return int(word) if word.isdigit() else NUMBERS.get(word)


@lru_cache(maxsize=20_000)
def normalize(text: str, published: date | None, future: bool = False,
              is_time: bool = False, past: bool = False) -> tuple[str | None, str | None]:
    """(type, value) for one expression; (None, None) when it is not a time expression at all.
    `future` / `past`: the tense of the clause, for dates written without a year or direction."""
    if text.lower().strip() in REFERENCES:
        return "DATE", REFERENCES[text.lower().strip()]
    t = _clean(text)
    hedged = bool(_HEDGE.match(t))
    t = _HEDGE.sub("", t)
    if not t:
        return None, None
    if m := _PART_OF.match(t):  # "the end of last year" has last year's value
        inner = normalize(m.group(1), published, future, is_time, past)
        if inner[0] == "DATE":
            return inner
    for rule in (_absolute, _relative, _season, _quarter, _duration_or_set):
        result = rule(t, published, future, hedged, past)
        if result is not None:
            kind, value = result
            return ("TIME" if is_time and kind == "DATE" else kind), value
    if is_time or _CLOCK.match(t) or _CLOCK_DAY.match(t):
        return "TIME", _time_of_day(t, published)
    return "DATE", _fallback(text, published)


def _absolute(t, published, future, hedged, past=False):
    if m := _ISO.match(t):
        return "DATE", t
    if m := _YEAR.match(t):
        return "DATE", m.group(1)
    if (m := _SHORT_YEAR.match(t)) and published is not None:  # "'82": the latest such year not ahead
        year = 2000 + int(m.group(1))
        return "DATE", str(year if year <= published.year else year - 100)
    if m := _DECADE.match(t):
        return "DATE", m.group(1)
    if m := _SHORT_DECADE.match(t):  # "the 70s": the last century's, as news means it
        return "DATE", "19" + m.group(1)
    if (m := _MONTH_YEAR.match(t)) and m.group(1) in MONTHS:
        return "DATE", f"{m.group(2)}-{MONTHS[m.group(1)]:02d}"
    m = _MONTH_DAY.match(t)
    if m and m.group(1) in MONTHS:
        return "DATE", _month_day(MONTHS[m.group(1)], int(m.group(2)), m.group(3), published, future, past)
    m = _DAY_MONTH.match(t)
    if m and m.group(2) in MONTHS:
        return "DATE", _month_day(MONTHS[m.group(2)], int(m.group(1)), m.group(3), published, future, past)
    if t in MONTHS and len(t) > 3:
        return "DATE", _month_only(MONTHS[t], published, future, past)
    return None


def _month_day(month: int, day: int, year: str | None, published: date | None, future: bool,
               past: bool = False) -> str | None:
    if year:
        y = int(year)
    elif published is None:
        return None
    else:
        try:
            y = _nearest_year(lambda year: date(year, month, day), published, future, past)
        except ValueError:
            return None
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None


def _month_only(month: int, published: date | None, future: bool, past: bool = False) -> str | None:
    if published is None:
        return None
    y = _nearest_year(lambda year: date(year, month, 15), published, future, past)
    return f"{y}-{month:02d}"


def _nearest_year(when, published: date, future: bool, past: bool) -> int:
    """The year that puts a year-less date nearest the publication date, on the side the tense
    points to: "December 28" in a January article is last year's; "June 3" in a late-May one is
    this year's; "will meet on January 5" in December is next year's."""
    years = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            when(y)
            years.append(y)
        except ValueError:  # February 29 outside leap years
            pass
    if future:
        years = [y for y in years if when(y) >= published - timedelta(days=7)]
    elif past:
        years = [y for y in years if when(y) <= published + timedelta(days=7)]
    return min(years or [published.year], key=lambda y: abs((when(y) - published).days))


def _relative(t, published, future, hedged, past=False):
    if published is None:
        return ("DATE", None) if _is_relative(t) else None
    p = published
    if t in ("this morning", "this afternoon", "this evening", "tonight"):
        return "TIME", p.isoformat() + "T" + PARTS_OF_DAY[t.split()[-1]]
    if t in ("today", "earlier today") or t in _STORY_DAY:
        return "DATE", p.isoformat()
    if t in ("yesterday", "last night"):
        return "DATE", (p - timedelta(days=1)).isoformat()
    if t == "tomorrow":
        return "DATE", (p + timedelta(days=1)).isoformat()
    words = t.split()
    if len(words) == 2 and words[0] in WEEKDAYS and words[1] in PARTS_OF_DAY:
        return "TIME", _weekday(words[:1], p, future).isoformat() + "T" + PARTS_OF_DAY[words[1]]
    if (len(words) == 1 and words[0] in WEEKDAYS) or (
            len(words) == 2 and words[0] in ("last", "next", "this", "coming") and words[1] in WEEKDAYS):
        return "DATE", _weekday(words, p, future).isoformat()
    words2 = t.split()
    if len(words2) == 2 and words2[0] in ("last", "next", "this", "past", "coming") and words2[1] in MONTHS \
            and len(words2[1]) > 3:
        return "DATE", _month_only(MONTHS[words2[1]], p, words2[0] in ("next", "coming"),
                                   words2[0] in ("last", "past"))
    if t.endswith("weekend") and (t == "weekend" or t.split()[0] in ("the", "this", "last", "next", "a")):
        shift = {"last": -1, "next": 1}.get(t.split()[0], 0)
        iso = (p + timedelta(weeks=shift)).isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}-WE"
    if t in ("the year", "the month", "the week", "year", "month", "week"):
        return "DATE", _unit_value(t.split()[-1], 0, p)
    if t in ("day", "the day"):
        return "DATE", p.isoformat()
    if m := _RUNNING.match(t):  # "a second consecutive day", "the fourth week in a row": this one
        return "DATE", _unit_value(m.group(1) or m.group(2), 0, p)
    if m := _WEEK_OF_MONTH.match(t):  # "the last week of March"
        month = MONTHS[m.group(2)]
        year = _nearest_year(lambda y: date(y, month, 15), p, future, past)
        day = date(year, month, 1) if m.group(1) == "first" else (
            date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
        iso = day.isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}"
    if m := _SAME_LAST_YEAR.match(t):  # "the same period last year": a year before the story's month
        unit = {"day": "day", "week": "week", "quarter": "quarter"}.get(m.group(1), "month")
        year_ago = date(p.year - 1, p.month, min(p.day, 28))
        return "DATE", _unit_value(unit, 0, year_ago)
    if m := _MONTH_OF.match(t):  # "October of next year"
        offset = {"last": -1, "next": 1, "this": 0}[m.group(2)]
        return "DATE", f"{p.year + offset}-{MONTHS[m.group(1)]:02d}"
    if m := _RELATIVE_UNIT.match(t):
        direction = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(m.group(1), 0)
        return "DATE", _unit_value(m.group(2), direction, p)
    if m := _AGO.match(t):
        n, unit, way = _number(m.group(1)), m.group(2), m.group(3)
        if n is None or way not in ("ago", "earlier"):
            return "DURATION", _duration(n, unit)
        if unit == "week" and not hedged:  # "a week ago" names a day
            return "DATE", (p - timedelta(weeks=n)).isoformat()
        # "more than two years ago" is not a day: report the coarsest unit the text supports
        return "DATE", _unit_value(unit, -n, p, coarse=hedged)
    return None


def _is_relative(t: str) -> bool:
    first = t.split()[0] if t else ""
    return (first in WEEKDAYS or first in ("today", "yesterday", "tomorrow", "last", "next", "this")
            or bool(_AGO.match(t)))


def _weekday(words: list[str], p: date, future: bool) -> date:
    target = WEEKDAYS[words[-1]]
    ahead = future or words[0] in ("next", "coming")
    if ahead:
        delta = (target - p.weekday()) % 7 or 7
        return p + timedelta(days=delta)
    delta = (p.weekday() - target) % 7
    if words[0] == "last" and delta == 0:
        delta = 7
    return p - timedelta(days=delta)


def _unit_value(unit: str, n: int, p: date, coarse: bool = False) -> str | None:
    if unit == "day":
        return (p + timedelta(days=n)).isoformat() if not coarse else _unit_value("month", 0, p + timedelta(days=n))
    if unit == "week":
        d = p + timedelta(weeks=n)
        iso = d.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}" if not coarse else f"{d.year}-{d.month:02d}"
    if unit == "month":
        y, m = _shift_months(p, n)
        return f"{y}-{m:02d}" if not coarse else str(y)
    if unit == "year":
        return str(p.year + n)
    if unit == "decade":
        return str((p.year + 10 * n) // 10)
    if unit == "quarter":
        y, m = _shift_months(p, 3 * n)
        return f"{y}-Q{(m - 1) // 3 + 1}"
    return None


def _duration(n: int | None, unit: str) -> str | None:
    code = UNITS.get(unit)
    if code is None:
        return None
    if unit in YEARS_PER:
        return f"P{n * YEARS_PER[unit]}Y" if n is not None else "PXY"
    if unit in ("hour", "minute"):
        return f"PT{n if n is not None else 'X'}{code[0]}"
    return f"P{n if n is not None else 'X'}{code}"


_ADJECTIVAL = re.compile(rf"^{_NUM}[- ](day|week|month|year|decade|century)(?:-long|-old)?$")
_PART_OF = re.compile(r"^(?:the )?(?:beginning|start|end|middle|first half|second half|rest) of (?:the )?(.+)$")
_RUNNING = re.compile(r"^(?:a |the )?\w+ (?:consecutive|straight) (day|week|month|year)$|"
                      r"^(?:a |the )?\w+ (day|week|month|year) in a row$")
_WEEK_OF_MONTH = re.compile(r"^(?:the )?(first|last|final) week of (january|february|march|april|may|june|july|"
                            r"august|september|october|november|december)$")
_SAME_LAST_YEAR = re.compile(r"^(?:the )?same (month|period|week|day|quarter|time) "
                             r"(?:a year ago|last year|a year earlier|the previous year|of last year)$")
_MONTH_OF = re.compile(r"^(january|february|march|april|may|june|july|august|september|october|november|december)"
                       r" (?:of )?(last|next|this) year$")
_SEASON = re.compile(r"^(?:this |last |next |the )?(spring|summer|autumn|fall|winter)(?: of (\d{4}))?$")
_CLOCK = re.compile(r"^(\d{1,2}):?(\d{2})\s*(utc|gmt|z)?$")
_CLOCK_DAY = re.compile(r"^\d{1,2}:?\d{2}\s*(?:utc|gmt|z)?\s+(?:today|yesterday|tomorrow)$")


def _duration_or_set(t, published, future, hedged, past=False):
    if m := _ADJECTIVAL.match(t):  # "12-year", "five-year"
        return "DURATION", _duration(_number(m.group(1)), m.group(2))
    if m := _SET.match(t):
        word = m.group(2).rstrip("s")
        if word in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}"
        if word in UNITS:
            return "SET", f"P1{UNITS[word]}"
    if t in ("daily", "weekly", "monthly", "annually", "yearly", "annual"):
        return "SET", {"daily": "P1D", "weekly": "P1W", "monthly": "P1M"}.get(t, "P1Y")
    if t in _BARE_UNITS:
        return "DURATION", _BARE_UNITS[t]
    m = _DURATION.match(t)
    if m and (m.group(1) or t.startswith(("the past", "the last", "past", "last", "the next", "next"))):
        return "DURATION", _duration(_number(m.group(1)) if m.group(1) else 1, m.group(2))
    return None


_QUARTER = re.compile(r"^(?:the )?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter"
                      r"(?: of (?:the )?(\d{4}|this year|last year|next year|the year))?$")


def _quarter(t, published, future, hedged, past=False):
    m = _QUARTER.match(t)
    if not m:
        return None
    q = QUARTERS[m.group(1)]
    which = m.group(2)
    if which and which.isdigit():
        return "DATE", f"{which}-Q{q}"
    if published is None:
        return "DATE", None
    if which is None:  # a quarter not yet begun is last year's, unless the clause looks ahead
        current = (published.month - 1) // 3 + 1
        year = published.year - (1 if q > current and not future else 0)
        return "DATE", f"{year}-Q{q}"
    year = published.year + {"last year": -1, "next year": 1}.get(which, 0)
    return "DATE", f"{year}-Q{q}"


def _season(t, published, future, hedged, past=False):
    m = _SEASON.match(t)
    if not m:
        return None
    if m.group(2):
        return "DATE", f"{m.group(2)}-{SEASONS[m.group(1)]}"
    if published is None:
        return "DATE", None
    year = published.year - (1 if t.startswith("last ") else 0) + (1 if t.startswith("next ") else 0)
    return "DATE", f"{year}-{SEASONS[m.group(1)]}"


def _time_of_day(t: str, published: date | None) -> str | None:
    if published is None:
        return None
    day = published
    for word, shift in (("today", 0), ("yesterday", -1), ("tomorrow", 1)):
        if t.endswith(" " + word):
            t, day = t[: -len(word) - 1], published + timedelta(days=shift)
    if m := _CLOCK.match(t):
        zone = "Z" if m.group(3) else ""
        return f"{day.isoformat()}T{int(m.group(1)):02d}:{m.group(2)}{zone}"
    for word, code in PARTS_OF_DAY.items():
        if word in t:
            return f"{published.isoformat()}T{code}"
    m = re.search(r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?", t)
    if m:
        hour = int(m.group(1)) % 12 + (12 if m.group(3) == "p" else 0)
        return f"{published.isoformat()}T{hour:02d}:{int(m.group(2) or 0):02d}"
    return None


def _fallback(text: str, published: date | None) -> str | None:
    """dateparser for forms the rules do not know; day precision only when it has a day number."""
    if not re.search(r"\d|" + "|".join(m for m in MONTHS if len(m) > 3), text.lower()):
        return None
    import dateparser

    base = datetime.combine(published, datetime.min.time()) if published else None
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["year"]
                if published is None else []}
    if base:
        settings["RELATIVE_BASE"] = base
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if re.search(r"\b\d{1,2}\b", text):
        return parsed.date().isoformat()
    return f"{parsed.year}-{parsed.month:02d}"
