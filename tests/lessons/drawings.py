"""Reading the text drawings of band 2's lessons and questions as a student would: a bar
is as long as its characters, read against the positions of the scale's labels."""

from __future__ import annotations

import re
from fractions import Fraction


def read_bar_graph(text: str) -> dict[str, Fraction]:
    """Each bar of the first bar graph drawn in ``text``, read on its scale.

    The scale is the code block's last line; a bar's value is where its end falls between
    the labels (linearly, so halfway between 6 and 8 reads 7).
    """
    block = re.search(r"```\n(.*?)\n```", text, re.S).group(1).splitlines()
    *bars, scale = block
    labels = [(m.start(), int(m.group())) for m in re.finditer(r"\d+", scale)]
    (x0, v0), (x1, v1) = labels[0], labels[1]
    per_char = Fraction(v1 - v0, x1 - x0)
    assert all(Fraction(v - v0) == per_char * (x - x0) for x, v in labels), "uneven scale"
    out = {}
    for line in bars:
        name = line.split()[0]
        end = line.rindex("█") + 1
        assert line.index("█") == x0, "a bar that does not start at 0"
        out[name] = v0 + per_char * (end - x0)
    return out
