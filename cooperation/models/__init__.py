"""The shared platform of accredited organisations (ortak platform).

Activities (faaliyet) done and planned, joint projects (ortak proje) with their partners,
performance indicators with province targets, quarterly reports, province coordination meetings
with action items, and the public figures shown on province pages.

Only aggregate counts about the people an activity reached are kept: never a name.
Every status moves through ``core.lifecycle.transition`` (see ``workflow.py``).
"""

from .activities import Activity, ActivityQuerySet
from .indicators import Indicator, IndicatorValue, Target
from .meetings import ActionItem, ActionItemQuerySet, Meeting
from .projects import Project, ProjectFile, ProjectPartner, ProjectUpdate
from .provinces import ProvincePopulation, ServiceFigure
from .quarters import QUARTERS, quarter_bounds, quarter_of
from .reports import QuarterlyReport, ReportLine

__all__ = [
    "QUARTERS",
    "ActionItem",
    "ActionItemQuerySet",
    "Activity",
    "ActivityQuerySet",
    "Indicator",
    "IndicatorValue",
    "Meeting",
    "Project",
    "ProjectFile",
    "ProjectPartner",
    "ProjectUpdate",
    "ProvincePopulation",
    "QuarterlyReport",
    "ReportLine",
    "ServiceFigure",
    "Target",
    "quarter_bounds",
    "quarter_of",
]
