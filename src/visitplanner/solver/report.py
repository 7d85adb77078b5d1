"""What the checker reports: broken hard rules and the soft costs of a schedule."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Violation:
    """A broken hard rule: which rule, and what exactly is wrong."""

    rule: str
    label: str
    message: str
    keys: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    #: One line per person (or per fact) when ``message`` sums several up, for an expandable list.
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckReport:
    """The checker's verdict on a schedule."""

    violations: tuple[Violation, ...] = ()
    costs: Mapping[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether every hard rule holds."""
        return not self.violations

    @property
    def total_cost(self) -> int:
        """The weighted soft score (lower is better), as the solver's objective."""
        return sum(self.costs.values())

    def for_key(self, key: str) -> tuple[Violation, ...]:
        """Violations that involve occurrence ``key``."""
        return tuple(v for v in self.violations if key in v.keys)
