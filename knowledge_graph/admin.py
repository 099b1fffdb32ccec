"""Instructor editing of topics and prerequisite edges.

Every save goes through one transaction that first locks the graph, checks the
proposed edges for a cycle (naming it), saves, then recomputes every derived
number, so the pages are right as soon as the save returns.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.forms.models import BaseInlineFormSet

from knowledge_graph import services
from knowledge_graph.models import Prerequisite, Topic
from knowledge_graph.rendering import math_problems


class CheckedAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete select, shown again after a refused form even when the value
    sent was not a key at all ("100%", "abc"): Django's own looks that value up as a key
    while rendering, which fails (a server error instead of the form's message)."""

    def optgroups(self, name, value, attr=None):
        target = self.field.target_field

        def is_key(text) -> bool:
            try:
                target.run_validators(target.to_python(text))  # a key, and in range
            except ValidationError:
                return False
            return True

        return super().optgroups(name, [v for v in value if is_key(v)], attr)


class CheckedAutocompleteMixin:
    """Admin (or inline) whose autocomplete fields use :class:`CheckedAutocompleteSelect`."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            widget = CheckedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
            kwargs.setdefault("widget", widget)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def formulas_allowed(text: str) -> str:
    """``text`` when every formula in it may be shown; else a ``ValidationError`` saying
    why each refused one is (:func:`knowledge_graph.rendering.math_problems`). The
    formulas are the instructor's text, so they go in as parameters."""
    problems = math_problems(text or "")
    if problems:
        each = [ValidationError("%(problem)s", params={"problem": p}) for p in problems]
        raise ValidationError(each, code="formula")
    return text


class TopicForm(forms.ModelForm):
    """The topic's fields; a core idea or explainer with a refused formula is not saved."""

    def clean_core_idea(self) -> str:
        return formulas_allowed(self.cleaned_data.get("core_idea"))

    def clean_explainer(self) -> str:
        return formulas_allowed(self.cleaned_data.get("explainer"))


class PrerequisiteFormSet(BaseInlineFormSet):
    """Checks the topic's whole new set of prerequisites at once, under the graph lock."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors) or self.instance.pk is None:
            return
        replacing, proposed = [], []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if form.instance.pk:
                replacing.append((form.instance.prerequisite_id, self.instance.pk))
            prerequisite = form.cleaned_data.get("prerequisite")
            if prerequisite and not form.cleaned_data.get("DELETE"):
                proposed.append((prerequisite.pk, self.instance.pk))
        services.edges_check(proposed=proposed, replacing=replacing)


class PrerequisiteInline(CheckedAutocompleteMixin, admin.TabularInline):
    model = Prerequisite
    fk_name = "dependent"
    formset = PrerequisiteFormSet
    autocomplete_fields = ["prerequisite"]
    extra = 1
    verbose_name = "prerequisite"
    verbose_name_plural = "prerequisites (topics to learn first)"


class CoverageFilter(admin.SimpleListFilter):
    """Topics with or without a lesson (or question families), to find what is missing."""

    field = ""

    def lookups(self, request, model_admin):
        return [("yes", "yes"), ("no", "no")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(**{self.field: self.value() == "yes"})
        return queryset


class LessonFilter(CoverageFilter):
    title = "lesson"
    parameter_name = "lesson"
    field = "has_lesson"


class QuestionsFilter(CoverageFilter):
    title = "question families"
    parameter_name = "questions"
    field = "has_questions"


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    form = TopicForm
    list_display = [
        "title",
        "slug",
        "level",
        "lesson",
        "question_families",
        "updated_at",
        "depth",
        "ancestor_count",
        "descendant_count",
        "prerequisite_count",
        "dependent_count",
    ]
    list_filter = ["level", LessonFilter, QuestionsFilter]
    search_fields = ["title", "slug", "aliases"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        "depth",
        "ancestor_count",
        "descendant_count",
        "prerequisite_count",
        "dependent_count",
    ]
    inlines = [PrerequisiteInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "level", "aliases", "minutes"]}),
        ("Content", {"fields": ["core_idea", "explainer"]}),
        ("Derived from the graph (read-only)", {"fields": readonly_fields}),
    ]

    def get_queryset(self, request):
        # "questions" is the practice app's question templates of a topic (the reverse of
        # their foreign key): the coverage an instructor looks for in this list.
        families = Count("questions", filter=Q(questions__is_active=True))
        return (
            super()
            .get_queryset(request)
            .annotate(
                families=families,
                has_lesson=ExpressionWrapper(~Q(explainer=""), output_field=BooleanField()),
                has_questions=ExpressionWrapper(Q(families__gt=0), output_field=BooleanField()),
            )
            .order_by(*Topic._meta.ordering)  # a grouped query drops the model's ordering
        )

    @admin.display(description="lesson", boolean=True, ordering="has_lesson")
    def lesson(self, obj: Topic) -> bool:
        return obj.has_lesson

    @admin.display(description="question families", ordering="families")
    def question_families(self, obj: Topic) -> int:
        return obj.families

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        services.graph_recompute()

    def delete_model(self, request, obj) -> None:
        services.topic_delete(topic=obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset) -> None:
        services.graph_lock()
        queryset.delete()
        services.graph_recompute()


@admin.register(Prerequisite)
class PrerequisiteAdmin(CheckedAutocompleteMixin, admin.ModelAdmin):
    list_display = ["prerequisite", "dependent"]
    autocomplete_fields = ["prerequisite", "dependent"]
    search_fields = ["prerequisite__title", "dependent__title"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        edge = obj

        class CycleCheckedForm(form):
            def clean(self):
                data = super().clean()
                a, b = data.get("prerequisite"), data.get("dependent")
                if a and b:
                    replacing = [(edge.prerequisite_id, edge.dependent_id)] if edge else []
                    try:
                        services.edges_check(proposed=[(a.pk, b.pk)], replacing=replacing)
                    except ValidationError as exc:
                        raise ValidationError(exc.messages) from None
                return data

        return CycleCheckedForm

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        services.graph_recompute()

    def delete_model(self, request, obj) -> None:
        services.edge_delete(edge=obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset) -> None:
        services.graph_lock()
        queryset.delete()
        services.graph_recompute()
        messages.info(request, "Derived numbers recomputed.")
