"""Wagtail admin views whose writes must go through the services."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.views import generic

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
