"""The events' admin views: staff enter and edit events through the same service as organisers
on the site (``organising.event_save``), so checks, capacity rules and change notices are the
same wherever an event is saved."""

from wagtail.admin.views import generic

from core.admin_views import InstanceRuleEditView

from . import organising
from .exceptions import EventError


class _SavedByService:
    def save_instance(self):
        return organising.event_save(
            event=self.form.instance,
            by=self.request.user,
            organisation=self.form.cleaned_data.get("organiser") if self.creating else None,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except organising.EventChangeInvalid as invalid:
            for key, texts in invalid.errors.items():
                field = key if isinstance(key, str) and key in form.fields else None
                for text in texts:
                    form.add_error(field, text)
            return self.form_invalid(form)
        except EventError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)


class EventCreateView(_SavedByService, generic.CreateView):
    creating = True


class EventEditView(_SavedByService, InstanceRuleEditView):
    creating = False
