"""Instructors edit practice questions in the admin and see what students get; attempts
are shown to superusers only, read only."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from learners.models import Learner
from practice.admin import PREVIEW_SEED
from practice.models import Attempt, QuestionTemplate
from practice.questions import GENERATORS, variant_for

PASSWORD = "a-long-Password-42"


@pytest.fixture
def instructor_client(client, db):
    call_command("create_instructor", "ines", password=PASSWORD, verbosity=0)
    assert client.login(username="ines", password=PASSWORD)
    return client


@pytest.fixture
def superuser_client(client, db):
    get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    assert client.login(username="root", password=PASSWORD)
    return client


def change_url(question: QuestionTemplate) -> str:
    return reverse("admin:practice_questiontemplate_change", args=[question.pk])


def form_data(question: QuestionTemplate, **changes) -> dict:
    data = {
        "topic": question.topic_id,
        "title": question.title,
        "slug": question.slug,
        "generator": question.generator,
        "intro": question.intro,
        "unit": question.unit,
        "rel_tol": question.rel_tol,
        "position": question.position,
        "is_active": "on" if question.is_active else "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_instructor_lists_questions_and_filters_by_topic(instructor_client, question_set, topics):
    url = reverse("admin:practice_questiontemplate_changelist")
    html = instructor_client.get(url).content.decode()
    assert all(escape(q.title) in html for q in question_set.values())
    filtered = instructor_client.get(url, {"topic__id__exact": topics["shannon-entropy"].pk})
    html = filtered.content.decode()
    assert "Entropy of a biased coin" in html
    assert "KL divergence of two small distributions" not in html
    # Only topics that have questions are offered as filters, not all of the curriculum.
    assert "No Questions Yet" not in html


def test_the_change_page_previews_a_sample_variant(instructor_client, question_set):
    question = question_set["kl-divergence-three-outcomes"]
    response = instructor_client.get(change_url(question))
    assert response.status_code == 200
    html = response.content.decode()
    variant = variant_for(question.generator, PREVIEW_SEED)
    assert f"Seed {PREVIEW_SEED}." in html
    assert "<table>" in html and "<math" in html  # the prompt, as students see it
    assert f"<strong>Expected answer:</strong> {variant.expected:.4f} bits" in html
    assert "Worked solution" in html and "Adding the terms" in html
    assert f"{variant.alternatives['reversed']:.4f} bits" in html  # a recognised mistake
    assert escape("KL divergence is not symmetric") in html
    # The generator is chosen from the registered ones.
    for name in GENERATORS:
        assert f'<option value="{name}"' in html


def test_the_add_page_asks_to_save_before_previewing(instructor_client, question_set):
    response = instructor_client.get(reverse("admin:practice_questiontemplate_add"))
    assert response.status_code == 200
    assert "Save the question to see a sample variant." in response.content.decode()


def test_instructor_edits_a_question_and_the_preview_follows(instructor_client, question_set):
    question = question_set["kl-divergence-three-outcomes"]
    response = instructor_client.post(
        change_url(question),
        form_data(
            question,
            title="Relative entropy, three outcomes",
            generator="kl_asymmetry",
            unit="nats",
            rel_tol="0.01",
            _continue="1",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    question.refresh_from_db()
    assert (question.title, question.generator, question.unit, question.rel_tol) == (
        "Relative entropy, three outcomes",
        "kl_asymmetry",
        "nats",
        0.01,
    )
    html = instructor_client.get(change_url(question)).content.decode()
    expected = variant_for("kl_asymmetry", PREVIEW_SEED, unit="nats").expected
    assert f"<strong>Expected answer:</strong> {expected:.4f} nats" in html


def test_instructor_switches_a_question_off_from_the_list(instructor_client, question_set):
    question = question_set["entropy-of-a-biased-coin"]
    questions = list(QuestionTemplate.objects.all())
    data = {
        "form-TOTAL_FORMS": len(questions),
        "form-INITIAL_FORMS": len(questions),
        "_save": "Save",
    }
    for i, q in enumerate(questions):
        data[f"form-{i}-id"] = q.pk
        data[f"form-{i}-position"] = q.position
        if q.pk != question.pk:
            data[f"form-{i}-is_active"] = "on"
    url = reverse("admin:practice_questiontemplate_changelist")
    assert instructor_client.post(url, data).status_code == 302
    assert list(QuestionTemplate.objects.filter(is_active=False)) == [question]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"generator": "eval"}, "Select a valid choice. eval is not one of the available choices."),
        ({"rel_tol": "0.2"}, "a wider one would accept the mistakes the question recognises"),
        ({"rel_tol": "0"}, "Choose a tolerance above 0 and below 0.06"),
        ({"generator": "%(x)s%d"}, "%(x)s%d is not one of the available choices."),
        ({"rel_tol": "5%"}, "Enter a number."),
        ({"topic": "100%%"}, "Select a valid choice. That choice is not one of the available"),
    ],
)
def test_bad_edits_are_refused_with_a_message(instructor_client, question_set, changes, message):
    question = question_set["kl-divergence-three-outcomes"]
    response = instructor_client.post(change_url(question), form_data(question, **changes))
    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    question.refresh_from_db()
    assert question.generator == "kl_divergence_discrete" and question.rel_tol == 0.005


def _an_attempt(question_set) -> Attempt:
    return Attempt.objects.create(
        learner=Learner.objects.create(session_key="secret-session-key-0123456789"),
        question=question_set["entropy-of-a-biased-coin"],
        seed=1,
        variant={},
        expected=0.5,
        raw_answer="1/2 + <b>",
        value=0.5,
        correct=True,
        token=uuid.uuid4(),
    )


def test_instructors_do_not_see_students_attempts(instructor_client, question_set):
    attempt = _an_attempt(question_set)
    index = instructor_client.get(reverse("admin:index")).content.decode()
    assert "Question templates" in index and "Attempts" not in index
    changelist = reverse("admin:practice_attempt_changelist")
    assert instructor_client.get(changelist).status_code == 403
    change = reverse("admin:practice_attempt_change", args=[attempt.pk])
    assert instructor_client.get(change).status_code == 403


def test_superusers_see_attempts_read_only_and_without_the_session_key(
    superuser_client, question_set
):
    attempt = _an_attempt(question_set)
    html = superuser_client.get(reverse("admin:practice_attempt_changelist")).content.decode()
    assert "anonymous session" in html
    assert "1/2 + &lt;b&gt;" in html and "<b>" not in html.split("<tbody>")[1].split("</tbody>")[0]
    assert "secret-session-key" not in html
    change = reverse("admin:practice_attempt_change", args=[attempt.pk])
    page = superuser_client.get(change).content.decode()
    assert "secret-session-key" not in page and 'name="raw_answer"' not in page
    assert superuser_client.get(reverse("admin:practice_attempt_add")).status_code == 403
    superuser_client.post(change, {"raw_answer": "changed"})
    attempt.refresh_from_db()
    assert attempt.raw_answer == "1/2 + <b>"
    delete = reverse("admin:practice_attempt_delete", args=[attempt.pk])
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_percent_signs_in_a_question_s_text_are_saved_and_previewed_as_typed(
    instructor_client, question_set
):
    question = question_set["kl-divergence-three-outcomes"]
    changes = {"title": "50% of %(x)s", "intro": "Give 100%% and abc%d."}
    response = instructor_client.post(change_url(question), form_data(question, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    html = instructor_client.get(change_url(question)).content.decode()
    assert "Give 100%% and abc%d." in html and 'value="50% of %(x)s"' in html


# ------------------------------------------------------- questions written without Python

WRITTEN = {
    "title": "Add two fractions",
    "slug": "add-two-fractions",
    "generator": "template",
    "unit": "",
    "rel_tol": 0.005,
    "position": 5,
    "is_active": "on",
    "variables": "a = int(1, 8)\r\nb = int(2, 9)\r\nc = int(1, 8)\r\nd = int(2, 9)",
    "constraints": "a < b\r\nc < d\r\nb != d",
    "prompt": r"Work out $\frac{{a}}{{b}} + \frac{{c}}{{d}}$ in lowest terms.",
    "answer": "a/b + c/d",
    "answer_kind": "exact",
    "answer_form": "lowest_terms",
    "misconceptions": "added_bottoms: (a + c)/(b + d): You added the denominators as well.",
    "solution": "Over {= b*d}: the sum is {= a/b + c/d}.",
}


def test_an_instructor_writes_a_question_without_python_and_sees_a_sample(
    instructor_client, topics
):
    # The unit left at its default: a written question has none of its own.
    data = {**WRITTEN, "topic": topics["kl-divergence"].pk, "unit": "bits"}
    response = instructor_client.post(reverse("admin:practice_questiontemplate_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    question = QuestionTemplate.objects.get(slug="add-two-fractions")
    assert question.unit == ""
    variant = question.variant(PREVIEW_SEED)
    a, b, c, d = (variant.params[k] for k in "abcd")
    total = variant.answer.value
    html = instructor_client.get(change_url(question)).content.decode()
    assert "<mi>a</mi>" not in html  # the placeholders are filled
    assert f"<strong>Expected answer:</strong> {total.numerator}/{total.denominator}</p>" in html
    mistake = variant.answer.alternatives["added_bottoms"]
    assert f"<strong>added_bottoms</strong> ({mistake.numerator}/{mistake.denominator})" in html
    assert f"Over {b * d}: the sum is {total.numerator}/{total.denominator}." in html
    assert f"{a}" in html and f"{c}" in html


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"answer": "a/b + c/f"}, "answer", "The answer: unknown name &#x27;f&#x27;"),
        (
            {"variables": "a = int(1, 8)\r\nb = int(2, 9"},
            "variables",
            "Line 2: missing &#x27;)&#x27;",
        ),
        (
            {"misconceptions": "same: c/d + a/b: The same."},
            "misconceptions",
            "because the mistake &#x27;same&#x27; gives the same value as the answer",
        ),
        ({"constraints": "a > 8"}, "constraints", "None of 200 draws meets the constraints"),
    ],
)
def test_a_written_question_with_a_mistake_is_refused_with_a_message(
    instructor_client, topics, changes, field, message
):
    data = {**WRITTEN, "topic": topics["kl-divergence"].pk, **changes}
    response = instructor_client.post(reverse("admin:practice_questiontemplate_add"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'class="form-row errors field-{field}' in html or f"field-{field}" in html
    assert not QuestionTemplate.objects.filter(slug="add-two-fractions").exists()


def test_an_intro_whose_formula_would_set_a_style_is_refused_and_the_preview_says_why(
    instructor_client, question_set
):
    question = question_set["kl-divergence-three-outcomes"]
    intro = r"Mind $\style{background:url(x)}{P}$ here."
    response = instructor_client.post(change_url(question), form_data(question, intro=intro))
    assert response.status_code == 200
    reason = (
        r"The formula $\style{background:url(x)}{P}$ cannot be shown: \style is not allowed in "
        "a formula: a formula may not set links, styles, classes, ids or HTML attributes."
    )
    assert escape(reason) in response.content.decode()
    # Stored before this check existed: the preview shows it inert and says why.
    QuestionTemplate.objects.filter(pk=question.pk).update(intro=intro)
    html = instructor_client.get(change_url(question)).content.decode()
    preview = html[html.index('<div class="question-preview">') :]
    assert f'<ul class="errorlist"><li>{escape(reason)}</li></ul>' in preview
    assert f'<code class="math-error">{escape(intro[6:-7])}</code>' in preview
    assert "style=" not in preview[: preview.index("</div>")]


def test_a_written_question_whose_prompt_formula_would_set_a_link_is_refused(
    instructor_client, topics
):
    prompt = r"Work out $\href{javascript:alert(1)}{\frac{{a}}{{b}}}$ in lowest terms."
    data = {**WRITTEN, "topic": topics["kl-divergence"].pk, "prompt": prompt}
    response = instructor_client.post(reverse("admin:practice_questiontemplate_add"), data)
    assert response.status_code == 200
    assert escape(r"\href is not allowed in a formula") in response.content.decode()
    assert not QuestionTemplate.objects.filter(slug=WRITTEN["slug"]).exists()


# ------------------------------------------------------------------------ lesson preview

LESSON = """### Two coins

A fair coin has $H = 1$ bit of uncertainty:

$$H(p) = -p \\log_2 p - (1 - p) \\log_2 (1 - p)$$

[[plot:divergence p=0.6,0.3,0.1 q=0.3,0.3,0.4]]

A bad one: $\\href{javascript:alert(1)}{x}$ <script>alert(2)</script>
"""


def test_an_instructor_previews_a_lesson_as_it_stands_without_saving(instructor_client, topics):
    topic = topics["kl-divergence"]
    before = (topic.core_idea, topic.explainer)
    change = instructor_client.get(reverse("admin:knowledge_graph_topic_change", args=[topic.pk]))
    html = change.content.decode()
    assert 'formaction="/admin/preview/lesson/"' in html and 'formtarget="_blank"' in html
    response = instructor_client.post(
        reverse("lesson_preview"),
        {"title": "Coins", "core_idea": "Surprise, $-\\log p$, on average.", "explainer": LESSON},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<math" in page and "<h3" in page and 'data-testid="plot-image"' in page
    assert "cannot be shown" in page and "\\href" in page  # named, not obeyed
    assert "<script>alert(2)" not in page and 'href="javascript' not in page
    topic.refresh_from_db()
    assert (topic.core_idea, topic.explainer) == before


def test_only_instructors_may_preview_and_only_by_posting(client, instructor_client, topics):
    assert instructor_client.get(reverse("lesson_preview")).status_code == 405
    too_long = instructor_client.post(reverse("lesson_preview"), {"explainer": "x" * 100_001})
    assert too_long.status_code == 400 and "too long to preview" in too_long.content.decode()
    instructor_client.logout()
    get_user_model().objects.create_user("sam", password="a-long-Password-42")
    client.login(username="sam", password="a-long-Password-42")
    refused = client.post(reverse("lesson_preview"), {"explainer": LESSON})
    assert refused.status_code == 302 and "/admin/login/" in refused["Location"]
