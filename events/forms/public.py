import datetime as dt

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import Event, EventSession


def session_label(session: EventSession, *, waitlist: bool) -> str:
    """A session as a radio choice: its name, time (Türkiye time) and free places."""
    starts = timezone.localtime(session.starts_at)
    ends = timezone.localtime(session.ends_at)
    when = "{} {}–{}".format(
        formats.date_format(starts, "DATE_FORMAT"),
        formats.time_format(starts, "H:i"),
        formats.time_format(ends, "H:i")
        if starts.date() == ends.date()
        else formats.date_format(ends, "DATE_FORMAT") + " " + formats.time_format(ends, "H:i"),
    )
    free = getattr(session, "free", None)
    if free is None:
        places = ""
    elif free > 0:
        places = ngettext("%(count)s yer kaldı", "%(count)s yer kaldı", free) % {"count": free}
    elif waitlist:
        places = str(_("Dolu — bekleme listesi açık"))
    else:
        places = str(_("Dolu"))
    return " · ".join(part for part in (session.title, when, places) if part)


class SignUpForm(forms.Form):
    """What signing up asks: the session or shift when the event has them, and the birth date
    when the event has a minimum age (used for the check only, never stored)."""

    session = forms.ModelChoiceField(
        label=_("Oturum ya da vardiya"),
        queryset=EventSession.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Katılmak istediğiniz oturumu ya da vardiyayı seçin."),
            "invalid_choice": _("Bu oturum artık seçilemiyor; listeden birini seçin."),
        },
    )
    birth_date = forms.DateField(
        label=_("Doğum tarihiniz"),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}),
        error_messages={
            "required": _("Yaş sınırı olan bu etkinlik için doğum tarihinizi girin."),
            "invalid": _("Geçerli bir tarih girin, örneğin 21/11/2008."),
        },
    )

    def __init__(self, *args, event: Event, sessions: list[EventSession] | None = None, **kw):
        super().__init__(*args, **kw)
        self.event = event
        if sessions:
            now = timezone.now()
            field = self.fields["session"]
            field.queryset = EventSession.objects.filter(
                pk__in=[s.pk for s in sessions if s.starts_at > now]
            ).order_by("starts_at", "pk")
            # Labels from the sessions already read with their free places: no query per choice.
            annotated = {s.pk: s for s in sessions}
            field.label_from_instance = lambda obj: session_label(
                annotated.get(obj.pk, obj), waitlist=event.waitlist_enabled
            )
        else:
            del self.fields["session"]
        if event.minimum_age:
            self.fields["birth_date"].help_text = _(
                "Bu etkinlik %(age)s yaş ve üzeri içindir. Doğum tarihiniz yalnızca yaşınızı "
                "denetlemek için kullanılır, saklanmaz."
            ) % {"age": event.minimum_age}
        else:
            del self.fields["birth_date"]

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Doğum tarihi bugünden sonra olamaz."))
        if value < dt.date(1900, 1, 1):
            raise forms.ValidationError(_("Doğum tarihini denetleyin."))
        return value
