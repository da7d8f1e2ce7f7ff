"""The CAMEO codebook and its crosswalks to PLOVER and ACLED (data/cameo)."""

from __future__ import annotations

from functools import lru_cache

from ..data_files import read_csv, split_list
from ..model import Acled, Cameo, Plover


class Codebook:
    def __init__(self) -> None:
        self.codes = {r["code"]: r for r in read_csv("cameo", "codes.csv")}
        self.to_plover = {r["cameo"]: r for r in read_csv("cameo", "cameo_plover.csv")}
        self.to_acled = {r["cameo"]: r for r in read_csv("cameo", "cameo_acled.csv")}
        acled = list(read_csv("cameo", "acled.csv"))
        self.acled_types = {r["sub_event_type"]: r["event_type"] for r in acled}
        # words one of which a sentence must hold for the ACLED model to name a weapon's sub-event
        self.acled_evidence = {r["sub_event_type"]: frozenset(split_list(r.get("evidence", "")))
                               for r in acled if r.get("evidence")}
        # CAMEO codes whose PLOVER type turns on the verb (data/cameo/plover_by_verb.csv)
        self.plover_by_verb = {(r["cameo"], lemma): r for r in read_csv("cameo", "plover_by_verb.csv")
                               for lemma in split_list(r["lemmas"])}

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def name(self, code: str) -> str:
        return self.codes[code]["name"]

    def cameo(self, code: str) -> Cameo:
        row = self.codes[code]
        return Cameo(code, row["root"], float(row["goldstein"]), int(row["quad_class"]))

    def plover(self, code: str, lemma: str | None = None) -> Plover | None:
        """The PLOVER type of a CAMEO code; with the verb's lemma, the type that verb gives the
        code where PLOVER splits it ("charged" is ACCUSE, "arrested" COERCE, both CAMEO 173)."""
        row = self.plover_by_verb.get((code, lemma)) or self._nearest(self.to_plover, code)
        if not row or not row["plover_event"]:
            return None
        return Plover(row["plover_event"], row["plover_mode"] or None,
                      tuple(split_list(row["plover_context"])))

    def default_code(self, plover_event: str) -> str | None:
        """The most general CAMEO code of a PLOVER type (ASSAULT -> 18), for events the model
        types but the lexicon did not."""
        codes = [c for c, r in self.to_plover.items() if r["plover_event"] == plover_event and c in self.codes]
        return min(codes, key=lambda c: (len(c), c)) if codes else None

    def acled(self, code: str) -> Acled | None:
        row = self._nearest(self.to_acled, code)
        return Acled(row["acled_event_type"], row["acled_sub_event_type"]) if row else None

    @staticmethod
    def _nearest(table: dict[str, dict[str, str]], code: str) -> dict[str, str] | None:
        """The row for the code, else for its parent (1831 -> 183 -> 18)."""
        while code:
            if code in table:
                return table[code]
            code = code[:-1] if len(code) > 2 else ""
        return None


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    return Codebook()
