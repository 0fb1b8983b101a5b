"""One application, invitation or placement: the volunteer's message, its history and
check-ins, and the moves the organisation may make."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import DomainError
from core.forms import add_service_errors
from core.lifecycle import lifecycle_of
from core.permissions import can, require

from ... import placements
from ...forms.common import CheckInForm
from ...forms.manage import CloseForm, DeclineForm
from ...models import Match
from .common import M, mark_contacts, refusal_text, status_history, with_people

# The button each move of a match is, by its target status (the contract with "my_match").
MATCH_ACTIONS = {
    M.ACCEPTED: "accept",
    M.DECLINED: "decline",
    M.WITHDRAWN: "withdraw",
    M.ACTIVE: "start",
    M.CLOSED: "close",
}


def _match_page(request, match: Match, *, forms: dict | None = None):
    forms = forms or {}
    moves = lifecycle_of(Match).available(match, request.user)
    actions = [MATCH_ACTIONS[move.target] for move in moves if move.target in MATCH_ACTIONS]
    check_ins_open = match.status in Match.HOLDING_PLACE and can(request.user, "match.close", match)
    check_ins = list(match.check_ins.select_related("by"))
    for check_in in check_ins:
        if check_in.by_id == match.person_id:
            check_in.by_name = match.person_name
        elif check_in.by_id is None:
            check_in.by_name = "—"
        else:
            check_in.by_name = check_in.by.full_name or check_in.by.email
    return render(
        request,
        "volunteers/manage/match_detail.html",
        {
            "match": match,
            "role": match.role,
            "program": match.role.program,
            "actions": actions,
            "decline_form": forms.get("decline") or DeclineForm(),
            "close_form": forms.get("close") or CloseForm(),
            "check_in_form": forms.get("check_in") or CheckInForm(),
            "check_ins_open": check_ins_open,
            "check_ins": check_ins,
            "history": status_history(
                match, person_id=match.person_id, person_name=match.person_name
            ),
        },
    )


def _match_for(request, pk: int) -> Match:
    match = get_object_or_404(
        with_people(
            Match.objects.select_related(
                "role__program__organisation",
                "role__program__support_unit",
                "role__program__province",
            )
        ),
        pk=pk,
    )
    require(request.user, "match.manage", match)
    mark_contacts([match])
    return match


MATCH_DONE = {
    "accept": gettext_lazy("Kabul edildi; %(name)s bu rolde yer aldı."),
    "decline": gettext_lazy("Geri çevrildi; %(name)s e-postayla bilgilendiriliyor."),
    "withdraw": gettext_lazy("Davet geri çekildi."),
    "start": gettext_lazy("Yerleştirme başladı olarak işaretlendi."),
    "close": gettext_lazy("Yerleştirme kapatıldı."),
    "check_in": gettext_lazy("Görüşme notu eklendi."),
}


@login_required
def match_detail(request, pk: int):
    """One application, invitation or placement: the volunteer's message, history and
    check-ins, and the moves the person may make, each a form of its own."""
    match = _match_for(request, pk)
    if request.method != "POST":
        return _match_page(request, match)
    action = request.POST.get("action", "")
    user = request.user
    form = None
    try:
        if action == "accept":
            placements.match_accept(match=match, by=user)
        elif action == "withdraw":
            placements.match_withdraw(match=match, by=user)
        elif action == "start":
            placements.match_start(match=match, by=user)
        elif action == "decline":
            form = DeclineForm(request.POST)
            if not form.is_valid():
                return _match_page(request, match, forms={"decline": form})
            placements.match_decline(match=match, by=user, note=form.cleaned_data["note"])
        elif action == "close":
            form = CloseForm(request.POST)
            if not form.is_valid():
                return _match_page(request, match, forms={"close": form})
            placements.match_close(
                match=match,
                by=user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        elif action == "check_in":
            form = CheckInForm(request.POST)
            if not form.is_valid():
                return _match_page(request, match, forms={"check_in": form})
            placements.check_in_add(
                match=match,
                by=user,
                on=form.cleaned_data["on"],
                mood=form.cleaned_data["mood"],
                note=form.cleaned_data["note"],
            )
        else:
            messages.error(request, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin."))
            return redirect("manage_match", pk=match.pk)
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return _match_page(request, match)
        add_service_errors(form, error)
        return _match_page(request, match, forms={action: form})
    except DomainError as error:
        messages.error(request, refusal_text(error))
        match.refresh_from_db(fields=["status"])
        return _match_page(request, match, forms={action: form} if form is not None else None)
    messages.success(request, MATCH_DONE[action] % {"name": match.person_name})
    return redirect("manage_match", pk=match.pk)
