"""Wagtail admin views of the kernel whose writes must go through the services, and the
edit views every app's admin screens share."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
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


class InstanceRuleEditView(generic.EditView):
    """Wagtail's edit view asks the model-wide permission; the portal's rules also look at the
    record (a published standard is frozen), so ask again for this instance."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.user_has_permission_for_instance("change", instance):
            raise PermissionDenied
        return instance
