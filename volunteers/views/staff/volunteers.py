"""Volunteers for coordinators: a search folded the Turkish way, and a volunteer's page
where background checks and completed trainings are recorded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import CharField, Value
from django.db.models.functions import Concat, Lower, Replace
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.exceptions import DomainError
from core.forms import add_service_errors
from core.text import tr_fold

from ... import credentials
from ...forms.staff import BackgroundCheckForm, TrainingRecordForm, VolunteerSearchForm
from ...models import BackgroundCheck, CompletedTraining, MentorCredential, VolunteerProfile
from .common import coordinator_reach, in_reach, provinces_in_reach, staff_nav

PAGE_SIZE = 25


# What a person types is matched the way core.text.tr_fold folds it: Turkish lower
# case with the diacritics dropped, so "Çağrı", "CAGRI" and "çağri" find the same person.
_FOLD_PAIRS = (
    ("İ", "i"),
    ("I", "i"),
    ("ı", "i"),
    ("Ç", "c"),
    ("ç", "c"),
    ("Ğ", "g"),
    ("ğ", "g"),
    ("Ö", "o"),
    ("ö", "o"),
    ("Ş", "s"),
    ("ş", "s"),
    ("Ü", "u"),
    ("ü", "u"),
    ("Â", "a"),
    ("â", "a"),
    ("Î", "i"),
    ("î", "i"),
    ("Û", "u"),
    ("û", "u"),
)


def _folded(expression):
    for letter, plain in _FOLD_PAIRS:
        expression = Replace(expression, Value(letter), Value(plain))
    return Lower(expression)


def volunteer_search(request):
    user = request.user
    reach = coordinator_reach(user)
    provinces = provinces_in_reach(reach)
    form = VolunteerSearchForm(request.GET or None, provinces=provinces)
    profiles = in_reach(
        VolunteerProfile.objects.select_related("user", "province", "district"), reach
    )
    query = ""
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"].strip()
        if form.cleaned_data["province"] is not None:
            profiles = profiles.filter(province=form.cleaned_data["province"])
        if query:
            profiles = profiles.annotate(
                search_text=_folded(
                    Concat(
                        "display_name",
                        Value(" "),
                        "user__full_name",
                        Value(" "),
                        "user__email",
                        output_field=CharField(),
                    )
                )
            ).filter(search_text__contains=tr_fold(query))
    elif form.is_bound:
        profiles = profiles.none()
    page = Paginator(profiles.order_by("display_name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "volunteers/staff/volunteer_search.html",
        {
            "form": form,
            "page_obj": page,
            "nav": staff_nav(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def volunteer_detail(request, pk: int):
    user = request.user
    reach = coordinator_reach(user)
    profile = get_object_or_404(
        VolunteerProfile.objects.select_related("user", "province", "district"), pk=pk
    )
    if reach is not None and profile.province_id not in reach:
        raise Http404
    person = profile.user
    action = request.POST.get("action") if request.method == "POST" else None
    check_form = BackgroundCheckForm(
        request.POST if action == "background" else None, prefix="check"
    )
    training_form = TrainingRecordForm(
        request.POST if action == "training" else None, prefix="training"
    )
    if action is not None:
        if action not in ("background", "training"):
            messages.error(request, _("Bu işlem tanınmadı; formu yeniden gönderin."))
            return redirect("staff_volunteer", pk=profile.pk)
        form = check_form if action == "background" else training_form
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "background":
                    credentials.background_check_record(
                        person=person,
                        checked_on=data["checked_on"],
                        valid_until=data["valid_until"],
                        by=user,
                    )
                    done = _("Adli sicil kontrolü kaydedildi.")
                else:
                    credentials.training_record(
                        person=person,
                        training=data["training"],
                        completed_on=data["completed_on"],
                        by=user,
                    )
                    done = _("Eğitim kaydedildi ve kişiye eğitim belgesi düzenlendi.")
            except ValidationError as error:
                add_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, done)
                return redirect("staff_volunteer", pk=profile.pk)
    today = timezone.localdate()
    context = {
        "profile": profile,
        "person": person,
        "today": today,
        "checks": BackgroundCheck.objects.filter(person=person).select_related("recorded_by"),
        "trainings": CompletedTraining.objects.filter(person=person).select_related(
            "training", "certificate"
        ),
        "mentor_credentials": MentorCredential.objects.filter(person=person).order_by(
            "-created_at"
        ),
        "check_form": check_form,
        "training_form": training_form,
        "nav": staff_nav(user),
    }
    return render(request, "volunteers/staff/volunteer_detail.html", context)
