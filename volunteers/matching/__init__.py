"""Matching volunteers to roles: hard rules, an explainable score, rankings in SQL and the
coordinator's batch assignment.

The hard rules decide who *may* be matched; the score only orders those who may. The score has
named parts, each in [0, 1], weighted by ``MatchingSettings``; every recommendation carries one
plain-language reason per part that contributed, so a volunteer and an organisation can see why.

The same score is computed three ways, which must agree to the last bit: ``score()`` in Python
(the reference, which also writes the reasons), Django expressions (to rank 100,000 people in
the database), and numpy arrays (to fill the batch assignment's matrix). All three perform the
same IEEE double operations in the same order and round half up to one decimal, so a figure
shown beside a recommendation is the figure it was ranked by.

The package holds the hard rules (``rules``), the score and its reasons (``scoring``), the
rankings in SQL (``ranking``) and the batch assignment (``batch``); what the rest of the
portal uses is re-exported here.
"""

from .batch import (
    Assignment,
    BatchRow,
    batch_compute,
    batch_confirm,
    batch_matrix,
    batch_rows,
    solve_greedy,
    solve_optimal,
)
from .ranking import Recommendation, recommended_candidates, recommended_roles
from .rules import Rule, acceptance_refusal, refusal, refusals
from .scoring import (
    PARTS,
    Context,
    Score,
    ScorePart,
    round_tenths,
    score,
    score_with,
    weighted_total,
)

__all__ = [
    "PARTS",
    "Assignment",
    "BatchRow",
    "Context",
    "Recommendation",
    "Rule",
    "Score",
    "ScorePart",
    "acceptance_refusal",
    "batch_compute",
    "batch_confirm",
    "batch_matrix",
    "batch_rows",
    "recommended_candidates",
    "recommended_roles",
    "refusal",
    "refusals",
    "round_tenths",
    "score",
    "score_with",
    "solve_greedy",
    "solve_optimal",
    "weighted_total",
]
