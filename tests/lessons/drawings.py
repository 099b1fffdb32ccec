"""Reading the text drawings of band 2's lessons and questions as a student would: a bar
or an object is as long as its characters, read against the positions of the scale's
labels underneath."""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction


def code_block(text: str) -> list[str]:
    """The lines of the first code block of ``text``."""
    return re.search(r"```\n(.*?)\n```", text, re.S).group(1).splitlines()


def scale(labels: str) -> tuple[int, Callable[[int], Fraction]]:
    """The column of the first label, and the value at any column, read linearly from a
    line of evenly spaced number labels (halfway between 6 and 8 reads 7)."""
    found = [(m.start(), int(m.group())) for m in re.finditer(r"\d+", labels)]
    (x0, v0), (x1, v1) = found[0], found[1]
    per_char = Fraction(v1 - v0, x1 - x0)
    assert all(Fraction(v - v0) == per_char * (x - x0) for x, v in found), "uneven scale"
    return x0, lambda column: v0 + per_char * (column - x0)


def read_bar_graph(text: str) -> dict[str, Fraction]:
    """Each bar of the first bar graph drawn in ``text``, read on its scale (the code
    block's last line)."""
    *bars, labels = code_block(text)
    x0, value_at = scale(labels)
    out = {}
    for line in bars:
        assert line.index("█") == x0, "a bar that does not start at 0"
        out[line.split()[0]] = value_at(line.rindex("█") + 1)
    return out


def read_ruler(text: str) -> tuple[Fraction, Fraction]:
    """Where the object drawn above the first ruler of ``text`` starts and ends, read on
    the ruler's labels (the code block's last line)."""
    thing, _ticks, labels = code_block(text)
    _, value_at = scale(labels)
    return value_at(thing.index("█")), value_at(thing.rindex("█") + 1)


def _label_value(label: str) -> Fraction:
    """``4½`` as 9/2, ``4¼`` as 17/4, ``4`` as 4."""
    parts = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4)}
    whole = label.rstrip("½¼¾")
    return Fraction(int(whole or 0)) + sum((parts[c] for c in label[len(whole) :]), Fraction(0))


def read_line_plot(text: str) -> dict[Fraction, int]:
    """How many X's stand above each labelled value of the first line plot of ``text``
    (values without an X included, with 0); an X must stand exactly over a label."""
    *stacks, _line, labels = code_block(text)
    found = {m.start(): _label_value(m.group()) for m in re.finditer(r"\d+[½¼¾]?", labels)}
    counts = dict.fromkeys(found.values(), 0)
    for row in stacks:
        for column, ch in enumerate(row):
            if ch == "X":
                counts[found[column]] += 1
    return counts
