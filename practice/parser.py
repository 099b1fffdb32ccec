"""Reading arithmetic safely: students' answers and the expressions of question templates.

Pure Python (the standard library's :mod:`math` and :mod:`fractions`, no Django), so it
can be used and tested anywhere. Nothing is ever handed to Python's own expression
machinery: a hand-written tokenizer and recursive-descent parser build a small syntax
tree, and an evaluator walks it.

Students' answers
=================
:func:`parse_answer` reads a short expression such as ``0.5``, ``3/4``, ``1 1/2``,
``1.6×10^-3``, ``0.5*log2(0.5/0.25) + 0.5*log2(0.5/0.75)``, ``ln(2) nats``, ``35%`` or
``pi/6 rad`` and returns a :class:`ParsedAnswer` (a float, its exact rational value when
the expression is rational, the answer's written form and an optional unit), or raises
:class:`AnswerError` whose message can be shown to the student as it is.
:func:`parse_values` reads several answers separated by commas (``7, 3``; ``7 r 3``).
Grammar (names are case-insensitive, whitespace is ignored)::

    answer  := expr [unit] END
    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/") unary)*
    unary   := ("+" | "-")* power            # -2^2 = -(2^2) = -4
    power   := primary ["^" unary]           # right-associative: 2^3^2 = 2^9
    primary := INTEGER INTEGER "/" INTEGER   # a mixed number: 1 1/2
             | NUMBER | CONSTANT | FUNCTION "(" expr ("," expr)* ")" | "(" expr ")"
    unit    := "bits" | "bit" | "nats" | "nat" | "%" | "percent"
             | "°" | "deg" | "degree" | "degrees" | "rad" | "radian" | "radians"

Operators may also be written ``**`` (power), ``×`` ``·`` ``⋅`` (times), ``÷`` (divide),
``−`` (U+2212) or ``–`` (U+2013) (minus). Functions: ``ln``, ``log2``, ``log10``,
``log(x, b)``, ``exp``, ``sqrt``; one-argument ``log(x)`` is refused as ambiguous.
Constants: ``e``, ``pi``/``π``, ``inf``/``infinity``/``∞``. Implicit multiplication
(``2pi``, ``2(3)``) is refused; two integers side by side are a mixed number only when
the second is a fraction of integers (``2 1/2``), else refused (``2 3``).

Exact values: decimals, fractions and the four operations are evaluated exactly (with
:class:`fractions.Fraction`) as long as the numbers stay small, and so is a power whose
exponent is an integer or whose root comes out whole (``8^(1/3)``, ``sqrt(9/4)``);
``ParsedAnswer.exact`` holds that value, or ``None`` once a step is not rational (``ln``,
``pi``, ``sqrt(2)``).

Hostile input is bounded: the length is checked (at most :data:`MAX_LENGTH` characters)
before tokenising, nesting of parentheses, function calls and powers is limited to
:data:`MAX_DEPTH`, exact values give way to floats beyond :data:`MAX_EXACT_BITS` bits,
and every float operation has explicit overflow and domain checks, so no input can build
a huge number or take noticeable time. Rules for infinity: an operation involving
``inf`` is allowed when it has a well-defined IEEE result that is not NaN (``inf``,
``2*inf``, ``1/inf``, ``exp(-inf)``); indeterminate forms (``inf - inf``, ``0*inf``,
``inf/inf``, ``1^inf``, ``inf^0``) are refused. A *finite* computation that overflows is
refused ("the result is too large to compute"); underflow quietly gives 0.

``parse_answer`` raises only :class:`AnswerError` for any ``str``; a non-``str`` argument
is a programming error and raises :class:`TypeError`.

Template expressions
====================
:func:`evaluate` reads the expressions an instructor writes in a question template
(``a + b``, ``int(2, 9)``, ``gcd(a, b) == 1``): the same grammar with variables (lower-case
names bound in ``names``), extra functions given by the caller (``functions``), and
comparisons (``<``, ``<=``, ``>``, ``>=``, ``==``, ``!=``) at the top, which give 1 or 0.
Units are not allowed there. It raises :class:`AnswerError` with a message for the
instructor.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "MAX_DEPTH",
    "MAX_EXACT_BITS",
    "MAX_LENGTH",
    "MAX_TEMPLATE_LENGTH",
    "UNIT_NAMES",
    "AnswerError",
    "Number",
    "ParsedAnswer",
    "evaluate",
    "parse_answer",
    "parse_values",
]

MAX_LENGTH = 200
"""Longest accepted answer, in characters (after stripping surrounding whitespace)."""

MAX_TEMPLATE_LENGTH = 500
"""Longest accepted template expression, in characters."""

MAX_DEPTH = 20
"""Deepest accepted nesting of parentheses, function calls and powers."""

MAX_EXACT_BITS = 2048
"""Exact values whose numerator or denominator needs more bits than this become floats."""

MAX_VALUES = 8
"""Most values :func:`parse_values` reads from one answer."""

Number = Fraction | float
"""A value: exact while it is rational and small, a float otherwise."""

UNIT_NAMES = {
    "bits": "bits",
    "bit": "bits",
    "nats": "nats",
    "nat": "nats",
    "percent": "percent",
    "deg": "degrees",
    "degree": "degrees",
    "degrees": "degrees",
    "rad": "radians",
    "radian": "radians",
    "radians": "radians",
}
"""Unit words (lower case) → the unit they name; ``%`` and ``°`` are units too."""

_MAX_SHOWN = 20  # never echo more than this many characters of the student's input


# --------------------------------------------------------------------------------------
# Public data types
# --------------------------------------------------------------------------------------


class AnswerError(ValueError):
    """An answer that cannot be read.  ``str(err)`` is a student-facing message.

    ``position`` is the 0-based index (in the text as typed) of the offending character,
    or ``None`` when the problem is not tied to one place (empty or over-long input).
    """

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass(frozen=True, slots=True)
class ParsedAnswer:
    """A parsed answer.

    ``value`` is finite or ±inf, never NaN; ``exact`` the same value as a fraction when
    the expression is rational (else ``None``); ``unit`` one of ``bits``, ``nats``,
    ``percent``, ``degrees``, ``radians`` or ``None``; ``form`` how it was written:
    ``"integer"`` (``12``, ``-3``), ``"decimal"`` (``0.75``), ``"fraction"`` (an integer over
    an integer, ``6/8``), ``"mixed"`` (``1 1/2``) or ``"expression"`` (anything else);
    ``parts`` the numerator and denominator of a fraction as typed, the whole number,
    numerator and denominator of a mixed number.
    """

    value: float
    unit: str | None = None
    exact: Fraction | None = None
    form: str = "expression"
    parts: tuple[int, ...] = ()


# --------------------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------------------

_DIGITS = frozenset("0123456789")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")  # zero-width characters
_MINUS = frozenset("-\u2212\u2013")  # hyphen-minus, minus sign, en dash
_TIMES = frozenset("*\u00d7\u00b7\u22c5\u2219")  # * × · ⋅ ∙
_DIVIDE = frozenset("/\u00f7")  # / ÷
_COMPARE_CHARS = frozenset("<>=!")

_FUNCTIONS = {"ln": 1, "log2": 1, "log10": 1, "log": 2, "exp": 1, "sqrt": 1}
_CONSTANTS = {
    "e": math.e,
    "pi": math.pi,
    "inf": math.inf,
    "infinity": math.inf,
}
_ALLOWED_NAMES = "allowed functions: ln, log2, log10, log(x, b), exp, sqrt; constants: e, pi, inf"
_COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")

# token kinds
_NUM = "number"
_NAME = "name"
_UNIT = "unit"  # % and °
_END = "end"
# operators and punctuation use their canonical text as kind: + - * / ^ ( ) , < <= ...


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str  # as typed (for messages)
    pos: int  # 0-based position in the original text
    value: float = 0.0  # numbers only
    name: str = ""  # names and units only, lower-cased and canonical


def _show(text: str) -> str:
    """Quote a piece of the student's input for a message, shortened and made printable."""
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 1] + "\u2026"
    if text.isprintable():
        return f"'{text}'"
    return "'" + "".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in text) + "'"


def _describe_char(c: str) -> str:
    if c.isprintable():
        return f"'{c}'"
    return f"U+{ord(c):04X}"


def _scan_digits(s: str, i: int) -> int:
    n = len(s)
    while i < n and s[i] in _DIGITS:
        i += 1
    return i


# One character, one token: (kind, canonical name) for each character that is a token
# by itself ("**" is read before the "*" here).
_SYMBOLS: dict[str, tuple[str, str]] = {
    "\u03c0": (_NAME, "pi"),  # π
    "\u221e": (_NAME, "inf"),  # ∞
    "%": (_UNIT, "percent"),
    "\u00b0": (_UNIT, "degrees"),  # °
    **{c: ("*", "") for c in _TIMES},
    **{c: ("/", "") for c in _DIVIDE},
    **{c: ("-", "") for c in _MINUS},
    **{c: (c, "") for c in "+^(),"},
}


def _tokenize(s: str, offset: int, *, template: bool = False) -> list[_Token]:
    """Split ``s`` into tokens; ``offset`` is added to every reported position.
    ``template`` admits the comparison operators."""
    tokens: list[_Token] = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        pos = offset + i
        if c.isspace() or c in _INVISIBLE:
            i += 1
            continue
        if c in _DIGITS or (c == "." and i + 1 < n and s[i + 1] in _DIGITS):
            token, i = _number(s, i, pos)
        elif c.isascii() and c.isalpha():
            j = i + 1
            while j < n and s[j].isascii() and s[j].isalnum():
                j += 1
            token, i = _Token(_NAME, s[i:j], pos, name=s[i:j].lower()), j
        elif s.startswith("**", i):
            token, i = _Token("^", "**", pos), i + 2
        elif c in _SYMBOLS:
            kind, name = _SYMBOLS[c]
            token, i = _Token(kind, c, pos, name=name), i + 1
        elif template and c in _COMPARE_CHARS:
            op = s[i : i + 2] if s[i : i + 2] in _COMPARISONS else c
            if op not in _COMPARISONS:
                raise AnswerError(
                    f"unexpected character {_describe_char(c)} at position {pos} "
                    "(compare with <, <=, >, >=, == or !=)",
                    pos,
                )
            token, i = _Token(op, op, pos), i + len(op)
        elif c == "$":
            raise AnswerError(
                f"leave out the dollar sign at position {pos}: type the amount as a plain number",
                pos,
            )
        else:
            raise AnswerError(f"unexpected character {_describe_char(c)} at position {pos}", pos)
        tokens.append(token)
    tokens.append(_Token(_END, "", offset + n))
    return tokens


def _number(s: str, i: int, pos: int) -> tuple[_Token, int]:
    """The number literal starting at ``s[i]`` (digits, a point, an exponent) and where
    it ends."""
    n = len(s)
    j = _scan_digits(s, i)
    if j < n and s[j] == ".":
        j = _scan_digits(s, j + 1)
    if j < n and s[j] in "eE":
        k = j + 1
        if k < n and (s[k] == "+" or s[k] in _MINUS):
            k += 1
        if k < n and s[k] in _DIGITS:
            j = _scan_digits(s, k)
    text = s[i:j]
    # The literal is at most MAX_LENGTH characters of ASCII digits, '.', 'e' and a
    # sign, so converting it is cheap; it never goes through int.
    value = float(text.replace("\u2212", "-").replace("\u2013", "-"))
    if math.isinf(value):
        raise AnswerError(f"the number {_show(text)} at position {pos} is too large", pos)
    return _Token(_NUM, text, pos, value=value), j


# --------------------------------------------------------------------------------------
# Syntax tree
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Num:
    value: float
    text: str = ""  # the literal as typed; "" for a constant


@dataclass(frozen=True, slots=True)
class _Mixed:
    whole: int
    numerator: int
    denominator: int
    pos: int


@dataclass(frozen=True, slots=True)
class _Var:
    name: str
    pos: int


@dataclass(frozen=True, slots=True)
class _Neg:
    operand: _Node


@dataclass(frozen=True, slots=True)
class _BinOp:
    op: str  # + - * / ^ and the comparisons
    left: _Node
    right: _Node
    pos: int


@dataclass(frozen=True, slots=True)
class _Call:
    func: str
    args: tuple[_Node, ...]
    pos: int


_Node = _Num | _Mixed | _Var | _Neg | _BinOp | _Call


# --------------------------------------------------------------------------------------
# Parser
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Grammar:
    """What a parse admits beyond students' answers (nothing, by default)."""

    names: frozenset[str] = frozenset()  # variables
    functions: Mapping[str, tuple[int, int]] | None = None  # extra: name → (min, max) args
    comparisons: bool = False
    units: bool = True

    def arity(self, name: str) -> tuple[int, int] | None:
        if name in _FUNCTIONS:
            return (_FUNCTIONS[name],) * 2
        if self.functions is not None:
            return self.functions.get(name)
        return None


_STUDENT = _Grammar()


class _Parser:
    def __init__(self, tokens: list[_Token], grammar: _Grammar = _STUDENT) -> None:
        self.tokens = tokens
        self.grammar = grammar
        self.i = 0
        self.depth = 0

    @property
    def tok(self) -> _Token:
        return self.tokens[self.i]

    def peek(self, k: int = 1) -> _Token:
        return self.tokens[min(self.i + k, len(self.tokens) - 1)]

    def advance(self) -> _Token:
        tok = self.tokens[self.i]
        if tok.kind != _END:
            self.i += 1
        return tok

    def enter(self, tok: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise AnswerError(
                f"the answer is nested too deeply (more than {MAX_DEPTH} levels) "
                f"at position {tok.pos}",
                tok.pos,
            )

    def leave(self) -> None:
        self.depth -= 1

    def is_unit(self, tok: _Token) -> bool:
        return tok.kind == _UNIT or (tok.kind == _NAME and tok.name in UNIT_NAMES)

    # answer := expr [unit] END
    def parse(self) -> tuple[_Node, str | None]:
        node = self.comparison() if self.grammar.comparisons else self.expr()
        tok = self.tok
        unit = None
        if self.is_unit(tok) and self.grammar.units:
            unit = tok.name if tok.kind == _UNIT else UNIT_NAMES[tok.name]
            self.advance()
            nxt = self.tok
            if self.is_unit(nxt):
                raise AnswerError(
                    f"only one unit is allowed, but found {_show(tok.text)} at position "
                    f"{tok.pos} and {_show(nxt.text)} at position {nxt.pos}",
                    nxt.pos,
                )
            if nxt.kind != _END:
                raise AnswerError(
                    f"the unit {_show(tok.text)} at position {tok.pos} must come at the "
                    "end of the answer",
                    tok.pos,
                )
        elif tok.kind != _END:
            self.fail_after_operand(None)
        return node, unit

    def comparison(self) -> _Node:
        node = self.expr()
        while self.tok.kind in _COMPARISONS:
            op = self.advance()
            node = _BinOp(op.kind, node, self.expr(), op.pos)
        return node

    def expr(self) -> _Node:
        node = self.term()
        while self.tok.kind in ("+", "-"):
            op = self.advance()
            node = _BinOp(op.kind, node, self.term(), op.pos)
        return node

    def term(self) -> _Node:
        node = self.unary()
        while self.tok.kind in ("*", "/"):
            op = self.advance()
            node = _BinOp(op.kind, node, self.unary(), op.pos)
        return node

    def unary(self) -> _Node:
        negative = False
        while self.tok.kind in ("+", "-"):
            if self.advance().kind == "-":
                negative = not negative
        node = self.power()
        return _Neg(node) if negative else node

    def power(self) -> _Node:
        base = self.primary()
        if self.tok.kind == "^":
            op = self.advance()
            self.enter(op)
            exponent = self.unary()
            self.leave()
            return _BinOp("^", base, exponent, op.pos)
        return base

    def mixed(self) -> _Node | None:
        """``2 1/2`` (integer, integer, '/', integer), or None if these tokens are not one."""
        whole, numerator, slash, denominator = (self.peek(k) for k in range(4))
        if not (
            whole.kind == numerator.kind == denominator.kind == _NUM
            and slash.kind == "/"
            and all(t.text.isdigit() for t in (whole, numerator, denominator))
            and self.peek(4).kind not in ("^", "*", "/")
        ):
            return None
        if int(denominator.text) == 0:
            raise AnswerError(f"division by zero at position {slash.pos}", slash.pos)
        for _ in range(4):
            self.advance()
        return _Mixed(int(whole.text), int(numerator.text), int(denominator.text), whole.pos)

    def primary(self) -> _Node:
        tok = self.tok
        if tok.kind == _NUM:
            if self.peek().kind == _NUM:
                mixed = self.mixed()
                if mixed is not None:
                    return mixed
            self.advance()
            return _Num(tok.value, tok.text)
        if tok.kind == "(":
            self.enter(tok)
            self.advance()
            self.no_empty_parens(tok, "parentheses")
            node = self.comparison() if self.grammar.comparisons else self.expr()
            self.close_paren(tok)
            self.leave()
            return node
        if tok.kind == _NAME:
            name = tok.name
            if name in self.grammar.names:
                self.advance()
                return _Var(name, tok.pos)
            if name in _CONSTANTS:
                self.advance()
                return _Num(_CONSTANTS[name])
            if self.grammar.arity(name) is not None:
                return self.call()
            if name in UNIT_NAMES:
                raise AnswerError(
                    f"expected a number at position {tok.pos}, but found the unit "
                    f"{_show(tok.text)} (a unit can only come at the end, after the number)",
                    tok.pos,
                )
            raise AnswerError(self.unknown_name_message(tok), tok.pos)
        if tok.kind == _UNIT:
            raise AnswerError(
                f"expected a number at position {tok.pos}, but found the unit "
                f"{_show(tok.text)} (a unit can only come at the end, after the number)",
                tok.pos,
            )
        if tok.kind == _END:
            found = "the end of the answer"
        else:
            found = _show(tok.text)
        raise AnswerError(
            f"expected a number, a name or '(' at position {tok.pos}, but found {found}",
            tok.pos,
        )

    def call(self) -> _Node:
        name_tok = self.advance()
        func = name_tok.name
        lparen = self.tok
        if lparen.kind != "(":
            example = "log(8, 2)" if func == "log" else f"{func}(2)"
            raise AnswerError(
                f"the function {_show(name_tok.text)} at position {name_tok.pos} must be "
                f"followed by '(', e.g. {example}",
                name_tok.pos,
            )
        self.enter(lparen)
        self.advance()
        self.no_empty_parens(lparen, f"parentheses after {_show(name_tok.text)}")
        args = [self.expr()]
        while self.tok.kind == ",":
            self.advance()
            args.append(self.expr())
        self.close_paren(lparen)
        self.leave()
        if func == "log" and len(args) == 1:
            raise AnswerError(
                f"log(x) at position {name_tok.pos} is ambiguous: write ln(x) for the natural "
                "log, log2(x) for base 2, log10(x) for base 10, or log(x, b) for base b",
                name_tok.pos,
            )
        lo, hi = self.grammar.arity(func) or (0, 0)
        if not lo <= len(args) <= hi:
            if func == "log":
                wanted = "2 arguments (x, b)"
            elif lo == hi:
                wanted = "1 argument" if lo == 1 else f"{lo} arguments"
            else:
                wanted = f"{lo} to {hi} arguments"
            raise AnswerError(
                f"{func} at position {name_tok.pos} takes {wanted}, but got {len(args)}",
                name_tok.pos,
            )
        return _Call(func, tuple(args), name_tok.pos)

    def no_empty_parens(self, lparen: _Token, what: str) -> None:
        if self.tok.kind == ")":
            raise AnswerError(f"empty {what} at position {lparen.pos}", lparen.pos)

    def close_paren(self, lparen: _Token) -> None:
        if self.tok.kind == ")":
            self.advance()
            return
        self.fail_after_operand(lparen)

    def fail_after_operand(self, lparen: _Token | None) -> None:
        """Explain why the current token cannot follow a complete operand."""
        tok = self.tok
        if tok.kind == _END:
            assert lparen is not None  # at top level END is accepted by the caller
            raise AnswerError(f"missing ')' to close the '(' at position {lparen.pos}", lparen.pos)
        if tok.kind == ")":
            raise AnswerError(f"unmatched ')' at position {tok.pos}", tok.pos)
        if tok.kind == ",":
            raise AnswerError(
                f"unexpected ',' at position {tok.pos}; use '.' for decimals (a comma only "
                "separates the arguments of log(x, b))",
                tok.pos,
            )
        if self.is_unit(tok):
            if not self.grammar.units:
                raise AnswerError(
                    f"a unit ({_show(tok.text)} at position {tok.pos}) has no place in a "
                    "template expression",
                    tok.pos,
                )
            raise AnswerError(
                f"the unit {_show(tok.text)} at position {tok.pos} must come at the end of "
                "the answer",
                tok.pos,
            )
        if tok.kind in _COMPARISONS:
            raise AnswerError(
                f"a comparison ({_show(tok.text)} at position {tok.pos}) can only join two "
                "whole expressions",
                tok.pos,
            )
        if (
            tok.kind == _NAME
            and tok.name not in _CONSTANTS
            and tok.name not in self.grammar.names
            and self.grammar.arity(tok.name) is None
        ):
            raise AnswerError(self.unknown_name_message(tok), tok.pos)
        prev = self.tokens[self.i - 1]
        raise AnswerError(
            f"missing operator between {_show(prev.text)} and {_show(tok.text)} at position "
            f"{tok.pos} (write * to multiply)",
            tok.pos,
        )

    def unknown_name_message(self, tok: _Token) -> str:
        allowed = _ALLOWED_NAMES
        if self.grammar.functions is not None:
            names = sorted({*_FUNCTIONS, *self.grammar.functions})
            variables = ", ".join(sorted(self.grammar.names)) or "none"
            allowed = f"functions: {', '.join(names)}; variables: {variables}"
        message = f"unknown name {_show(tok.text)} at position {tok.pos}; {allowed}"
        name = tok.name
        for func in ("ln", "exp", "sqrt", "log"):
            rest = name[len(func) :]
            if name.startswith(func) and rest.isdigit() and len(rest) <= 6:
                if func == "log":
                    return f"{message} (for base {rest} write log(x, {rest}))"
                return f"{message} (put the argument in parentheses, e.g. {func}({rest}))"
        return message


# --------------------------------------------------------------------------------------
# Evaluator: exact fractions while they stay small, checked floats otherwise
# --------------------------------------------------------------------------------------


def _too_large(pos: int) -> AnswerError:
    return AnswerError(f"the result is too large to compute (at position {pos})", pos)


def _float(x: Number, pos: int) -> float:
    if isinstance(x, float):
        return x
    try:
        return float(x)
    except OverflowError:
        raise _too_large(pos) from None


def _exact(x: Fraction, pos: int) -> Number:
    """``x`` kept exact if it is small and its float does not overflow; else its float."""
    top, bottom = x.numerator.bit_length(), x.denominator.bit_length()
    if top - bottom > 1000:
        _float(x, pos)  # refuses a finite result too large for a float
    if top <= MAX_EXACT_BITS and bottom <= MAX_EXACT_BITS:
        return x
    return _float(x, pos)


def _checked(result: float, inputs: tuple[float, ...], pos: int, nan_message: str) -> float:
    """Refuse NaN, and infinity produced from finite inputs (overflow)."""
    if math.isnan(result):
        raise AnswerError(f"{nan_message} (at position {pos})", pos)
    if math.isinf(result) and all(math.isfinite(x) for x in inputs):
        raise _too_large(pos)
    return result


def _integer_root(n: int, k: int) -> int | None:
    """The integer ``r >= 0`` with ``r**k == n`` (``n >= 0``), or None."""
    if n < 2:
        return n
    r = round(n ** (1.0 / k)) if n.bit_length() < 1000 else None
    if r is None:
        return None
    for candidate in (r - 1, r, r + 1):
        if candidate >= 0 and candidate**k == n:
            return candidate
    return None


def _exact_power(a: Fraction, b: Fraction) -> Fraction | None:
    """``a ** b`` exactly when that is rational and small, else None."""
    if b.denominator == 1:
        n = b.numerator
        # bit_length - 1 <= log2 < bit_length: the power needs at least abs(n) * (size - 1)
        # bits, and at most twice that; _exact turns a result that grew too large to a float.
        size = max(a.numerator.bit_length(), a.denominator.bit_length())
        if abs(n) * (size - 1) > MAX_EXACT_BITS:
            return None
        if a == 0 and n < 0:
            return None
        return a**n
    if a < 0 or b.denominator > 12:
        return None
    k = b.denominator
    top, bottom = _integer_root(a.numerator, k), _integer_root(a.denominator, k)
    if top is None or bottom is None:
        return None
    return _exact_power(Fraction(top, bottom), Fraction(b.numerator))


def _power(a: Number, b: Number, pos: int) -> Number:
    where = f"(at position {pos})"
    fa, fb = _float(a, pos), _float(b, pos)
    if fa == 0 and fb < 0:
        raise AnswerError(f"division by zero: 0 raised to a negative power {where}", pos)
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        found = _exact_power(a, b)
        if found is not None:
            return _exact(found, pos)
    if math.isinf(fb):
        if fa < 0:
            raise AnswerError(
                f"a negative number raised to an infinite power is undefined {where}", pos
            )
        if fa == 1:
            raise AnswerError(f"1 raised to an infinite power is undefined {where}", pos)
    elif fa < 0 and not fb.is_integer():
        raise AnswerError(
            f"a negative number raised to a non-integer power is not defined {where}", pos
        )
    if math.isinf(fa) and fb == 0:
        raise AnswerError(f"infinity raised to the power 0 is undefined {where}", pos)
    try:
        result = math.pow(fa, fb)
    except OverflowError:
        raise _too_large(pos) from None
    except ValueError:
        raise AnswerError(f"this power is not defined {where}", pos) from None
    return _checked(result, (fa, fb), pos, "this power is undefined")


def _log_domain(func: str, x: float, pos: int) -> None:
    if x == 0:
        raise AnswerError(f"{func} is not defined for 0 (at position {pos})", pos)
    if x < 0:
        raise AnswerError(f"{func} is not defined for negative numbers (at position {pos})", pos)


def _log_exact(x: Number, base: int) -> Number:
    """log of ``x`` to ``base`` exactly when ``x`` is a whole power of it (8 → 3 in base 2)."""
    if isinstance(x, Fraction) and x > 0:
        for value, sign in ((x, 1), (1 / x, -1)):
            if value.denominator == 1:
                n, k = value.numerator, 0
                while n % base == 0 and n > 1:
                    n //= base
                    k += 1
                if n == 1:
                    return Fraction(sign * k)
    return {2: math.log2, 10: math.log10}[base](float(x))


def _call(func: str, args: list[Number], pos: int) -> Number:
    x = args[0]
    fx = _float(x, pos)
    if func in ("ln", "log2", "log10"):
        _log_domain(func, fx, pos)
        if func == "ln":
            return math.log(x) if isinstance(x, Fraction) else math.log(fx)
        return _log_exact(x, 2 if func == "log2" else 10)
    if func == "log":
        base = _float(args[1], pos)
        _log_domain("log", fx, pos)
        if not (0 < base < math.inf) or base == 1:
            raise AnswerError(
                f"the base of log must be a positive finite number other than 1 "
                f"(at position {pos})",
                pos,
            )
        lx = math.log(x) if isinstance(x, Fraction) else math.log(fx)
        lb = math.log(args[1]) if isinstance(args[1], Fraction) else math.log(base)
        return _checked(lx / lb, (fx, base), pos, "this log is undefined")
    if func == "exp":
        if isinstance(x, Fraction) and x == 0:
            return Fraction(1)
        try:
            return math.exp(fx)
        except OverflowError:
            raise _too_large(pos) from None
    if func == "sqrt":
        if fx < 0:
            raise AnswerError(f"sqrt is not defined for negative numbers (at position {pos})", pos)
        if isinstance(x, Fraction):
            found = _exact_power(x, Fraction(1, 2))
            if found is not None:
                return found
        return math.sqrt(fx)
    raise AssertionError(f"unhandled function {func}")  # pragma: no cover


Function = Callable[[list[Number], int], Number]
"""An extra function for template expressions: ``(arguments, position) -> value``; it
raises :class:`AnswerError` for arguments outside its domain."""


class _Evaluator:
    def __init__(
        self, names: Mapping[str, Number] | None = None, functions: Mapping[str, Function] = {}
    ) -> None:
        self.names = names or {}
        self.functions = functions

    def __call__(self, node: _Node) -> Number:
        if isinstance(node, _Num):
            if node.text:
                exact = _literal(node.text)
                return node.value if exact is None else exact
            return node.value
        if isinstance(node, _Mixed):
            return Fraction(node.whole) + Fraction(node.numerator, node.denominator)
        if isinstance(node, _Var):
            return self.names[node.name]
        if isinstance(node, _Neg):
            return -self(node.operand)
        if isinstance(node, _Call):
            args = [self(arg) for arg in node.args]
            extra = self.functions.get(node.func)
            if extra is not None and node.func not in _FUNCTIONS:
                found = extra(args, node.pos)
                return Fraction(found) if isinstance(found, int) else found
            return _call(node.func, args, node.pos)
        a = self(node.left)
        b = self(node.right)
        op, pos = node.op, node.pos
        if op in _COMPARISONS:
            fa, fb = _float(a, pos), _float(b, pos)
            holds = {
                "<": fa < fb if _mixed_kinds(a, b) else a < b,
                "<=": fa <= fb if _mixed_kinds(a, b) else a <= b,
                ">": fa > fb if _mixed_kinds(a, b) else a > b,
                ">=": fa >= fb if _mixed_kinds(a, b) else a >= b,
                "==": fa == fb if _mixed_kinds(a, b) else a == b,
                "!=": fa != fb if _mixed_kinds(a, b) else a != b,
            }[op]
            return Fraction(int(holds))
        if op == "^":
            return _power(a, b, pos)
        if isinstance(a, Fraction) and isinstance(b, Fraction):
            if op == "/" and b == 0:
                raise AnswerError(f"division by zero at position {pos}", pos)
            exact = {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else None}[op]
            return _exact(exact, pos)
        fa, fb = _float(a, pos), _float(b, pos)
        if op == "+":
            return _checked(fa + fb, (fa, fb), pos, "infinity minus infinity is undefined")
        if op == "-":
            return _checked(fa - fb, (fa, fb), pos, "infinity minus infinity is undefined")
        if op == "*":
            return _checked(fa * fb, (fa, fb), pos, "zero times infinity is undefined")
        if fb == 0:
            raise AnswerError(f"division by zero at position {pos}", pos)
        return _checked(fa / fb, (fa, fb), pos, "infinity divided by infinity is undefined")


def _mixed_kinds(a: Number, b: Number) -> bool:
    return isinstance(a, float) or isinstance(b, float)


def _literal(text: str) -> Fraction | None:
    """A decimal literal's exact value (``"0.1"`` is 1/10), or None if it is too large."""
    text = text.replace("\u2212", "-").replace("\u2013", "-")
    _, _, exponent = text.lower().partition("e")
    if exponent and abs(int(exponent)) > 400:
        return None
    return Fraction(text)


def _form(node: _Node) -> tuple[str, tuple[int, ...]]:
    """How an answer was written (see :class:`ParsedAnswer`)."""
    if isinstance(node, _Neg):
        return _form(node.operand)
    if isinstance(node, _Mixed):
        return "mixed", (node.whole, node.numerator, node.denominator)
    if isinstance(node, _Num) and node.text:
        return ("integer" if node.text.isdigit() else "decimal"), ()
    if isinstance(node, _BinOp) and node.op == "/":
        top = node.left.operand if isinstance(node.left, _Neg) else node.left  # -3/4
        if all(isinstance(s, _Num) and s.text.isdigit() for s in (top, node.right)):
            return "fraction", (int(top.text), int(node.right.text))
    return "expression", ()


# --------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------


def _strip(text: str, limit: int, caller: str) -> tuple[str, int]:
    if not isinstance(text, str):
        raise TypeError(f"{caller}() expects a str, not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise AnswerError("please enter an answer")
    if len(stripped) > limit:
        raise AnswerError(f"answer is too long ({len(stripped)} characters; at most {limit})")
    return stripped, len(text) - len(text.lstrip())


def _answer(tokens: list[_Token]) -> ParsedAnswer:
    if len(tokens) == 1:  # only invisible characters
        raise AnswerError("please enter an answer")
    try:
        node, unit = _Parser(tokens).parse()
        result = _Evaluator()(node)
    except RecursionError:  # pragma: no cover - depth is bounded well below the limit
        raise AnswerError("the answer is nested too deeply") from None
    value = _float(result, tokens[0].pos)
    if math.isnan(value):  # pragma: no cover - every operation already refuses NaN
        raise AnswerError("the result is undefined")
    if value == 0:
        value = 0.0  # no "-0"
    form, parts = _form(node)
    exact = result if isinstance(result, Fraction) else None
    return ParsedAnswer(value, unit, exact, form, parts)


def _grouped_digits(text: str) -> bool:
    """Whether ``text`` is a number written with commas between groups of three digits
    (``5,000``, ``-1,234.5``)."""
    whole, _, decimals = text.lstrip("-\u2212").partition(".")
    groups = whole.split(",")
    return (
        len(groups) > 1
        and all(set(group) <= _DIGITS for group in groups)
        and 1 <= len(groups[0]) <= 3
        and all(len(group) == 3 for group in groups[1:])
        and set(decimals) <= _DIGITS
        and (bool(decimals) or "." not in text)
    )


def _refuse_grouping_commas(stripped: str, offset: int) -> None:
    """Refuse ``5,000`` with a message that says to leave the commas out (the general
    message about commas would suggest a decimal point, turning 5,000 into 5.000)."""
    if _grouped_digits(stripped):
        example = stripped.replace(",", "")
        shown = f" ({example})" if len(example) <= _MAX_SHOWN else ""
        raise AnswerError(f"type the number without commas{shown}", offset + stripped.index(","))


def _refuse_bracketed_values(stripped: str, offset: int) -> None:
    """Refuse values typed inside one pair of brackets, ``(3, -4)`` or ``[3, 4]``, with a
    message that says to leave the brackets out."""
    if len(stripped) < 2 or stripped[0] not in "([{" or stripped[-1] not in ")]}":
        return
    depth = 0
    inner_comma = False
    for c in stripped[1:-1]:
        depth += c in "([{"
        depth -= c in ")]}"
        if depth < 0:
            return  # the first bracket closes before the end: "(1), (2)"
        inner_comma = inner_comma or (depth == 0 and c in ",;")
    if depth == 0 and inner_comma:
        raise AnswerError("leave out the brackets: type the values separated by commas", offset)


def parse_answer(text: str) -> ParsedAnswer:
    """Parse a student's answer.

    Returns a :class:`ParsedAnswer` whose value is a float (finite or ±inf, never NaN).
    Raises :class:`AnswerError` (student-facing message, ``.position``) for anything that
    is not a valid answer, and :class:`TypeError` if ``text`` is not a ``str``.
    """
    stripped, offset = _strip(text, MAX_LENGTH, "parse_answer")
    _refuse_grouping_commas(stripped, offset)
    return _answer(_tokenize(stripped, offset))


def parse_values(text: str) -> tuple[ParsedAnswer, ...]:
    """Parse an answer of several values separated by commas or semicolons outside
    parentheses (``7, 3``), or by the letter r (``7 r 3``: a quotient and a remainder).

    Raises :class:`AnswerError` as :func:`parse_answer` does, naming the value at fault.
    """
    stripped, offset = _strip(
        text.replace(";", ",") if isinstance(text, str) else text, MAX_LENGTH, "parse_values"
    )
    _refuse_bracketed_values(stripped, offset)
    tokens = _tokenize(stripped, offset)
    groups: list[list[_Token]] = [[]]
    depth = 0
    for tok in tokens[:-1]:
        depth += tok.kind == "("
        depth -= tok.kind == ")"
        if depth == 0 and (tok.kind == "," or (tok.kind == _NAME and tok.name == "r")):
            groups.append([])
        else:
            groups[-1].append(tok)
    if len(groups) > MAX_VALUES:
        raise AnswerError(f"too many values ({len(groups)}; at most {MAX_VALUES})")
    values = []
    for i, group in enumerate(groups, start=1):
        if not group:
            raise AnswerError(f"value {i} is missing: separate the values with commas")
        end = _Token(_END, "", group[-1].pos + len(group[-1].text))
        try:
            values.append(_answer([*group, end]))
        except AnswerError as exc:
            raise AnswerError(f"value {i}: {exc.message}", exc.position) from None
    return tuple(values)


def evaluate(
    text: str,
    *,
    names: Mapping[str, Number] | None = None,
    functions: Mapping[str, tuple[int, int, Function]] | None = None,
) -> Number:
    """The value of a template expression (see the module's docstring).

    ``names`` binds variables (lower-case names); ``functions`` adds functions, each
    ``name → (fewest arguments, most arguments, function)``. Comparisons give 1 if they
    hold, else 0. Raises :class:`AnswerError` with a message for the instructor.
    """
    names = {k: Fraction(v) if isinstance(v, int) else v for k, v in (names or {}).items()}
    functions = functions or {}
    stripped, offset = _strip(text, MAX_TEMPLATE_LENGTH, "evaluate")
    tokens = _tokenize(stripped, offset, template=True)
    if len(tokens) == 1:
        raise AnswerError("please enter an expression")
    grammar = _Grammar(
        names=frozenset(names),
        functions={name: (lo, hi) for name, (lo, hi, _) in functions.items()},
        comparisons=True,
        units=False,
    )
    try:
        node, _ = _Parser(tokens, grammar).parse()
        return _Evaluator(names, {name: f for name, (_, _, f) in functions.items()})(node)
    except RecursionError:  # pragma: no cover - depth is bounded well below the limit
        raise AnswerError("the expression is nested too deeply") from None
