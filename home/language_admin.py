"""Admin side of the language checker: the glossary, the editors' warnings and the report.

The check never blocks a save. Editors see one warning after saving, submitting or publishing a
page; the findings of every page's latest revision are listed in the "Dil denetimi raporu".
After the glossary changes, ``manage.py check_language`` re-checks every page.
"""

from collections import OrderedDict

import django_filters
from django.contrib import messages
from django.db.models import QuerySet
from django.forms.models import modelform_factory
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.models import get_page_content_types
from wagtail.permissions import page_permission_policy

from core.permissions import RulePermissionPolicy, can
from core.viewsets import RuleViewSet

from .language import Finding, check_page, normalise_term
from .models import GlossaryTerm, PageLanguageCheck

GLOSSARY_RULES = {
    "view": "staff.use",
    "add": "glossary.manage",
    "change": "glossary.manage",
    "delete": "glossary.manage",
}


# --- The glossary ----------------------------------------------------------------------------


class GlossaryTermForm(WagtailAdminModelForm):
    """Terms are stored the way they are matched (lower case, single spaces), so "Bağımlı" and
    "bağımlı" cannot both be entered."""

    def clean(self):
        cleaned = super().clean()
        term = cleaned.get("term")
        if term:
            language = cleaned.get("language") or GlossaryTerm.Language.TR
            term = normalise_term(term, language)
            if not any(char.isalpha() for char in term):
                self.add_error("term", _("İfade en az bir harf içermeli."))
            else:
                cleaned["term"] = term
        return cleaned


class GlossaryTermViewSet(RuleViewSet):
    model = GlossaryTerm
    rules = GLOSSARY_RULES
    icon = "openquote"
    add_to_admin_menu = True
    menu_order = 790
    form_fields = ["term", "language", "inflected", "preferred", "reason", "is_active"]
    list_display = ["term", "language", "preferred", "inflected", "is_active", "updated_at"]
    list_filter = ["language", "is_active", "inflected"]
    search_fields = ["term", "preferred", "reason"]
    list_export = ["term", "language", "preferred", "reason", "inflected", "is_active"]
    export_filename = "dil-sozlugu"
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return modelform_factory(
            GlossaryTerm,
            form=GlossaryTermForm,
            fields=self.form_fields,
            formfield_callback=self.formfield_for_dbfield,
        )


@hooks.register("register_admin_viewset")
def register_glossary_viewset():
    return GlossaryTermViewSet()


# --- Warnings to the editor ------------------------------------------------------------------

MESSAGE_TERMS = 5


def _grouped(findings: list[Finding]) -> list[dict]:
    """Findings grouped by glossary term, in reading order: forms found and fields."""
    groups: OrderedDict[tuple[str, str], dict] = OrderedDict()
    for finding in findings:
        key = (finding.term.language, finding.term.term)
        group = groups.setdefault(key, {"term": finding.term, "forms": [], "fields": []})
        if finding.matched not in group["forms"]:
            group["forms"].append(finding.matched)
        if finding.field and finding.field not in group["fields"]:
            group["fields"].append(finding.field)
    return list(groups.values())


def findings_message(findings: list[Finding]) -> SafeString:
    """One warning listing what was found, where, and what to say instead (escaped)."""
    groups = _grouped(findings)
    items = []
    for group in groups[:MESSAGE_TERMS]:
        found = format_html_join(", ", "“{}”", ((form,) for form in group["forms"][:3]))
        items.append(
            format_html(
                _("{found} ({fields}) yerine “{preferred}”"),
                found=found,
                fields="; ".join(group["fields"]),
                preferred=group["term"].preferred,
            )
        )
    if len(groups) > MESSAGE_TERMS:
        items.append(format_html("{}", "…"))
    return format_html(
        _("Dil denetimi ({count} bulgu): {items}. Sayfa kaydedildi; bunlar yalnızca önerilerdir."),
        count=len(findings),
        items=format_html_join(" · ", "{}", ((item,) for item in items)),
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_language(request, page):
    """Check the page as just saved (its latest revision) and warn once; never block."""
    latest = page.get_latest_revision_as_object() if page.pk else page
    findings = check_page(latest)
    # Autosave posts expect JSON and show no messages; the warning waits for a real save.
    if findings and request.accepts("text/html"):
        messages.warning(request, findings_message(findings))


# --- The report ------------------------------------------------------------------------------


def _languages():
    return list(get_content_languages().items())


class LanguageReportFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        field_name="page__locale__language_code",
        label=gettext_lazy("Dil"),
        choices=_languages,
    )
    page_type = ContentTypeFilter(
        field_name="page__content_type",
        label=gettext_lazy("Sayfa türü"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = PageLanguageCheck
        fields = []


def _page_type(check: PageLanguageCheck) -> str:
    model = check.page.content_type.model_class()
    return capfirst(model._meta.verbose_name) if model else ""


def terms_found(check: PageLanguageCheck) -> list[dict]:
    """The distinct terms of a check with how often each was found, most frequent first."""
    counts: OrderedDict[str, dict] = OrderedDict()
    for finding in check.findings or []:
        entry = counts.setdefault(
            finding.get("term", ""),
            {
                "term": finding.get("term", ""),
                "preferred": finding.get("preferred", ""),
                "count": 0,
            },
        )
        entry["count"] += 1
    return sorted(counts.values(), key=lambda entry: -entry["count"])


def _terms_text(check: PageLanguageCheck) -> str:
    return ", ".join(f"{entry['term']} ({entry['count']})" for entry in terms_found(check))


class TermsColumn(Column):
    cell_template_name = "home/admin/language_terms_cell.html"

    def get_value(self, instance):
        return terms_found(instance)


def _field_label(model, name: str):
    return capfirst(model._meta.get_field(name).verbose_name)


class LanguageReportView(ReportView):
    """Pages whose latest revision uses a discouraged term, most findings first."""

    template_name = "home/admin/language_report.html"
    page_title = gettext_lazy("Dil denetimi raporu")
    header_icon = "glasses"
    index_url_name = "home_language_report"
    index_results_url_name = "home_language_report_results"
    filterset_class = LanguageReportFilterSet
    permission_policy = RulePermissionPolicy(PageLanguageCheck, {"view": "language.report"})
    permission_required = "view"
    is_searchable = True
    search_fields = ["page__title", "page__draft_title"]
    default_ordering = "-finding_count"
    no_results_message = gettext_lazy("Hiçbir sayfada sözlükteki ifadeler bulunmadı.")
    export_filename = "dil-denetimi"
    list_export = ["page", "page_type", "locale", "finding_count", "terms", "checked_at"]

    @property
    def columns(self):
        return [
            TitleColumn(
                "page",
                label=_field_label(PageLanguageCheck, "page"),
                accessor="page.draft_title",
                get_url=lambda check: reverse("wagtailadmin_pages:edit", args=[check.page_id]),
                sort_key="page__title",
            ),
            Column("page_type", label=gettext_lazy("Sayfa türü"), accessor=_page_type),
            LocaleColumn(label=gettext_lazy("Dil"), accessor="page.locale_id", sort_key=None),
            NumberColumn(
                "finding_count",
                label=_field_label(PageLanguageCheck, "finding_count"),
                sort_key="finding_count",
            ),
            TermsColumn("terms", label=gettext_lazy("Bulunan ifadeler")),
            DateColumn(
                "checked_at",
                label=_field_label(PageLanguageCheck, "checked_at"),
                sort_key="checked_at",
            ),
        ]

    @property
    def export_headings(self):
        return {column.name: str(column.label) for column in self.columns}

    def get_queryset(self) -> QuerySet:
        editable = page_permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = (
            PageLanguageCheck.objects.filter(finding_count__gt=0, page__in=editable)
            .select_related("page", "page__content_type")
            .only(
                "id",
                "findings",
                "finding_count",
                "checked_at",
                "page__id",
                "page__title",
                "page__draft_title",
                "page__locale_id",
                "page__content_type__app_label",
                "page__content_type__model",
            )
        )
        return super().get_queryset()

    def to_row_dict(self, item):
        from wagtail.coreutils import get_locales_display_names

        return OrderedDict(
            [
                ("page", item.page.draft_title),
                ("page_type", _page_type(item)),
                ("locale", get_locales_display_names().get(item.page.locale_id, "")),
                ("finding_count", item.finding_count),
                ("terms", _terms_text(item)),
                ("checked_at", item.checked_at),
            ]
        )


@hooks.register("register_admin_urls")
def register_language_report_urls():
    return [
        path(
            "language-check/report/",
            LanguageReportView.as_view(),
            name="home_language_report",
        ),
        path(
            "language-check/report/results/",
            LanguageReportView.as_view(results_only=True),
            name="home_language_report_results",
        ),
    ]


class LanguageReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "language.report")


@hooks.register("register_reports_menu_item")
def register_language_report_menu_item():
    return LanguageReportMenuItem(
        gettext_lazy("Dil denetimi raporu"),
        reverse("home_language_report"),
        name="language-report",
        icon_name="glasses",
        order=1300,
    )
