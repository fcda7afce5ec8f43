"""The one table the suite prints: each row measured, its target and pass/FAIL."""
import sys


def human(nbytes):
    """4 KB, 26 MB, 2.80 GB (decimal units, as du -h --si)."""
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if nbytes >= size:
            return f"{nbytes / size:.2f} {unit}" if unit == "GB" else f"{nbytes / size:.0f} {unit}"
    return f"{nbytes} bytes"


class Table:
    """Rows of (part, what, measured, target, result)."""

    def __init__(self):
        self.rows = []

    def add(self, part, what, value, unit="", target=None, better="lower", note=""):
        """target: a number the value must stay at or under (better='lower')
        or over (better='higher'); None for a row without one."""
        shown = f"{value:.2f}{unit}" if isinstance(value, float) else f"{value}{unit}"
        if target is None:
            tgt, result = "", "info"
        else:
            ok = value <= target if better == "lower" else value >= target
            tgt = f"{'≤' if better == 'lower' else '≥'} {target}{unit}"
            result = "pass" if ok else "FAIL"
        self.rows.append((str(part), what, shown + (f" ({note})" if note else ""), tgt, result))
        print(f"  {what}: {shown} {tgt} {result} {note}", file=sys.stderr, flush=True)

    def skip(self, part, what, why):
        self.rows.append((str(part), what, f"not measured: {why}", "", "skipped"))
        print(f"  {what}: skipped ({why})", file=sys.stderr, flush=True)

    def markdown(self):
        head = ("part", "measurement", "measured", "target", "result")
        widths = [max(len(r[i]) for r in self.rows + [head]) for i in range(5)]
        line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
        return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in self.rows])
