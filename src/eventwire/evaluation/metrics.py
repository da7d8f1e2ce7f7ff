"""Per-class precision, recall and F1, and a confusion table, for single-label predictions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

NONE = "NONE"


def share(part: float, whole: float) -> float:
    """part / whole, or 0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Scores:
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (gold, predicted)

    def add(self, gold: str, predicted: str | None) -> None:
        self.pairs.append((gold, predicted or NONE))

    @property
    def accuracy(self) -> float:
        return sum(g == p for g, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    def per_class(self) -> dict[str, tuple[float, float, float, int]]:
        labels = sorted({g for g, _ in self.pairs} | {p for _, p in self.pairs} - {NONE})
        out = {}
        for label in labels:
            tp = sum(g == p == label for g, p in self.pairs)
            predicted = sum(p == label for _, p in self.pairs)
            gold = sum(g == label for g, _ in self.pairs)
            precision, recall = share(tp, predicted), share(tp, gold)
            out[label] = (precision, recall, f1(precision, recall), gold)
        return out

    def table(self) -> str:
        lines = [f"{'class':<14} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>5}"]
        for label, (p, r, f, n) in self.per_class().items():
            lines.append(f"{label:<14} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}")
        return "\n".join(lines)

    def confusion(self, top: int = 15) -> str:
        errors = Counter((g, p) for g, p in self.pairs if g != p)
        return "\n".join(f"  {g:<12} -> {p:<12} {n:3d}" for (g, p), n in errors.most_common(top)) or "  (none)"
