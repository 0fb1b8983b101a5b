"""The links in campaign e-mails: confirm a follow, stop following.

Each link opens a page with one button; only the button's POST changes anything, so mail
scanners that open links do not confirm or end a follow on the person's behalf. Unsubscribing
also answers one-click POSTs from mail programs (RFC 8058).
"""

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .campaigns import (
    follow_confirm,
    follower_for_confirmation,
    follower_for_unsubscribe,
    page_in_language,
    unsubscribe,
)


def _campaign_page(follower, request):
    from django.utils import translation

    return page_in_language(follower.campaign, translation.get_language() or "tr")


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    follower = follower_for_confirmation(token)
    if follower is None:
        return render(request, "home/follow/invalid.html", {"kind": "confirm"}, status=404)
    campaign = _campaign_page(follower, request)
    if request.method == "POST":
        confirmed = follow_confirm(follower)
        if not confirmed:
            return render(request, "home/follow/invalid.html", {"kind": "confirm"}, status=410)
        return render(request, "home/follow/confirmed.html", {"campaign": campaign})
    return render(
        request,
        "home/follow/confirm.html",
        {"campaign": campaign, "already": follower.status == follower.Status.CONFIRMED},
    )


@csrf_exempt  # one-click unsubscribe from mail programs; the signed token is the credential
@require_http_methods(["GET", "POST"])
def stop(request, token: str):
    follower = follower_for_unsubscribe(token)
    if follower is None:
        return render(request, "home/follow/invalid.html", {"kind": "stop"}, status=404)
    campaign = _campaign_page(follower, request)
    if request.method == "POST":
        unsubscribe(follower)
        return render(request, "home/follow/stopped.html", {"campaign": campaign})
    return render(
        request,
        "home/follow/stop.html",
        {"campaign": campaign, "already": follower.status == follower.Status.UNSUBSCRIBED},
    )
