"""CP-SAT literals handled without importing OR-Tools (rules' posting code uses these).

A literal is a CP-SAT ``BoolVar``, its negation, or a Python bool standing for
a constant; these helpers fold the constants away.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Lit = Any  # a CP-SAT literal (BoolVar, its negation, or a Python bool)
IntVar = Any  # a CP-SAT integer variable or linear expression


def negate(lit: Lit) -> Lit:
    """Negation of a literal or a Python bool."""
    if isinstance(lit, bool):
        return not lit
    return lit.Not()


def enforcement(lits: Sequence[Lit]) -> list[Lit] | None:
    """Enforcement literals without constants; None if one is constantly false."""
    if any(x is False for x in lits):
        return None
    return [x for x in lits if x is not True]
