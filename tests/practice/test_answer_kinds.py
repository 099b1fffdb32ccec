"""Every answer kind through the practice flow: the page, the form, grading, feedback,
what is stored, regrading, loading question files and the admin's preview.

The families are the test families of :mod:`tests.practice.answer_families`, one per
kind (an integer, a fraction in lowest terms, a mixed number, several values, a choice,
an angle in degrees, a percentage).
"""

from __future__ import annotations

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from practice import services
from practice.forms import VariantRef
from practice.grader import answer_text, expected_to_data
from practice.models import Attempt, QuestionTemplate, Unit
from practice.questions import gives_own_answer
from tests.knowledge_graph.factories import make_graph
from tests.practice.answer_families import KINDS, PREFIX
from tests.practice.test_admin import superuser_client  # noqa: F401 (a fixture)

URL = reverse("practice", args=["fractions"])
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "question-card"}


@pytest.fixture
def kinds(db) -> dict[str, QuestionTemplate]:
    """A topic with one question of each kind, by kind."""
    topic = make_graph([], extra=("fractions",))["fractions"]
    return {
        kind: QuestionTemplate.objects.create(
            topic=topic,
            slug=f"kind-{kind.replace('_', '-')}",
            title=f"A question of kind {kind}",
            generator=f"{PREFIX}{kind}",
            unit=Unit.NONE,
            position=i,
        )
        for i, kind in enumerate(KINDS)
    }


def show(client, question: QuestionTemplate):
    """The page showing a fresh variant of ``question``, and that variant."""
    response = client.get(URL, {"q": question.slug})
    assert response.status_code == 200
    match = re.search(r'name="variant" value="([^"]+)"', response.content.decode())
    ref = VariantRef.unsign(match.group(1))
    return response, match.group(1), question.variant(ref.seed)


def form_in(html: str) -> str:
    """The signed variant of the answer form in ``html``."""
    return re.search(r'name="variant" value="([^"]+)"', html).group(1)


def post(client, form: str, text: str, **headers):
    return client.post(URL, {"answer": text, "variant": form}, **headers)


def typed(answer, value=None) -> str:
    """``value`` (default: the right answer) as a student types it."""
    return answer_text(answer, value)


def html_of(response) -> str:
    return response.content.decode()


# ----------------------------------------------------------------------------- the form

HINTS = {
    "integer": "A whole number, e.g. 42.",
    "lowest_terms": "A fraction in lowest terms, such as 3/4, or a whole number.",
    "mixed": "A mixed number such as 1 1/2",
    "values": "2 values separated by commas",
    "choice": "Choose one option.",
    "degrees": "An angle in degrees, e.g. 30°",
    "percent": "A percentage, e.g. 35%",
}


@pytest.mark.parametrize("kind", KINDS)
def test_the_form_says_how_to_write_the_answer_and_never_in_bits(client, kinds, kind):
    html = html_of(show(client, kinds[kind])[0])
    assert escape(HINTS[kind]) in html
    assert "(in bits)" not in html and "bits or nats" not in html
    label = {"degrees": "(in degrees)", "percent": "(in percent)"}.get(kind)
    if label:
        assert label in html
    else:
        assert "(in " not in html


def test_a_choice_is_a_set_of_radio_buttons_with_the_options(client, kinds):
    response, _, variant = show(client, kinds["choice"])
    html = html_of(response)
    radios = re.findall(r'<input type="radio" name="answer" value="([A-C])"', html)
    assert radios == ["A", "B", "C"]
    for key, label in zip(variant.answer.options, variant.answer.labels, strict=True):
        assert escape(f"{key}: {label}") in html
    assert 'type="text" name="answer"' not in html


# -------------------------------------------------------------------------- right answers


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_the_right_answer_of_every_kind_is_correct_and_stored_with_its_answer(
    client, kinds, kind, headers
):
    _, form, variant = show(client, kinds[kind])
    response = post(client, form, typed(variant.answer), **headers)
    assert response.status_code == 200
    html = html_of(response)
    assert "feedback-correct" in html and "Correct!" in html
    attempt = Attempt.objects.get()
    assert attempt.correct and attempt.unit == ""
    assert attempt.answer == json.loads(json.dumps(expected_to_data(variant.answer)))
    assert services.attempt_regrade(attempt=attempt).correct


def test_the_expected_answer_is_written_as_a_student_would_and_only_with_the_solution(
    client, kinds
):
    _, form, variant = show(client, kinds["lowest_terms"])
    value = variant.answer.value
    html = html_of(post(client, form, "0"))
    assert 'data-testid="expected"' not in html  # a first wrong answer: a second try
    html = html_of(post(client, form_in(html), "0"))
    expected = re.search(r'data-testid="expected">([^<]*)<', html).group(1)
    assert expected == f"{value.numerator}/{value.denominator}"
    details = html.index('data-testid="solution"')
    assert html.index('data-testid="expected"') > details  # inside the worked solution
    assert html.index("Your answer") < details


def test_a_choice_s_feedback_words_the_options(client, kinds):
    _, form, variant = show(client, kinds["choice"])
    answer = variant.answer
    wrong = next(k for k in answer.options if k not in (answer.value,))
    html = html_of(post(client, form, wrong))
    labels = dict(zip(answer.options, answer.labels, strict=True))
    assert escape(f"{wrong}: {labels[wrong]}") in html  # what the student chose
    html = html_of(post(client, form_in(html), wrong))
    assert escape(f"{wrong}: {labels[wrong]}") in html
    expected = re.search(r'data-testid="expected">([^<]*)<', html).group(1)
    assert expected == escape(f"{answer.value}: {labels[answer.value]}")


# ------------------------------------------------------------------------- named mistakes


@pytest.mark.parametrize("kind", KINDS)
def test_every_named_mistake_is_diagnosed_as_named(client, kinds, kind):
    codes = list(show(client, kinds[kind])[2].answer.alternatives)
    assert codes
    for code in codes * 3:  # each on three variants
        _, form, variant = show(client, kinds[kind])
        answer = variant.answer
        response = post(client, form, typed(answer, answer.alternatives[code]), **HTMX)
        html = html_of(response)
        assert "Not correct" in html
        assert escape(answer.messages[code]) in html
        attempt = Attempt.objects.latest("id")
        assert (attempt.diagnosis, attempt.correct) == (code, False)
        assert services.attempt_regrade(attempt=attempt).diagnosis == code


@pytest.mark.parametrize(
    "kind, how, code",
    [
        ("lowest_terms", lambda v: f"{2 * v.numerator}/{2 * v.denominator}", "not_simplified"),
        ("mixed", lambda v: f"{v.numerator}/{v.denominator}", "not_mixed"),
        ("values", lambda v: f"{v[1]}, {v[0]}", "swapped"),
        ("integer", lambda v: f"{v}.02", "not_integer"),
        ("lowest_terms", lambda v: f"{v.numerator * 100}/{v.denominator}%", "not_fraction"),
    ],
)
def test_the_form_of_an_answer_is_part_of_the_skill(client, kinds, kind, how, code):
    _, form, variant = show(client, kinds[kind])
    html = html_of(post(client, form, how(variant.answer.value)))
    attempt = Attempt.objects.get()
    assert not attempt.correct and attempt.diagnosis == code
    assert escape(variant.answer.message(code)) in html


# ------------------------------------------------------------------- answers refused


@pytest.mark.parametrize(
    "kind, text, message",
    [
        ("integer", "3..", "Unexpected character"),
        ("lowest_terms", "3//4", "Expected a number, a name or '(' at position 2"),
        ("mixed", "1 1/", "1/"),
        ("values", "7,,3", "Value 2 is missing: separate the values with commas."),
        ("choice", "D", "Choose one of the options (A, B, C)."),
        ("choice", "", "Choose one of the options (A, B, C)."),
        ("degrees", "30 °°", "°"),
    ],
)
def test_a_malformed_answer_is_refused_with_a_message_and_not_stored(
    client, kinds, kind, text, message
):
    _, form, _ = show(client, kinds[kind])
    response = post(client, form, text, **HTMX)
    assert response.status_code == 200
    html = html_of(response)
    error = re.search(r'data-testid="answer-error">([^<]*)<', html)
    assert error and escape(message) in html
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_refused_answer_keeps_the_question_s_own_hint(client, kinds, kind, headers):
    """The form shown again under the parser's message still says how this question's
    answer is written, not the generic hint of a value in bits or nats."""
    _, form, _ = show(client, kinds[kind])
    html = html_of(post(client, form, "2 +* 3", **headers))
    assert 'data-testid="answer-error"' in html
    assert escape(HINTS[kind]) in html
    assert "bits or nats" not in html


@pytest.mark.parametrize(
    "kind, text, refused",
    [
        ("degrees", "30%", "A percent does not fit here: the question asks for degrees"),
        ("values", "7%, 3", "A percent does not fit here: the question asks for plain numbers"),
        ("choice", "A%", "Choose one of the options (A, B, C)."),
        ("integer", "50 %%", "Only one unit is allowed, but found '%' at position 3"),
    ],
)
def test_a_percent_where_none_fits_is_refused_with_a_message(client, kinds, kind, text, refused):
    _, form, _ = show(client, kinds[kind])
    response = post(client, form, text)
    assert response.status_code == 200
    assert escape(refused) in html_of(response)
    assert not Attempt.objects.exists()


def test_a_percent_is_understood_where_a_percentage_or_a_plain_number_is_asked(client, kinds):
    _, form, variant = show(client, kinds["percent"])
    number = variant.answer.value
    assert "Correct!" in html_of(post(client, form, f"{float(number):g}%"))
    _, form, variant = show(client, kinds["percent"])
    assert "Correct!" in html_of(post(client, form, f"{float(variant.answer.value):g}"))
    # A plain number may be written as a percent: 3/4 is 75%.
    _, form, variant = show(client, kinds["integer"])
    assert "Correct!" in html_of(post(client, form, f"{variant.answer.value * 100}%"))


def test_a_percent_in_a_question_asked_in_bits_is_refused(client, topics):
    services.questions_load()
    page = client.get(reverse("practice", args=["kl-divergence"]))
    form = re.search(r'name="variant" value="([^"]+)"', html_of(page)).group(1)
    for text in ("50%", "50 %%", "%(x)s"):
        response = client.post(
            reverse("practice", args=["kl-divergence"]), {"answer": text, "variant": form}
        )
        assert response.status_code == 200
        assert 'data-testid="answer-error"' in html_of(response)
    assert escape("A percent does not fit here: the question asks for bits") in html_of(
        client.post(reverse("practice", args=["kl-divergence"]), {"answer": "5%", "variant": form})
    )
    assert not Attempt.objects.exists()


# --------------------------------------------------------------------- loading, the admin


def write(tmp_path, specs) -> str:
    path = tmp_path / "questions.json"
    path.write_text(json.dumps(specs), encoding="utf-8")
    return path


def test_a_question_whose_family_gives_its_answer_loads_without_a_unit(tmp_path, db):
    make_graph([], extra=("fractions",))
    specs = [
        {"slug": "a", "topic": "fractions", "title": "A", "generator": f"{PREFIX}integer"},
        {"slug": "b", "topic": "fractions", "title": "B", "generator": f"{PREFIX}choice"},
    ]
    specs[1]["unit"] = "none"
    services.questions_load(path=write(tmp_path, specs))
    assert dict(QuestionTemplate.objects.values_list("slug", "unit")) == {"a": "", "b": ""}


def test_a_unit_that_does_not_fit_the_generator_is_refused(tmp_path, db):
    make_graph([], extra=("fractions",))
    specs = [
        {"slug": "a", "topic": "fractions", "title": "A", "generator": f"{PREFIX}integer"},
        {"slug": "b", "topic": "fractions", "title": "B", "generator": "kl_divergence_discrete"},
    ]
    specs[0]["unit"], specs[1]["unit"] = "bits", "none"
    with pytest.raises(ValidationError) as caught:
        services.questions_load(path=write(tmp_path, specs))
    first, second = caught.value.messages
    assert first.startswith("question a: the generator 'test_kind_integer' gives its own answer")
    assert second.startswith("question b: the generator 'kl_divergence_discrete' is graded in")
    assert not QuestionTemplate.objects.exists()


@pytest.mark.parametrize("kind", ["lowest_terms", "choice", "values"])
def test_the_admin_previews_any_kind(superuser_client, kinds, kind):  # noqa: F811
    from practice.admin import PREVIEW_SEED

    question = kinds[kind]
    url = reverse("admin:practice_questiontemplate_change", args=[question.pk])
    html = html_of(superuser_client.get(url))
    answer = question.variant(PREVIEW_SEED).answer
    code, value = next(iter(answer.alternatives.items()))
    if kind == "choice":
        labels = dict(zip(answer.options, answer.labels, strict=True))
        shown, mistake = f"{answer.value}: {labels[answer.value]}", f"{value}: {labels[value]}"
    else:
        shown, mistake = answer_text(answer), answer_text(answer, value)
    assert f"<strong>Expected answer:</strong> {escape(shown)}</p>" in html
    assert f"<strong>{code}</strong> ({escape(mistake)})" in html
    assert "log base 10" not in html


def test_the_admin_refuses_bits_for_a_family_that_gives_its_answer(superuser_client, kinds):  # noqa: F811
    question = kinds["integer"]
    url = reverse("admin:practice_questiontemplate_change", args=[question.pk])
    data = {
        "topic": question.topic_id,
        "title": question.title,
        "slug": question.slug,
        "generator": question.generator,
        "unit": "bits",
        "rel_tol": question.rel_tol,
        "position": 0,
    }
    response = superuser_client.post(url, data)
    assert response.status_code == 200
    assert "gives its own answer" in html_of(response)
    question.refresh_from_db()
    assert question.unit == ""


def test_every_shipped_family_is_answered_on_the_practice_page(client, db):
    specs = [s for s in services.questions_read() if gives_own_answer(s["generator"])]
    assert specs
    make_graph([], extra=tuple({s["topic"] for s in specs}))
    services.questions_load()
    for spec in specs:
        url = reverse("practice", args=[spec["topic"]])
        page = client.get(url, {"q": spec["slug"]})
        html = html_of(page)
        form = re.search(r'name="variant" value="([^"]+)"', html).group(1)
        question = QuestionTemplate.objects.get(slug=spec["slug"])
        answer = question.variant(VariantRef.unsign(form).seed).answer
        # bits are named beside the field only when the family's own answer is in bits,
        # never because of the question's stored unit
        assert ("(in bits)" in html) == (answer.unit == "bits"), spec["slug"]
        response = client.post(url, {"answer": typed(answer), "variant": form})
        assert "Correct!" in html_of(response), spec["slug"]
    assert Attempt.objects.filter(correct=True).count() == len(specs)


def test_a_question_written_without_python_is_practised_like_any_other(client, kinds, tmp_path):
    spec = {
        "slug": "written-sum",
        "topic": "fractions",
        "title": "Add two fractions (written)",
        "generator": "template",
        "variables": "a = int(1, 8)\nb = int(2, 9)\nc = int(1, 8)\nd = int(2, 9)",
        "constraints": "a < b\nc < d\nb != d",
        "prompt": r"Work out $\frac{{a}}{{b}} + \frac{{c}}{{d}}$.",
        "answer": "a/b + c/d",
        "answer_kind": "exact",
        "answer_form": "lowest_terms",
        "misconceptions": "added_bottoms: (a + c)/(b + d): You added the denominators as well.",
        "solution": "The sum is {= a/b + c/d}.",
    }
    assert services.questions_load(path=write(tmp_path, [spec])).startswith("questions: 1 created")
    question = QuestionTemplate.objects.get(slug="written-sum")
    assert question.unit == ""
    _, form, variant = show(client, question)
    answer = variant.answer
    html = html_of(post(client, form, typed(answer, answer.alternatives["added_bottoms"])))
    assert escape("You added the denominators as well.") in html
    _, form, variant = show(client, question)
    html = html_of(post(client, form, typed(variant.answer)))
    assert "Correct!" in html
    assert escape(HINTS["lowest_terms"]) in html_of(show(client, question)[0])
    attempt = Attempt.objects.latest("id")
    assert attempt.variant == variant.params and services.attempt_regrade(attempt=attempt).correct


def test_a_written_question_with_a_mistake_is_not_loaded(tmp_path, db):
    make_graph([], extra=("fractions",))
    spec = {
        "slug": "broken",
        "topic": "fractions",
        "title": "Broken",
        "generator": "template",
        "variables": "a = int(1, 8)",
        "prompt": "{a}",
        "answer": "a + z",
        "answer_kind": "integer",
        "solution": "s",
    }
    with pytest.raises(ValidationError) as caught:
        services.questions_load(path=write(tmp_path, [spec]))
    assert caught.value.messages[0].startswith(
        "question broken: answer: the answer: unknown name 'z'"
    )
