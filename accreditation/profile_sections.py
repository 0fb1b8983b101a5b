"""Sections other apps add to the public organisation profile.

The core does not import the apps built on it: an app registers a function at ``ready()`` and
the profile view joins what each returns. A section function takes ``(request, organisation)``
and returns rendered HTML (``render_to_string``), or "" when it has nothing to show. Text that
is not marked safe is escaped, so a section can never inject markup by accident.
"""

import logging
from collections.abc import Callable

from django.utils.html import conditional_escape

logger = logging.getLogger(__name__)

ProfileSection = Callable[..., str]
_SECTIONS: list[ProfileSection] = []


def register_profile_section(func: ProfileSection) -> ProfileSection:
    """Add ``func`` to the profile (once, in the order registered). Usable as a decorator."""
    if func not in _SECTIONS:
        _SECTIONS.append(func)
    return func


def unregister_profile_section(func: ProfileSection) -> None:
    if func in _SECTIONS:
        _SECTIONS.remove(func)


def profile_sections(request, organisation) -> list[str]:
    """The non-empty sections for ``organisation``'s profile page, each safe to output."""
    sections = []
    for func in _SECTIONS:
        html = func(request, organisation)
        if html:
            sections.append(conditional_escape(html))
    return sections
