"""Reading and grading students' numeric answers.

Pure Python (only :mod:`math` from the standard library, no Django), so it can be used and
tested anywhere.

Parsing
=======
:func:`parse_answer` reads a short arithmetic expression such as ``0.5``, ``3/4``,
``1.6×10^-3``, ``0.5*log2(0.5/0.25) + 0.5*log2(0.5/0.75)`` or ``ln(2) nats`` and returns a
:class:`ParsedAnswer` (a float plus an optional unit), or raises :class:`AnswerError` whose
message can be shown to the student as it is.

It is a hand-written tokenizer and recursive-descent parser that builds a small syntax tree,
followed by an evaluator that walks the tree with floats only.  Nothing is ever handed to
Python's own expression machinery.  Grammar (names are case-insensitive, whitespace is
ignored)::

    answer  := expr [unit] END
    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/") unary)*
    unary   := ("+" | "-")* power            # -2^2 = -(2^2) = -4
    power   := primary ["^" unary]           # right-associative: 2^3^2 = 2^9
    primary := NUMBER | CONSTANT | FUNCTION "(" expr ("," expr)* ")" | "(" expr ")"
    unit    := "bits" | "bit" | "nats" | "nat"

Operators may also be written ``**`` (power), ``×`` ``·`` ``⋅`` (times), ``÷`` (divide),
``−`` (U+2212) or ``–`` (U+2013) (minus).  Functions: ``ln``, ``log2``, ``log10``,
``log(x, b)``, ``exp``, ``sqrt``; one-argument ``log(x)`` is refused as ambiguous.
Constants: ``e``, ``pi``/``π``, ``inf``/``infinity``/``∞``.  Implicit multiplication
(``2pi``, ``2(3)``) is refused.

Hostile input is bounded: the length is checked (at most :data:`MAX_LENGTH` characters)
before tokenising, nesting of parentheses, function calls and powers is limited to
:data:`MAX_DEPTH`, and every operation is done on floats with explicit overflow and domain
checks, so no input can build a huge integer or take noticeable time.  Rules for infinity:
an operation involving ``inf`` is allowed when it has a well-defined IEEE result that is not
NaN (``inf``, ``2*inf``, ``1/inf``, ``exp(-inf)``); indeterminate forms (``inf - inf``,
``0*inf``, ``inf/inf``, ``1^inf``, ``inf^0``) are refused.  A *finite* computation that
overflows is refused ("the result is too large to compute"); underflow quietly gives 0.

``parse_answer`` raises only :class:`AnswerError` for any ``str``; a non-``str`` argument is
a programming error and raises :class:`TypeError`.

Grading
=======
:func:`grade` compares an answer (text, a :class:`ParsedAnswer` or a plain number) with the
expected value and returns a :class:`Verdict`.  It never raises for text input: text that
cannot be parsed gives ``Verdict(correct=False, diagnosis="unparseable", message=<the
AnswerError message>)``.  It raises :class:`ValueError`/:class:`TypeError` only for caller
mistakes (a NaN expected value, an unknown unit or diagnosis code, negative tolerances).

Tolerance (:func:`close`): ``|answer - expected| <= max(rel_tol*|expected|, abs_tol)``;
infinities only match the same infinity.  The default ``rel_tol`` is 0.5 %
(:data:`DEFAULT_REL_TOL`): exactly enough that *any* correct answer rounded to three
significant figures is accepted (rounding to 3 s.f. changes a number by at most 0.5 % of
itself), while typical mistakes (reversed divergence, wrong unit, missing term) are far
outside it.  ``abs_tol`` (default ``1e-9``) is the floor that lets ``0`` and ``1e-15``
both match an expected value of 0.

If the answer is wrong the grader looks, in this order, for: the caller's ``alternatives``
(code → value that mistake would give); ``wrong_unit`` (bits ↔ nats); ``wrong_base`` (log
base 10); ``sign_error`` (answer ≈ -expected); ``negative_divergence`` (a negative answer
when ``nonnegative=True``); ``imprecise`` (within ten times the tolerance).  Each code has a
student-facing explanation in :data:`DIAGNOSES`; ``Verdict.message`` is that explanation or
a more specific version of it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "DEFAULT_ABS_TOL",
    "DEFAULT_REL_TOL",
    "DIAGNOSES",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "UNITS",
    "AnswerError",
    "ParsedAnswer",
    "Verdict",
    "close",
    "grade",
    "parse_answer",
]

MAX_LENGTH = 200
"""Longest accepted answer, in characters (after stripping surrounding whitespace)."""

MAX_DEPTH = 20
"""Deepest accepted nesting of parentheses, function calls and powers."""

DEFAULT_REL_TOL = 5e-3
"""Default relative tolerance: accepts any correct answer rounded to 3 significant figures."""

DEFAULT_ABS_TOL = 1e-9
"""Default absolute tolerance, the floor used near zero."""

UNITS = ("bits", "nats")

_LN2 = math.log(2.0)
_LOG10_2 = math.log10(2.0)
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
    """A parsed answer: its value (finite or ±inf, never NaN) and unit, if one was given."""

    value: float
    unit: str | None = None  # "bits", "nats" or None


@dataclass(frozen=True, slots=True)
class Verdict:
    """The result of grading one answer."""

    correct: bool
    diagnosis: str | None  # a key of DIAGNOSES, or None
    message: str  # student-facing sentence
    value: float | None  # the answer in the question's unit; None if unparseable
    expected: float


# --------------------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------------------

_DIGITS = frozenset("0123456789")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")  # zero-width characters
_MINUS = frozenset("-\u2212\u2013")  # hyphen-minus, minus sign, en dash
_TIMES = frozenset("*\u00d7\u00b7\u22c5\u2219")  # * × · ⋅ ∙
_DIVIDE = frozenset("/\u00f7")  # / ÷

_FUNCTIONS = {"ln": 1, "log2": 1, "log10": 1, "log": 2, "exp": 1, "sqrt": 1}
_CONSTANTS = {
    "e": math.e,
    "pi": math.pi,
    "inf": math.inf,
    "infinity": math.inf,
}
_UNIT_NAMES = {"bits": "bits", "bit": "bits", "nats": "nats", "nat": "nats"}
_ALLOWED_NAMES = "allowed functions: ln, log2, log10, log(x, b), exp, sqrt; constants: e, pi, inf"

# token kinds
_NUM = "number"
_NAME = "name"
_END = "end"
# operators and punctuation use their canonical character as kind: + - * / ^ ( ) ,


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str  # as typed (for messages)
    pos: int  # 0-based position in the original text
    value: float = 0.0  # numbers only
    name: str = ""  # names only, lower-cased and canonical


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


def _tokenize(s: str, offset: int) -> list[_Token]:
    """Split ``s`` into tokens; ``offset`` is added to every reported position."""
    tokens: list[_Token] = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        pos = offset + i
        if c.isspace() or c in _INVISIBLE:
            i += 1
        elif c in _DIGITS or (c == "." and i + 1 < n and s[i + 1] in _DIGITS):
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
            tokens.append(_Token(_NUM, text, pos, value=value))
            i = j
        elif c.isascii() and c.isalpha():
            j = i + 1
            while j < n and s[j].isascii() and s[j].isalnum():
                j += 1
            text = s[i:j]
            tokens.append(_Token(_NAME, text, pos, name=text.lower()))
            i = j
        elif c == "\u03c0":  # π
            tokens.append(_Token(_NAME, c, pos, name="pi"))
            i += 1
        elif c == "\u221e":  # ∞
            tokens.append(_Token(_NAME, c, pos, name="inf"))
            i += 1
        elif c == "*" and i + 1 < n and s[i + 1] == "*":
            tokens.append(_Token("^", "**", pos))
            i += 2
        elif c in _TIMES:
            tokens.append(_Token("*", c, pos))
            i += 1
        elif c in _DIVIDE:
            tokens.append(_Token("/", c, pos))
            i += 1
        elif c in _MINUS:
            tokens.append(_Token("-", c, pos))
            i += 1
        elif c in "+^(),":
            tokens.append(_Token(c, c, pos))
            i += 1
        else:
            raise AnswerError(f"unexpected character {_describe_char(c)} at position {pos}", pos)
    tokens.append(_Token(_END, "", offset + n))
    return tokens


# --------------------------------------------------------------------------------------
# Syntax tree
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Num:
    value: float


@dataclass(frozen=True, slots=True)
class _Neg:
    operand: _Node


@dataclass(frozen=True, slots=True)
class _BinOp:
    op: str  # + - * / ^
    left: _Node
    right: _Node
    pos: int


@dataclass(frozen=True, slots=True)
class _Call:
    func: str
    args: tuple[_Node, ...]
    pos: int


_Node = _Num | _Neg | _BinOp | _Call


# --------------------------------------------------------------------------------------
# Parser
# --------------------------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    @property
    def tok(self) -> _Token:
        return self.tokens[self.i]

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

    # answer := expr [unit] END
    def parse(self) -> tuple[_Node, str | None]:
        node = self.expr()
        tok = self.tok
        unit = None
        if tok.kind == _NAME and tok.name in _UNIT_NAMES:
            unit = _UNIT_NAMES[tok.name]
            self.advance()
            nxt = self.tok
            if nxt.kind == _NAME and nxt.name in _UNIT_NAMES:
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

    def primary(self) -> _Node:
        tok = self.tok
        if tok.kind == _NUM:
            self.advance()
            return _Num(tok.value)
        if tok.kind == "(":
            self.enter(tok)
            self.advance()
            self.no_empty_parens(tok, "parentheses")
            node = self.expr()
            self.close_paren(tok)
            self.leave()
            return node
        if tok.kind == _NAME:
            name = tok.name
            if name in _CONSTANTS:
                self.advance()
                return _Num(_CONSTANTS[name])
            if name in _FUNCTIONS:
                return self.call()
            if name in _UNIT_NAMES:
                raise AnswerError(
                    f"expected a number at position {tok.pos}, but found the unit "
                    f"{_show(tok.text)} (a unit can only come at the end, after the number)",
                    tok.pos,
                )
            raise AnswerError(self.unknown_name_message(tok), tok.pos)
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
        arity = _FUNCTIONS[func]
        if len(args) != arity:
            wanted = "2 arguments (x, b)" if arity == 2 else "1 argument"
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
        if tok.kind == _NAME and tok.name in _UNIT_NAMES:
            raise AnswerError(
                f"the unit {_show(tok.text)} at position {tok.pos} must come at the end of "
                "the answer",
                tok.pos,
            )
        if tok.kind == _NAME and tok.name not in _CONSTANTS and tok.name not in _FUNCTIONS:
            raise AnswerError(self.unknown_name_message(tok), tok.pos)
        prev = self.tokens[self.i - 1]
        raise AnswerError(
            f"missing operator between {_show(prev.text)} and {_show(tok.text)} at position "
            f"{tok.pos} (write * to multiply)",
            tok.pos,
        )

    @staticmethod
    def unknown_name_message(tok: _Token) -> str:
        message = f"unknown name {_show(tok.text)} at position {tok.pos}; {_ALLOWED_NAMES}"
        name = tok.name
        for func in ("ln", "exp", "sqrt", "log"):
            rest = name[len(func) :]
            if name.startswith(func) and rest.isdigit() and len(rest) <= 6:
                if func == "log":
                    return f"{message} (for base {rest} write log(x, {rest}))"
                return f"{message} (put the argument in parentheses, e.g. {func}({rest}))"
        return message


# --------------------------------------------------------------------------------------
# Evaluator (floats only)
# --------------------------------------------------------------------------------------


def _too_large(pos: int) -> AnswerError:
    return AnswerError(f"the result is too large to compute (at position {pos})", pos)


def _checked(result: float, inputs: tuple[float, ...], pos: int, nan_message: str) -> float:
    """Refuse NaN, and infinity produced from finite inputs (overflow)."""
    if math.isnan(result):
        raise AnswerError(f"{nan_message} (at position {pos})", pos)
    if math.isinf(result) and all(math.isfinite(x) for x in inputs):
        raise _too_large(pos)
    return result


def _power(a: float, b: float, pos: int) -> float:
    where = f"(at position {pos})"
    if a == 0 and b < 0:
        raise AnswerError(f"division by zero: 0 raised to a negative power {where}", pos)
    if math.isinf(b):
        if a < 0:
            raise AnswerError(
                f"a negative number raised to an infinite power is undefined {where}", pos
            )
        if a == 1:
            raise AnswerError(f"1 raised to an infinite power is undefined {where}", pos)
    elif a < 0 and not b.is_integer():
        raise AnswerError(
            f"a negative number raised to a non-integer power is not defined {where}", pos
        )
    if math.isinf(a) and b == 0:
        raise AnswerError(f"infinity raised to the power 0 is undefined {where}", pos)
    try:
        result = math.pow(a, b)
    except OverflowError:
        raise _too_large(pos) from None
    except ValueError:
        raise AnswerError(f"this power is not defined {where}", pos) from None
    return _checked(result, (a, b), pos, "this power is undefined")


def _log_domain(func: str, x: float, pos: int) -> None:
    if x == 0:
        raise AnswerError(f"{func} is not defined for 0 (at position {pos})", pos)
    if x < 0:
        raise AnswerError(f"{func} is not defined for negative numbers (at position {pos})", pos)


def _call(func: str, args: list[float], pos: int) -> float:
    x = args[0]
    if func in ("ln", "log2", "log10"):
        _log_domain(func, x, pos)
        return {"ln": math.log, "log2": math.log2, "log10": math.log10}[func](x)
    if func == "log":
        base = args[1]
        _log_domain("log", x, pos)
        if not (0 < base < math.inf) or base == 1:
            raise AnswerError(
                f"the base of log must be a positive finite number other than 1 "
                f"(at position {pos})",
                pos,
            )
        return _checked(math.log(x) / math.log(base), (x, base), pos, "this log is undefined")
    if func == "exp":
        try:
            return math.exp(x)
        except OverflowError:
            raise _too_large(pos) from None
    if func == "sqrt":
        if x < 0:
            raise AnswerError(f"sqrt is not defined for negative numbers (at position {pos})", pos)
        return math.sqrt(x)
    raise AssertionError(f"unhandled function {func}")  # pragma: no cover


def _evaluate(node: _Node) -> float:
    if isinstance(node, _Num):
        return node.value
    if isinstance(node, _Neg):
        return -_evaluate(node.operand)
    if isinstance(node, _Call):
        return _call(node.func, [_evaluate(arg) for arg in node.args], node.pos)
    a = _evaluate(node.left)
    b = _evaluate(node.right)
    op, pos = node.op, node.pos
    if op == "+":
        return _checked(a + b, (a, b), pos, "infinity minus infinity is undefined")
    if op == "-":
        return _checked(a - b, (a, b), pos, "infinity minus infinity is undefined")
    if op == "*":
        return _checked(a * b, (a, b), pos, "zero times infinity is undefined")
    if op == "/":
        if b == 0:
            raise AnswerError(f"division by zero at position {pos}", pos)
        return _checked(a / b, (a, b), pos, "infinity divided by infinity is undefined")
    return _power(a, b, pos)


# --------------------------------------------------------------------------------------
# Public parser entry point
# --------------------------------------------------------------------------------------


def parse_answer(text: str) -> ParsedAnswer:
    """Parse a student's answer.

    Returns a :class:`ParsedAnswer` whose value is a float (finite or ±inf, never NaN).
    Raises :class:`AnswerError` (student-facing message, ``.position``) for anything that
    is not a valid answer, and :class:`TypeError` if ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_answer() expects a str, not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise AnswerError("please enter an answer")
    if len(stripped) > MAX_LENGTH:
        raise AnswerError(f"answer is too long ({len(stripped)} characters; at most {MAX_LENGTH})")
    offset = len(text) - len(text.lstrip())
    tokens = _tokenize(stripped, offset)
    if len(tokens) == 1:  # only invisible characters
        raise AnswerError("please enter an answer")
    try:
        node, unit = _Parser(tokens).parse()
        value = _evaluate(node)
    except RecursionError:  # pragma: no cover - depth is bounded well below the limit
        raise AnswerError("the answer is nested too deeply") from None
    if math.isnan(value):  # pragma: no cover - every operation already refuses NaN
        raise AnswerError("the result is undefined")
    if value == 0:
        value = 0.0  # no "-0"
    return ParsedAnswer(value, unit)


# --------------------------------------------------------------------------------------
# Grading
# --------------------------------------------------------------------------------------

DIAGNOSES: dict[str, str] = {
    "unparseable": "Your answer could not be read as a number.",
    "reversed": (
        "You computed D(Q\u2016P): KL divergence is not symmetric; "
        "the question asks for D(P\u2016Q)."
    ),
    "missing_term": "It looks like one term of the sum is missing.",
    "cross_entropy": (
        "That is the cross-entropy H(P, Q); the KL divergence is H(P, Q) \u2212 H(P)."
    ),
    "entropy": "That is the entropy H(P), not the quantity the question asks for.",
    "sign_error": ("Your answer has the wrong sign. KL divergence and entropy are never negative."),
    "negative_divergence": (
        "Your answer is negative, but this quantity can never be negative: by Gibbs' "
        "inequality D(P\u2016Q) \u2265 0, with equality only when P = Q."
    ),
    "wrong_unit": (
        "That is the value in the wrong unit: bits use log base 2 and nats use the natural "
        "log (1 nat = 1/ln 2 \u2248 1.443 bits)."
    ),
    "wrong_base": (
        "It looks like you used log base 10. Use log base 2 (log2) for bits, or the "
        "natural log (ln) for nats."
    ),
    "unit_not_expected": "This quantity has no unit; enter just the number.",
    "imprecise": (
        "Close, but not accurate enough: keep more digits in the intermediate steps and "
        "give at least 3 significant figures."
    ),
}
"""Diagnosis code → student-facing explanation."""

_CORRECT = "Correct!"
_INCORRECT = "That is not correct."
_SIGN_ONLY = "Your answer has the wrong sign."


def close(
    a: float,
    b: float,
    *,
    rel_tol: float = DEFAULT_REL_TOL,
    abs_tol: float = DEFAULT_ABS_TOL,
) -> bool:
    """Whether ``a`` matches the reference value ``b``.

    ``|a - b| <= max(rel_tol * |b|, abs_tol)`` -- the tolerance is relative to ``b`` (the
    expected value), not symmetric.  An infinite value matches only the same infinity;
    NaN matches nothing.
    """
    if math.isnan(a) or math.isnan(b):
        return False
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= max(rel_tol * abs(b), abs_tol)


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "infinity" if x > 0 else "\u2212infinity"
    return f"{x:.4g}"


def _label(unit: str, x: float) -> str:
    return unit[:-1] if x == 1 else unit  # "1 bit", "2 bits"


def _check_float(name: str, x: object) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float):
        raise TypeError(f"{name} must be a number, not {type(x).__name__}")
    x = float(x)
    if math.isnan(x):
        raise ValueError(f"{name} must not be NaN")
    return x


def grade(
    answer: str | ParsedAnswer | float,
    expected: float,
    *,
    unit: str | None = "bits",
    rel_tol: float = DEFAULT_REL_TOL,
    abs_tol: float = DEFAULT_ABS_TOL,
    alternatives: Mapping[str, float] | None = None,
    nonnegative: bool = False,
) -> Verdict:
    """Grade ``answer`` against ``expected`` (a value in ``unit``).

    ``answer`` is the student's text (parsed with :func:`parse_answer`; unparseable text
    gives diagnosis ``"unparseable"`` instead of an exception), a :class:`ParsedAnswer`,
    or a plain number (taken as having no unit).

    ``unit`` is ``"bits"``, ``"nats"`` or ``None`` for a quantity without a unit (a
    probability, say).  An answer with an explicit unit is converted to ``unit`` before
    comparison (``0.3466 nats`` is right for 0.5 bits); with ``unit=None`` an explicit unit
    is diagnosed ``"unit_not_expected"``.

    ``alternatives`` maps diagnosis codes (keys of :data:`DIAGNOSES`) to the value the
    corresponding mistake would produce, in ``unit``; they are checked in order, before the
    built-in checks.  ``nonnegative=True`` says the quantity can never be negative
    (divergence, entropy), enabling ``negative_divergence``.

    Raises ``ValueError``/``TypeError`` only for invalid arguments from the caller.
    """
    expected = _check_float("expected", expected)
    if unit is not None and unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS} or None, not {unit!r}")
    for name, tol in (("rel_tol", rel_tol), ("abs_tol", abs_tol)):
        if _check_float(name, tol) < 0:
            raise ValueError(f"{name} must not be negative")
    alts: list[tuple[str, float]] = []
    for code, alt in (alternatives or {}).items():
        if code not in DIAGNOSES:
            raise ValueError(f"unknown diagnosis code {code!r}; known: {sorted(DIAGNOSES)}")
        alts.append((code, _check_float(f"alternatives[{code!r}]", alt)))

    if isinstance(answer, str):
        try:
            parsed = parse_answer(answer)
        except AnswerError as err:
            return Verdict(False, "unparseable", err.message, None, expected)
    elif isinstance(answer, ParsedAnswer):
        parsed = answer
    else:
        parsed = ParsedAnswer(_check_float("answer", answer))

    raw = parsed.value
    given_unit = parsed.unit

    def verdict(correct: bool, diagnosis: str | None, message: str, value: float) -> Verdict:
        return Verdict(correct, diagnosis, message, value, expected)

    def matches(value: float, target: float) -> bool:
        return close(value, target, rel_tol=rel_tol, abs_tol=abs_tol)

    if unit is None and given_unit is not None:
        return verdict(False, "unit_not_expected", DIAGNOSES["unit_not_expected"], raw)

    # Convert an explicit unit to the question's unit.
    value = raw
    other = None
    if unit is not None:
        other = "nats" if unit == "bits" else "bits"
        if given_unit == other:
            value = raw / _LN2 if unit == "bits" else raw * _LN2
            if math.isinf(value) and math.isfinite(raw):
                return verdict(False, None, _INCORRECT, value)

    if matches(value, expected):
        if given_unit is not None and given_unit != unit:
            return verdict(
                True,
                None,
                f"{_CORRECT} ({_fmt(raw)} {_label(given_unit, raw)} is "
                f"{_fmt(value)} {_label(unit, value)}.)",
                value,
            )
        return verdict(True, None, _CORRECT, value)

    for code, alt in alts:
        if matches(value, alt):
            return verdict(False, code, DIAGNOSES[code], value)

    special = expected == 0 or math.isinf(expected)
    if unit is not None and other is not None and not special:
        # the expected value expressed in the other unit, and with log base 10
        in_other = expected * _LN2 if unit == "bits" else expected / _LN2
        base10 = (expected if unit == "bits" else expected / _LN2) * _LOG10_2
        if given_unit in (None, unit) and matches(raw, in_other):
            return verdict(
                False,
                "wrong_unit",
                f"That is the value in {other}; the question asks for {unit}.",
                value,
            )
        if given_unit == other and matches(raw, expected):
            return verdict(
                False,
                "wrong_unit",
                f"That number is the answer in {unit}, but you labelled it {other}; "
                f"the question asks for {unit}.",
                value,
            )
        if matches(raw, base10):
            return verdict(False, "wrong_base", DIAGNOSES["wrong_base"], value)

    if not special and matches(value, -expected):
        message = DIAGNOSES["sign_error"] if nonnegative else _SIGN_ONLY
        return verdict(False, "sign_error", message, value)

    if nonnegative and value < 0:
        return verdict(False, "negative_divergence", DIAGNOSES["negative_divergence"], value)

    if close(value, expected, rel_tol=10 * rel_tol, abs_tol=10 * abs_tol):
        return verdict(False, "imprecise", DIAGNOSES["imprecise"], value)

    return verdict(False, None, _INCORRECT, value)
