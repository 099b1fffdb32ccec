"""Property-based tests for practice.parser.parse_answer (hypothesis, no database).

Contract checked on every input: ``parse_answer`` either returns a ``ParsedAnswer`` whose
value is a float that is not NaN, or raises ``AnswerError`` -- nothing else -- and answers
in well under 10 ms.  For generated valid expressions the value is also compared with a
reference value computed alongside the generated text (never by evaluating the text).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice.parser import AnswerError, ParsedAnswer, parse_answer

TIME_LIMIT = 0.010  # seconds per call
MAX_LENGTH = 200  # limits from the specification (not imported, so a changed limit fails)
MAX_DEPTH = 20

FUZZ_SETTINGS = settings(
    max_examples=3000,
    deadline=None,  # we time the parser ourselves, not hypothesis' generation
    database=None,  # do not write a .hypothesis directory into the tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def timed_parse(text: str) -> tuple[ParsedAnswer | AnswerError, float]:
    """Parse ``text``; return the result (or the AnswerError) and the time taken.

    A call over budget is retried twice and the fastest time kept, so a scheduler hiccup
    does not fail the test while a genuinely slow input (slow every time) still does.
    """
    best = math.inf
    outcome: ParsedAnswer | AnswerError
    for _ in range(3):
        start = time.perf_counter()
        try:
            outcome = parse_answer(text)
        except AnswerError as err:
            outcome = err
        best = min(best, time.perf_counter() - start)
        if best < TIME_LIMIT:
            break
    return outcome, best


def check_contract(text: str) -> ParsedAnswer | AnswerError:
    # Anything other than AnswerError propagates out of timed_parse and fails the test.
    outcome, elapsed = timed_parse(text)
    assert elapsed < TIME_LIMIT, f"{elapsed * 1000:.1f} ms for {text!r}"
    if isinstance(outcome, AnswerError):
        assert isinstance(outcome.message, str) and outcome.message
        assert outcome.position is None or 0 <= outcome.position <= len(text)
    else:
        assert isinstance(outcome, ParsedAnswer)
        assert type(outcome.value) is float
        assert not math.isnan(outcome.value)
        assert outcome.unit in (None, "bits", "nats", "percent", "degrees", "radians")
    return outcome


# --------------------------------------------------------------------------------------
# (1) arbitrary text
# --------------------------------------------------------------------------------------

RELEVANT_CHARS = (
    list("0123456789.eE+-*/^(), \t")
    + list("lnogsqrtxpiabf")
    + [
        "\u2212",  # −
        "\u00d7",  # ×
        "\u03c0",  # π
        "\u221e",  # ∞
        "\u200b",  # zero-width space
        "\u00b2",  # ²
    ]
)
FRAGMENTS = [
    "9", "10", "0", "1", "2", ".5", "1e308", "1e-308", "e", "pi", "inf", "\u221e",
    "^", "**", "*", "/", "-", "+", "\u2212", "(", ")", ",", " ",
    "exp(", "ln(", "log(", "log2(", "log10(", "sqrt(", "bits", "nats", "x",
]  # fmt: skip

any_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(RELEVANT_CHARS) | st.characters(), max_size=300),
    st.lists(st.sampled_from(FRAGMENTS), max_size=100).map("".join),
)


@FUZZ_SETTINGS
@given(any_text)
def test_arbitrary_text_returns_a_float_or_raises_answer_error(text: str) -> None:
    check_contract(text)


# --------------------------------------------------------------------------------------
# Grammar-based generation with a reference value
# --------------------------------------------------------------------------------------

# precedence levels of a generated node, as the parser sees it
ADD, MUL, UNARY, POW, ATOM = 1, 2, 3, 4, 5


EXACT_BITS = 2048  # exact values beyond this many bits become floats (the specification)

Ref = Fraction | float | None
"""A reference value: exact while the specification keeps it exact, a float otherwise,
None where evaluating must fail (undefined or overflow)."""


@dataclass(frozen=True)
class Expr:
    text: str
    ref: Ref
    prec: int
    depth: int  # nesting of parentheses, function calls and exponents

    @property
    def value(self) -> float | None:
        return None if self.ref is None else float(self.ref)


def finite_or_none(x: float) -> float | None:
    return x if math.isfinite(x) else None


def as_float(x: Fraction | float) -> float | None:
    try:
        return float(x)
    except OverflowError:
        return None


def kept(x: Fraction) -> Ref:
    """An exact result as the specification keeps it: exact if small, else its float;
    None if even its float overflows."""
    f = as_float(x)
    if f is None or math.isinf(f):
        return None
    small = max(x.numerator.bit_length(), x.denominator.bit_length()) <= EXACT_BITS
    return x if small else f


def paren(e: Expr) -> Expr:
    return Expr(f"({e.text})", e.ref, ATOM, e.depth + 1)


def at_least(e: Expr, prec: int) -> Expr:
    return e if e.prec >= prec else paren(e)


def whole_root(n: int, k: int) -> int | None:
    if n.bit_length() >= 1000:
        return None
    r = round(n ** (1.0 / k))
    return next((c for c in (r - 1, r, r + 1) if c >= 0 and c**k == n), None)


def exact_power(a: Fraction, b: Fraction) -> Fraction | None:
    if b.denominator == 1:
        size = max(a.numerator.bit_length(), a.denominator.bit_length())
        return a**b.numerator if abs(b.numerator) * size <= EXACT_BITS else None
    if a < 0 or b.denominator > 12:
        return None
    top, bottom = (whole_root(n, b.denominator) for n in (a.numerator, a.denominator))
    if top is None or bottom is None:
        return None
    return exact_power(Fraction(top, bottom), Fraction(b.numerator))


def ref_binop(op: str, a: Ref, b: Ref) -> Ref:
    if a is None or b is None:
        return None
    if op == "/" and b == 0:
        return None
    if op == "^" and a == 0 and b < 0:
        return None
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        if op == "^":
            exact = exact_power(a, b)
            if exact is not None:
                return kept(exact)
        else:
            return kept({"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else a}[op])
    fa, fb = as_float(a), as_float(b)
    if fa is None or fb is None:
        return None
    if op == "+":
        return finite_or_none(fa + fb)
    if op == "-":
        return finite_or_none(fa - fb)
    if op == "*":
        return finite_or_none(fa * fb)
    if op == "/":
        # A divisor too small for a float (a tiny exact fraction) is no divisor at all.
        return finite_or_none(fa / fb) if fb != 0 else None
    # power
    if fa < 0 and not fb.is_integer():
        return None
    try:
        return finite_or_none(fa**fb)
    except (OverflowError, ZeroDivisionError):  # 0 to a negative power: refused
        return None


def log_exact(x: Ref, base: int) -> Ref:
    if isinstance(x, Fraction):
        for value, sign in ((x, 1), (1 / x, -1)):
            n, k = value, 0
            while n.denominator == 1 and n > 1 and n.numerator % base == 0:
                n, k = n / base, k + 1
            if n == 1:
                return Fraction(sign * k)
    return {2: math.log2, 10: math.log10}[base](float(x))


def ref_call(func: str, args: list[Ref]) -> Ref:
    if any(x is None for x in args):
        return None
    x = args[0]
    fx = as_float(x)
    if fx is None:
        return None
    if func in ("ln", "log2", "log10"):
        if fx <= 0:
            return None
        return math.log(fx) if func == "ln" else log_exact(x, 2 if func == "log2" else 10)
    if func == "log":
        b = as_float(args[1])
        if b is None or fx <= 0 or b <= 0 or b == 1:
            return None
        return finite_or_none(math.log(fx) / math.log(b))
    if func == "exp":
        if x == 0 and isinstance(x, Fraction):
            return Fraction(1)
        try:
            return math.exp(fx)
        except OverflowError:
            return None
    assert func == "sqrt"
    if fx < 0:
        return None
    exact = exact_power(x, Fraction(1, 2)) if isinstance(x, Fraction) else None
    return exact if exact is not None else math.sqrt(fx)


spaces = st.sampled_from(["", "", "", " "])

integers = st.integers(0, 60).map(lambda n: Expr(str(n), Fraction(n), ATOM, 0))
decimals = st.builds(
    lambda whole, frac: f"{whole}.{frac}", st.integers(0, 99), st.integers(0, 999)
).map(lambda t: Expr(t, Fraction(t), ATOM, 0))
short_decimals = (
    st.integers(1, 99).map(lambda n: f".{n}").map(lambda t: Expr(t, Fraction(t), ATOM, 0))
)
scientific = st.builds(
    lambda m, exp_char, k: f"{m}{exp_char}{k}",
    st.integers(1, 9),
    st.sampled_from(["e", "E"]),
    st.integers(-6, 6),
).map(lambda t: Expr(t, Fraction(t), ATOM, 0))
constants = st.sampled_from(
    [
        Expr("pi", math.pi, ATOM, 0),
        Expr("PI", math.pi, ATOM, 0),
        Expr("\u03c0", math.pi, ATOM, 0),
        Expr("e", math.e, ATOM, 0),
    ]
)
extremes = st.sampled_from(
    ["1e308", "1.7e308", "9e307", "1e300", "1e-300", "5e-324", "1e-320"]
).map(lambda t: Expr(t, Fraction(t), ATOM, 0))  # near overflow and underflow
leaves = st.one_of(integers, integers, decimals, short_decimals, scientific, constants, extremes)

OP_SPELLINGS = {
    "+": ["+"],
    "-": ["-", "-", "\u2212"],
    "*": ["*", "*", "\u00d7"],
    "/": ["/"],
    "^": ["^", "^", "**"],
}
LEFT_PREC = {"+": ADD, "-": ADD, "*": MUL, "/": MUL}
RIGHT_PREC = {"+": MUL, "-": MUL, "*": UNARY, "/": UNARY}
RESULT_PREC = {"+": ADD, "-": ADD, "*": MUL, "/": MUL}


def make_binop(op: str, left: Expr, right: Expr, spelling: str, sp1: str, sp2: str) -> Expr:
    left = at_least(left, LEFT_PREC[op])
    right = at_least(right, RIGHT_PREC[op])
    text = f"{left.text}{sp1}{spelling}{sp2}{right.text}"
    value = ref_binop(op, left.ref, right.ref)
    return Expr(text, value, RESULT_PREC[op], max(left.depth, right.depth))


def make_power(base: Expr, exponent: Expr, spelling: str) -> Expr:
    base = at_least(base, ATOM)
    exponent = at_least(exponent, UNARY)
    value = ref_binop("^", base.ref, exponent.ref)
    depth = max(base.depth, exponent.depth + 1)  # the exponent is one level deeper
    return Expr(f"{base.text}{spelling}{exponent.text}", value, POW, depth)


def make_negate(operand: Expr, sign: str) -> Expr:
    operand = at_least(operand, UNARY)
    value = operand.ref
    if value is not None and sign != "+":
        value = -value
    return Expr(f"{sign}{operand.text}", value, UNARY, operand.depth)


def make_call(func: str, args: list[Expr], separator: str) -> Expr:
    text = f"{func}(" + separator.join(a.text for a in args) + ")"
    value = ref_call(func.lower(), [a.ref for a in args])
    return Expr(text, value, ATOM, 1 + max(a.depth for a in args))


FUNCTIONS_1 = ["ln", "log2", "log10", "exp", "sqrt", "LN", "Sqrt"]
signs = st.sampled_from(["-", "\u2212", "+"])
separators = st.sampled_from([",", ", "])


def extend(children: st.SearchStrategy[Expr]) -> st.SearchStrategy[Expr]:
    binops = st.sampled_from(["+", "-", "*", "/"]).flatmap(
        lambda op: st.builds(
            make_binop,
            st.just(op),
            children,
            children,
            st.sampled_from(OP_SPELLINGS[op]),
            spaces,
            spaces,
        )
    )
    powers = st.builds(make_power, children, children, st.sampled_from(OP_SPELLINGS["^"]))
    negations = st.builds(make_negate, children, signs)
    calls_1 = st.builds(
        make_call, st.sampled_from(FUNCTIONS_1), st.lists(children, min_size=1, max_size=1),
        separators,
    )  # fmt: skip
    calls_log = st.builds(
        make_call, st.just("log"), st.lists(children, min_size=2, max_size=2), separators
    )
    return st.one_of(
        binops, binops, binops, powers, negations, calls_1, calls_log, children.map(paren)
    )


small_expressions = st.recursive(leaves, extend, max_leaves=4)
WRAP_OPERANDS = [Expr(t, Fraction(t), ATOM, 0) for t in ("2", "3", "0.5", "10", "1.5", "7")]


@st.composite
def deeply_nested(draw: st.DrawFn) -> Expr:
    """A small expression wrapped in 10-25 levels of parentheses, calls and powers."""
    expr = draw(small_expressions)
    rnd = draw(st.randoms(use_true_random=False))  # one draw for all the wrapping choices
    for _ in range(rnd.randint(10, 25)):
        how = rnd.choice(["paren", "call", "log", "power", "negate"])
        if how == "paren":
            expr = paren(expr)
        elif how == "call":
            expr = make_call(rnd.choice(FUNCTIONS_1), [expr], "")
        elif how == "log":
            expr = make_call("log", [expr, rnd.choice(WRAP_OPERANDS)], ",")
        elif how == "power":
            expr = make_power(rnd.choice(WRAP_OPERANDS), expr, rnd.choice(["^", "**"]))
        else:
            expr = make_negate(expr, rnd.choice(["-", "\u2212", "+"]))
    return expr


expressions = st.one_of(
    st.recursive(leaves, extend, max_leaves=10),
    st.recursive(leaves, extend, max_leaves=35),
    deeply_nested(),
)


@st.composite
def answers(draw: st.DrawFn) -> tuple[str, Expr, str | None]:
    """A generated expression, possibly padded with whitespace and followed by a unit."""
    expr = draw(expressions)
    padding = draw(st.sampled_from([0, 0, 0, 0, 0, 0, 0, 20, 60, 95]))
    if padding:  # x+0+0+... has the value of x and may exceed the length limit
        expr = Expr(expr.text + "+0" * padding, expr.ref, ADD, expr.depth)
    unit_text = draw(st.sampled_from([None, None, None, "bits", "nat", "NATS", "bit"]))
    text = expr.text
    if unit_text is not None:
        # no space needed after a digit or ')', but "pi" + "bits" would be one name
        separators = ["", " "] if text[-1] in "0123456789)" else [" ", "  "]
        text += draw(st.sampled_from(separators)) + unit_text
    text = draw(st.sampled_from(["", " ", "\t"])) + text + draw(st.sampled_from(["", " ", "\n"]))
    unit = (
        None
        if unit_text is None
        else {"bit": "bits", "nat": "nats"}.get(unit_text.lower(), unit_text.lower())
    )
    return text, expr, unit


MUTATION_CHARS = st.one_of(st.sampled_from(RELEVANT_CHARS + FRAGMENTS), st.characters())


@st.composite
def mutated_answers(draw: st.DrawFn) -> str:
    text, _, _ = draw(answers())
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        i = draw(st.integers(0, len(text)))
        if kind == "insert":
            text = text[:i] + draw(MUTATION_CHARS) + text[i:]
        elif kind == "delete":
            text = text[:i] + text[i + 1 :]
        elif kind == "replace":
            text = text[:i] + draw(MUTATION_CHARS) + text[i + 1 :]
        else:
            j = draw(st.integers(i, len(text)))
            text = text[:j] + text[i:j] + text[j:]
    return text


# --------------------------------------------------------------------------------------
# (2) mutated versions of valid expressions: same contract, and fast
# (valid expressions themselves go through the same check in (3))
# --------------------------------------------------------------------------------------


@FUZZ_SETTINGS
@given(mutated_answers())
def test_mutated_expressions_keep_the_contract(text: str) -> None:
    check_contract(text)


# --------------------------------------------------------------------------------------
# (2, 3) valid expressions keep the contract and evaluate to the reference value
# --------------------------------------------------------------------------------------


@FUZZ_SETTINGS
@given(answers())
def test_generated_expressions_match_the_reference_value(
    generated: tuple[str, Expr, str | None],
) -> None:
    text, expr, unit = generated
    outcome = check_contract(text)
    if len(text.strip()) > MAX_LENGTH:
        assert isinstance(outcome, AnswerError)
        assert "too long" in outcome.message
    elif expr.depth > MAX_DEPTH:
        assert isinstance(outcome, AnswerError)
        assert "nested too deeply" in outcome.message
    elif expr.value is None:
        assert isinstance(outcome, AnswerError), f"{text!r} gave {outcome}"
    else:
        assert isinstance(outcome, ParsedAnswer), f"{text!r}: {outcome}"
        assert outcome.unit == unit
        assert outcome.value == expr.value or math.isclose(
            outcome.value, expr.value, rel_tol=1e-12, abs_tol=1e-300
        ), (text, outcome.value, expr.value)


def test_reference_generator_covers_values_errors_and_deep_nesting() -> None:
    """Guard against a generator that silently stops producing interesting cases."""
    seen = {"value": 0, "error": 0, "deep": 0, "pow": 0, "call": 0}

    @settings(max_examples=300, deadline=None, database=None)
    @given(answers())
    def collect(generated: tuple[str, Expr, str | None]) -> None:
        _, expr, _ = generated
        seen["value" if expr.value is not None else "error"] += 1
        seen["deep"] += expr.depth >= 3
        seen["pow"] += "^" in expr.text or "**" in expr.text
        seen["call"] += "(" in expr.text and any(f in expr.text for f in ("ln", "log", "exp"))

    collect()
    assert all(count >= 10 for count in seen.values()), seen
