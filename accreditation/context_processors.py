from django.utils.functional import SimpleLazyObject


def organisations(request) -> dict:
    user = getattr(request, "user", None)
    # Asked only by the pages that show organisers' links (one query, when used).
    return {"portal_manages_organisation": SimpleLazyObject(lambda: _manages(user))}


def _manages(user) -> bool:
    from .models import Membership

    if not (user and user.is_authenticated):
        return False
    return Membership.objects.filter(user=user).managing().exists()
