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
NUMBERS.update({"a": 1, "an": 1, "a few": 3, "several": 3, "a couple of": 2, "couple of": 2})
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "hour": "H",
         "minute": "MIN", "quarter": "Q"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "overnight": "NI"}

_HEDGE = re.compile(r"^(more than|over|about|around|nearly|almost|some|roughly|at least|less than|"
                    r"just over|just under|only|barely|approximately)\s+")
_NUM = r"(\d+|a few|a couple of|couple of|several|an?|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
_UNIT = r"(day|week|month|year|decade|century|hour|minute|quarter)s?"
_AGO = re.compile(rf"^{_NUM}\s+(?:consecutive\s+|straight\s+|long\s+)?{_UNIT}\s+(ago|earlier|before|later|after)$")
_DURATION = re.compile(rf"^(?:the\s+)?(?:past|last|next|previous|coming|recent)?\s*{_NUM}?\s*"
                       rf"(?:consecutive\s+|straight\s+|long\s+|more\s+)?{_UNIT}$")
_RELATIVE_UNIT = re.compile(r"^(last|this|next|past|previous|coming|current)\s+(week|month|year|decade)$")
_YEAR = re.compile(r"^(?:in\s+|the\s+year\s+)?(\d{4})$")
_DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?(\d{3})0'?s$")
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
    return re.sub(r"\s+", " ", text).strip(" ,.")


def _shift_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else NUMBERS.get(word)


@lru_cache(maxsize=20_000)
def normalize(text: str, published: date | None, future: bool = False,
              is_time: bool = False) -> tuple[str | None, str | None]:
    """(type, value) for one expression; (None, None) when it is not a time expression at all."""
    t = _clean(text)
    hedged = bool(_HEDGE.match(t))
    t = _HEDGE.sub("", t)
    if not t:
        return None, None
    for rule in (_absolute, _relative, _duration_or_set):
        result = rule(t, published, future, hedged)
        if result is not None:
            kind, value = result
            return ("TIME" if is_time and kind == "DATE" else kind), value
    if is_time:
        return "TIME", _time_of_day(t, published)
    return "DATE", _fallback(text, published)


def _absolute(t, published, future, hedged):
    if m := _ISO.match(t):
        return "DATE", t
    if m := _YEAR.match(t):
        return "DATE", m.group(1)
    if m := _DECADE.match(t):
        return "DATE", m.group(1)
    if (m := _MONTH_YEAR.match(t)) and m.group(1) in MONTHS:
        return "DATE", f"{m.group(2)}-{MONTHS[m.group(1)]:02d}"
    m = _MONTH_DAY.match(t)
    if m and m.group(1) in MONTHS:
        return "DATE", _month_day(MONTHS[m.group(1)], int(m.group(2)), m.group(3), published, future)
    m = _DAY_MONTH.match(t)
    if m and m.group(2) in MONTHS:
        return "DATE", _month_day(MONTHS[m.group(2)], int(m.group(1)), m.group(3), published, future)
    if t in MONTHS and len(t) > 3:
        return "DATE", _month_only(MONTHS[t], published, future)
    return None


def _month_day(month: int, day: int, year: str | None, published: date | None, future: bool) -> str | None:
    if year:
        y = int(year)
    elif published is None:
        return None
    else:
        y = published.year
        try:  # a date well after publication is last year's, unless the text looks ahead
            if not future and date(y, month, day) > published + timedelta(days=7):
                y -= 1
            elif future and date(y, month, day) < published - timedelta(days=7):
                y += 1
        except ValueError:
            return None
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None


def _month_only(month: int, published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    y = published.year
    if not future and month > published.month:
        y -= 1
    elif future and month < published.month:
        y += 1
    return f"{y}-{month:02d}"


def _relative(t, published, future, hedged):
    if published is None:
        return ("DATE", None) if _is_relative(t) else None
    p = published
    if t in ("today", "tonight", "now", "this morning", "this afternoon", "this evening", "earlier today"):
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
    if m := _RELATIVE_UNIT.match(t):
        direction = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m.group(1), 0)
        return "DATE", _unit_value(m.group(2), direction, p)
    if m := _AGO.match(t):
        n, unit, way = _number(m.group(1)), m.group(2), m.group(3)
        if n is None or way not in ("ago", "earlier"):
            return "DURATION", _duration(n, unit)
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
    if unit in ("hour", "minute"):
        return f"PT{n if n is not None else 'X'}{code[0]}"
    return f"P{n if n is not None else 'X'}{code}"


def _duration_or_set(t, published, future, hedged):
    if m := _SET.match(t):
        word = m.group(2).rstrip("s")
        if word in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}"
        if word in UNITS:
            return "SET", f"P1{UNITS[word]}"
    if t in ("daily", "weekly", "monthly", "annually", "yearly"):
        return "SET", {"daily": "P1D", "weekly": "P1W", "monthly": "P1M"}.get(t, "P1Y")
    m = _DURATION.match(t)
    if m and (m.group(1) or t.startswith(("the past", "the last", "past", "last", "the next", "next"))):
        return "DURATION", _duration(_number(m.group(1)) if m.group(1) else 1, m.group(2))
    return None


def _time_of_day(t: str, published: date | None) -> str | None:
    if published is None:
        return None
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
