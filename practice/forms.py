"""The answer form and the signed reference to the variant it answers."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from django import forms
from django.core import signing
from django.core.validators import ProhibitNullCharactersValidator

from practice.grader import Expected
from practice.parser import MAX_LENGTH
from practice.questions import SEED_LIMIT

SALT = "practice.variant"
SEED_BOUND = min(SEED_LIMIT, 2**32)  # seeds drawn for new variants: 0 <= seed < 2**32

ANSWER_HINT = (
    "A number or an expression: 0.52, 3/4, 1.2e-3, 0.5*log2(0.5/0.25), ln(2), log(8, 2), "
    "sqrt(2), e, pi. Add a unit if you like: bits or nats (e.g. ln(2) nats)."
)

FORM_HINTS = {
    "": "A fraction such as 3/4 or a mixed number such as 1 1/2, or a whole number.",
    "lowest_terms": "A fraction in lowest terms, such as 3/4, or a whole number.",
    "mixed": "A mixed number such as 1 1/2 (a whole number and a proper fraction), "
    "a proper fraction such as 3/4, or a whole number.",
    "fraction": "A single fraction such as 7/3, or a whole number.",
    "decimal": "A decimal such as 0.75, or a whole number.",
}
UNIT_HINTS = {
    "degrees": "An angle in degrees, e.g. 30° (or 30 deg).",
    "radians": "An angle in radians, e.g. pi/6 or 0.5236 rad.",
    "percent": "A percentage, e.g. 35% (or just 35).",
}


def answer_hint(answer: Expected | None) -> str:
    """The help text under the answer field, for the kind of answer the question wants
    (``None``: a value in bits or nats)."""
    if answer is None:
        return ANSWER_HINT
    if answer.kind == "choice":
        return "Choose one option."
    if answer.kind == "values":
        count = len(tuple(answer.value))
        unit = f" in {answer.unit}" if answer.unit else ""
        return (
            f"{count} values{unit} separated by commas, in the order the question asks for "
            "them, e.g. 7, 3."
        )
    if answer.unit in UNIT_HINTS:
        return UNIT_HINTS[answer.unit]
    if answer.kind == "integer":
        return "A whole number, e.g. 42."
    if answer.kind == "exact":
        return FORM_HINTS.get(answer.form, FORM_HINTS[""])
    return "A number or an expression: 0.52, 3/4, 1.2e-3, sqrt(2), ln(2), pi/6."


def option_labels(answer: Expected) -> list[tuple[str, str]]:
    """``(key, label)`` for each option of a choice: the key, and its wording if the
    question gives one (``Expected.labels``)."""
    labels = tuple(answer.labels) + ("",) * (len(answer.options) - len(answer.labels))
    return [
        (key, f"{key}: {label}" if label else key)
        for key, label in zip(answer.options, labels, strict=False)
    ]


@dataclass(frozen=True)
class VariantRef:
    """Which variant an answer form shows: template id, seed, and the form's token."""

    question_id: int
    seed: int
    token: uuid.UUID

    def sign(self) -> str:
        return signing.dumps(
            {"q": self.question_id, "seed": self.seed, "token": str(self.token)}, salt=SALT
        )

    @classmethod
    def new(cls, question_id: int, seed: int | None = None) -> VariantRef:
        """A fresh reference (a new token; a random seed unless one is given)."""
        if seed is None:
            seed = secrets.randbelow(SEED_BOUND)
        return cls(question_id, seed, uuid.uuid4())

    @classmethod
    def unsign(cls, value: str) -> VariantRef:
        """The reference in a signed value; ``signing.BadSignature`` if forged or garbled."""
        data = signing.loads(value, salt=SALT)
        try:
            ref = cls(int(data["q"]), int(data["seed"]), uuid.UUID(str(data["token"])))
        except (KeyError, TypeError, ValueError):
            raise signing.BadSignature("malformed variant reference") from None
        return ref


class AnswerField(forms.CharField):
    """The answer as typed, NUL characters included: the parser names one and where it
    is, like any character it cannot read, and the student keeps the text to correct
    (an answer the parser refuses is never stored)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]


class AnswerForm(forms.Form):
    answer = AnswerField(
        label="Your answer",
        required=False,
        help_text=ANSWER_HINT,
        widget=forms.TextInput(
            attrs={
                "class": "form-control",
                "maxlength": MAX_LENGTH,
                "autocomplete": "off",
                "autocapitalize": "off",
                "spellcheck": "false",
                "aria-describedby": "answer-hint",
            }
        ),
    )
    variant = forms.CharField(widget=forms.HiddenInput, max_length=1000)

    def fit(self, answer: Expected | None) -> None:
        """Shape the answer field for the kind of answer the question wants: radio buttons
        for a choice, and help text that says how to write the answer."""
        field = self.fields["answer"]
        field.help_text = answer_hint(answer)
        # A bound form has already made its bound field while validating, which copied
        # the generic help text: drop it, so a refused answer's form keeps this hint.
        self._bound_fields_cache.pop("answer", None)
        if answer is not None and answer.kind == "choice":
            field.widget = forms.RadioSelect(
                choices=option_labels(answer),
                attrs={"class": "form-check-input", "aria-describedby": "answer-hint"},
            )

    @property
    def is_choice(self) -> bool:
        return isinstance(self.fields["answer"].widget, forms.RadioSelect)

    def focus(self) -> None:
        """Put the cursor in the answer field when the form is shown (htmx honours
        ``autofocus`` on swapped-in content too). Radio buttons are left alone: one
        attribute would land on every option."""
        if not self.is_choice:
            self.fields["answer"].widget.attrs["autofocus"] = True

    def refuse_answer(self, message: str) -> None:
        """Show ``message`` under the answer field, which keeps the student's text and is
        marked invalid (Bootstrap's ``is-invalid``; Django adds ``aria-invalid``)."""
        self.add_error("answer", message)
        attrs = self.fields["answer"].widget.attrs
        attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
        attrs["aria-describedby"] = "answer-error answer-hint"
        self.focus()
