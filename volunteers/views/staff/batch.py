"""Batch assignment for coordinators: compute a preview for a province or a program, then
confirm it to send the invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from core.exceptions import DomainError
from core.forms import add_service_errors
from core.permissions import require

from ... import matching
from ...forms.staff import BatchForm
from ...models import BatchAssignment, Program
from .common import coordinator_reach, in_reach, provinces_in_reach, staff_nav


@login_required
@require_http_methods(["GET", "POST"])
def batch_new(request):
    user = request.user
    reach = coordinator_reach(user)
    programs = in_reach(Program.objects.published(), reach).select_related("province")
    form = BatchForm(
        request.POST if request.method == "POST" else None,
        provinces=provinces_in_reach(reach),
        programs=programs.order_by("title", "pk"),
    )
    if form.is_bound and form.is_valid():
        try:
            batch = matching.batch_compute(
                province=form.cleaned_data["province"],
                program=form.cleaned_data["program"],
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            return redirect("batch_detail", pk=batch.pk)
    recent = in_reach(
        BatchAssignment.objects.select_related("province", "program", "created_by"), reach
    )[:10]
    return render(
        request,
        "volunteers/staff/batch_new.html",
        {"form": form, "recent": recent, "nav": staff_nav(user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def batch_detail(request, pk: int):
    user = request.user
    batch = get_object_or_404(
        BatchAssignment.objects.select_related("province", "program", "created_by"), pk=pk
    )
    require(user, "matching.batch", batch.province_id)
    if request.method == "POST":
        try:
            created, skipped = matching.batch_confirm(batch=batch, by=user)
        except DomainError as error:
            messages.info(request, str(error))
        else:
            text = ngettext(
                "%(count)s davet gönderildi.", "%(count)s davet gönderildi.", created
            ) % {"count": created}
            if skipped:
                text += " " + ngettext(
                    "%(count)s eşleşme, hesaplamadan bu yana değişen bir durum (geri alınan "
                    "rıza, dolan yer, yeni bir başvuru) nedeniyle atlandı.",
                    "%(count)s eşleşme, hesaplamadan bu yana değişen bir durum (geri alınan "
                    "rıza, dolan yer, yeni bir başvuru) nedeniyle atlandı.",
                    skipped,
                ) % {"count": skipped}
            messages.success(request, text)
        return redirect("batch_detail", pk=batch.pk)
    rows = matching.batch_rows(batch)
    return render(
        request,
        "volunteers/staff/batch_detail.html",
        {
            "batch": batch,
            "rows": rows,
            "optimal_count": len(batch.pairs),
            "difference": round(batch.total_score - batch.greedy_score, 1),
            "nav": staff_nav(user),
        },
    )
