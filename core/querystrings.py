"""Query strings of list pages: the visitor's filters kept when a link changes one of them.

Pagination links use Django's ``{% querystring page=… %}`` in ``core/includes/pagination.html``;
this is for the few links a view builds itself (the event list's calendar tab, CSV exports).
"""

from django.http import HttpRequest


def query_without(request: HttpRequest, *names: str) -> str:
    """The request's query string (encoded, without "?") less the parameters ``names``."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
