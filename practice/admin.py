"""Practice in the admin: instructors edit question templates; attempts are students' data.

Question templates are edited by the "Instructors" group (see
``knowledge_graph.services.instructors_group_ensure``). The change page shows a sample
variant of the template's generator exactly as a student gets it (prompt, expected
answer, worked solution and the mistakes it recognises), drawn with a fixed seed so the
preview does not move between saves.

Attempts hold what students typed and when, so they are shown to superusers only, read
only, and never with the session key (which would let a reader act as that anonymous
student). Instructors see how their questions are doing through the students' own pages,
not through individual attempts.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from knowledge_graph.admin import CheckedAutocompleteMixin, formulas_allowed
from knowledge_graph.rendering import math_problems, render_markdown
from practice import authored
from practice.forms import option_labels
from practice.grader import DIAGNOSES, answer_text
from practice.models import Attempt, QuestionTemplate, Unit
from practice.questions import (
    GENERATORS,
    SEPARATION,
    WRITTEN,
    Variant,
    generator_choices,
    gives_own_answer,
)
from practice.services import WRITTEN_FIELDS, unit_problem

# practice.authored's names for the fields of a written question → the model's.
WRITTEN_FIELD_NAMES = {"kind": "answer_kind", "form": "answer_form"}

PREVIEW_SEED = 1
"""The seed of the sample variant shown on a question's change page."""

MAX_REL_TOL = SEPARATION
"""Largest relative tolerance an instructor may set: the generators keep every named
mistake more than this far from the right answer, so no mistake is ever accepted."""


class QuestionTemplateForm(forms.ModelForm):
    generator = forms.ChoiceField(
        choices=generator_choices,
        help_text="The function that draws each variant's numbers and computes its answer.",
    )

    class Meta:
        model = QuestionTemplate
        fields = [
            "topic",
            "title",
            "slug",
            "generator",
            "intro",
            "unit",
            "rel_tol",
            "position",
            "is_active",
            *WRITTEN_FIELDS,
        ]
        widgets = {
            field: forms.Textarea(attrs={"rows": rows, "cols": 80})
            for field, rows in [
                ("variables", 4),
                ("constraints", 2),
                ("prompt", 4),
                ("misconceptions", 3),
                ("solution", 5),
            ]
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        generator, unit = cleaned.get("generator"), cleaned.get("unit")
        if gives_own_answer(generator or "") and "unit" not in self.changed_data:
            # The default (bits) left as it was: such a question has no unit of its own.
            cleaned["unit"] = unit = Unit.NONE
        if (generator in GENERATORS or generator == WRITTEN) and unit is not None:
            problem = unit_problem(generator, unit)
            if problem:
                self.add_error("unit", _sentence(problem))
        if generator == WRITTEN and not self.errors:
            written = QuestionTemplate(
                **{f: cleaned.get(f) or "" for f in WRITTEN_FIELDS},
                rel_tol=cleaned.get("rel_tol") or 5e-3,
            ).written()
            for field, messages in authored.problems(written).items():
                for message in messages:
                    self.add_error(WRITTEN_FIELD_NAMES.get(field, field), _sentence(message))
        return cleaned

    def clean_intro(self) -> str:
        return formulas_allowed(self.cleaned_data.get("intro"))

    def clean_prompt(self) -> str:
        return formulas_allowed(self.cleaned_data.get("prompt"))

    def clean_solution(self) -> str:
        return formulas_allowed(self.cleaned_data.get("solution"))

    def clean_rel_tol(self) -> float:
        rel_tol = self.cleaned_data["rel_tol"]
        if rel_tol is not None and not 0 < rel_tol < MAX_REL_TOL:
            raise forms.ValidationError(
                f"Choose a tolerance above 0 and below {MAX_REL_TOL:g} "
                f"({MAX_REL_TOL:.0%}): a wider one would accept the mistakes the question "
                "recognises, such as the reversed divergence."
            )
        return rel_tol


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


@admin.register(QuestionTemplate)
class QuestionTemplateAdmin(CheckedAutocompleteMixin, admin.ModelAdmin):
    form = QuestionTemplateForm
    list_display = ["title", "topic", "generator", "unit", "rel_tol", "position", "is_active"]
    list_display_links = ["title"]
    list_editable = ["position", "is_active"]
    list_filter = [("topic", admin.RelatedOnlyFieldListFilter), "is_active", "unit"]
    list_select_related = ["topic"]
    search_fields = ["title", "slug", "topic__title"]
    autocomplete_fields = ["topic"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["topic__title", "position", "id"]
    readonly_fields = ["preview"]
    fieldsets = [
        (None, {"fields": ["topic", "title", "slug", "generator", "intro"]}),
        ("Grading", {"fields": ["unit", "rel_tol"]}),
        ("Order", {"fields": ["position", "is_active"]}),
        (
            "A question written without Python (generator: template)",
            {
                "fields": list(WRITTEN_FIELDS),
                "description": "Named random numbers, the question and its worked solution "
                "with {a} placeholders, and an answer expression computed exactly. The page "
                "checks the question on 200 draws when you save it, and then shows a sample "
                "variant below.",
            },
        ),
        ("What a student sees", {"fields": ["preview"]}),
    ]

    @admin.display(description="Sample variant")
    def preview(self, obj: QuestionTemplate | None) -> str:
        if obj is None or obj.pk is None:
            return "Save the question to see a sample variant."
        if obj.generator not in GENERATORS and obj.generator != WRITTEN:
            return f"The generator {obj.generator!r} does not exist; choose another one."
        try:
            variant = obj.variant(PREVIEW_SEED)
        except authored.TemplateError as err:
            return f"This written question cannot be drawn: {err.message}"
        expected, mistakes, also = _preview_answers(variant, obj.unit)
        mistakes = format_html_join("", "<li><strong>{}</strong> ({}): {}</li>", mistakes)
        # Rendered Markdown is sanitised by render_markdown (nh3), so it is safe to embed.
        texts = (obj.intro, obj.prompt, obj.solution)
        problems = ((p,) for text in texts for p in math_problems(text))
        refused = format_html_join("", "<li>{}</li>", problems)
        return format_html(
            '<div class="question-preview">'
            "{refused}"
            "<p>Seed {seed}. Each student gets their own numbers.</p>"
            "{intro}{prompt}"
            "<p><strong>Expected answer:</strong> {expected}</p>"
            "<p><strong>Worked solution</strong></p>{solution}"
            "<p><strong>Mistakes it recognises</strong>{also}:</p><ul>{mistakes}</ul>"
            "</div>",
            refused=format_html('<ul class="errorlist">{}</ul>', refused) if refused else "",
            seed=PREVIEW_SEED,
            intro=mark_safe(render_markdown(obj.intro)) if obj.intro else "",
            prompt=mark_safe(render_markdown(variant.prompt)),
            expected=expected,
            solution=mark_safe(render_markdown(variant.solution)),
            also=also,
            mistakes=mistakes or mark_safe("<li>none</li>"),
        )


def _preview_answers(variant: Variant, unit: str) -> tuple[str, list[tuple], str]:
    """The expected answer, ``(code, value, message)`` for each named mistake, and what
    every question of that kind recognises besides, for the preview."""
    answer = variant.answer
    if answer is None:
        mistakes = [
            (code, f"{value:.4f} {unit}", variant.messages.get(code, DIAGNOSES[code]))
            for code, value in variant.alternatives.items()
        ]
        also = (
            " (besides the wrong unit, log base 10 and the wrong sign, which every "
            "question recognises)"
        )
        return f"{variant.expected:.4f} {unit}", mistakes, also
    if answer.kind == "choice":
        labels = dict(option_labels(answer))
        expected = labels[answer.value]
        mistakes = [
            (code, labels.get(key, key), answer.message(code))
            for code, key in answer.alternatives.items()
        ]
        return expected, mistakes, ""
    mistakes = [
        (code, answer_text(answer, value), answer.message(code))
        for code, value in answer.alternatives.items()
    ]
    return answer_text(answer), mistakes, ""


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    """Students' attempts, read only, for superusers only."""

    list_display = [
        "created_at",
        "owner",
        "question",
        "raw_answer",
        "value",
        "correct",
        "try_number",
        "revealed",
        "diagnosis",
    ]
    list_filter = [
        "correct",
        "revealed",
        "diagnosis",
        ("question", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["learner__user", "question"]
    date_hierarchy = "created_at"
    fields = [
        "created_at",
        "owner",
        "question",
        "seed",
        "variant",
        "unit",
        "expected",
        "answer",
        "raw_answer",
        "value",
        "correct",
        "diagnosis",
        "feedback",
    ]
    readonly_fields = fields

    @admin.display(description="student")
    def owner(self, obj: Attempt) -> str:
        return obj.learner.user.get_username() if obj.learner.user_id else "anonymous session"

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
