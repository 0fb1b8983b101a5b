"""Wagtail admin views whose writes must go through the services."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage

from core.admin_views import InstanceRuleEditView


class PersonalCertificateCreateView(generic.CreateView):
    """Staff record that a person completed a training; the certificate is issued at once."""

    def save_instance(self):
        from .certificates import certificate_issue_personal

        data = self.form.cleaned_data
        return certificate_issue_personal(
            holder=data["holder"],
            training=data["title"],
            hours=data.get("hours"),
            completed_on=data["issued_on"],
            by=self.request.user,
        )


class StandardCreateView(generic.CreateView):
    """ "Add" makes the next version as a draft copy of the newest one."""

    def save_instance(self):
        from .models import Standard
        from .standards import standard_new_version

        newest = Standard.objects.order_by("-version").first()
        draft = standard_new_version(based_on=newest, by=self.request.user)
        for name in ("title", "title_en", "introduction", "introduction_en"):
            setattr(draft, name, self.form.cleaned_data[name])
        draft.save()
        return draft

    def form_valid(self, form):
        from core.exceptions import DomainError

        try:
            return super().form_valid(form)
        except DomainError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)


class StandardEditView(InstanceRuleEditView):
    """Edit a draft version; ticking "publish" freezes it for new applications."""

    def save_instance(self):
        from .standards import standard_publish

        instance = self.form.save()
        if self.form.cleaned_data.get("publish"):
            standard_publish(standard=instance, by=self.request.user)
        return instance


class ScopedApplicationMixin:
    """An application's admin pages open only for staff the rules let see it."""

    def get_object(self, *args, **kwargs):
        from core.permissions import can

        application = super().get_object(*args, **kwargs)
        if not can(self.request.user, "application.view", application):
            raise PermissionDenied
        return application


class ApplicationIndexView(generic.IndexView):
    """The queue: coordinators see their provinces, reviewers their assignments, the board
    its scope."""

    def get_base_queryset(self):
        from .selectors import applications_for_staff

        queryset = (
            super()
            .get_base_queryset()
            .select_related("organisation", "organisation__province", "standard")
        )
        return applications_for_staff(self.request.user, queryset)


class ApplicationInspectView(ScopedApplicationMixin, generic.InspectView):
    pass


class ApplicationHistoryView(ScopedApplicationMixin, history.HistoryView):
    # Reading the history needs no right to change the record (nobody edits it here: every
    # change goes through the life cycle).
    permission_required = "view"
    any_permission_required = None


class ApplicationUsageView(ScopedApplicationMixin, usage.UsageView):
    pass


class CertificateIndexView(generic.IndexView):
    """Personal certificates name people: only the staff who issue them see them listed."""

    def get_base_queryset(self):
        from core.permissions import can

        queryset = super().get_base_queryset()
        if not can(self.request.user, "certificate.issue_personal"):
            queryset = queryset.exclude(kind="personal")
        return queryset
