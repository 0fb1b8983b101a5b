"""Wagtail admin views whose writes must go through the services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage

from . import services


class RoleAssignmentCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.role_assign(
            user=data["user"],
            role=data["role"],
            province=data.get("province"),
            granted_by=self.request.user,
        )


class RoleAssignmentDeleteView(generic.DeleteView):
    def delete_action(self):
        services.role_revoke(assignment=self.object, revoked_by=self.request.user)


class ConsentTextCreateView(generic.CreateView):
    """A new text is always a new version: existing consents keep the text they agreed to."""

    def save_instance(self):
        data = self.form.cleaned_data
        return services.consent_text_publish(
            purpose=data["purpose"],
            body=data["body"],
            body_en=data["body_en"],
            user=self.request.user,
        )


class ImmutableEditView(generic.EditView):
    """Records kept as evidence are never edited: a role is revoked and assigned again, a
    consent text gets a new version."""

    def dispatch(self, request, *args, **kwargs):
        messages.warning(request, _("Bu kayıt değiştirilemez; yeni bir kayıt ekleyin."))
        return redirect(self.index_url_name)


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
        from .exceptions import DomainError

        try:
            return super().form_valid(form)
        except DomainError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)


class InstanceRuleEditView(generic.EditView):
    """Wagtail's edit view asks the model-wide permission; the portal's rules also look at the
    record (a published standard is frozen), so ask again for this instance."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.user_has_permission_for_instance("change", instance):
            raise PermissionDenied
        return instance


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
        from .permissions import can

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
        from .permissions import can

        queryset = super().get_base_queryset()
        if not can(self.request.user, "certificate.issue_personal"):
            queryset = queryset.exclude(kind="personal")
        return queryset
