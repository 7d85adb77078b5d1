"""One line per broken rule per activity, shared by the Problems and Balance panels and blocks.

The checker may report a rule once per person (older rules) or once per
activity with ``details`` (grouped rules); either way the coordinator sees one
line per rule and activity that names the people, expandable to the full list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from visitplanner.i18n import _, ngettext
from visitplanner.solver.checker import CheckReport, Violation


@dataclass(frozen=True)
class ProblemLine:
    """What the coordinator reads for one broken rule on one activity (or set of activities)."""

    rule: str
    label: str
    message: str
    keys: tuple[str, ...]
    people: tuple[str, ...]
    details: tuple[str, ...]


def problem_lines(violations: Iterable[Violation]) -> list[ProblemLine]:
    """Group ``violations`` into one line per (rule, activities), in the checker's order."""
    groups: dict[tuple[str, tuple[str, ...]], list[Violation]] = {}
    for v in violations:
        groups.setdefault((v.rule, v.keys), []).append(v)
    lines: list[ProblemLine] = []
    for (rule, keys), found in groups.items():
        first = found[0]
        people: list[str] = []
        details: list[str] = []
        for v in found:
            people.extend(p for p in v.people if p not in people)
            details.extend(v.details or ((v.message,) if len(found) > 1 else ()))
        message = first.message
        if len(found) > 1:
            more = len(found) - 1
            message = ngettext(
                "{message} (and {n} more like it)", "{message} (and {n} more like it)", more
            ).format(message=message, n=more)
        lines.append(ProblemLine(rule, first.label, message, keys, tuple(people), tuple(details)))
    return lines


def lines_for_key(report: CheckReport, key: str) -> list[ProblemLine]:
    """The problem lines that involve occurrence ``key``."""
    return problem_lines(report.for_key(key))


def block_problems(
    report: CheckReport, key: str
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """For block ``key``: the rule labels broken, and each problem line as (label, message)."""
    lines = lines_for_key(report, key)
    labels: list[str] = []
    for line in lines:
        if line.label not in labels:
            labels.append(line.label)
    return tuple(labels), tuple((line.label, line.message) for line in lines)


def rules_broken(report: CheckReport) -> int:
    """How many different rules the programme breaks (what the Balance panel counts)."""
    return len({v.rule for v in report.violations})


def problems_text(report: CheckReport) -> str:
    """The one sentence both panels use to say how many problems there are."""
    lines = len(problem_lines(report.violations))
    rules = rules_broken(report)
    if not lines:
        return _("Every rule holds.")
    counted = ngettext("{n} problem", "{n} problems", lines).format(n=lines)
    broken = ngettext("{n} rule broken", "{n} rules broken", rules).format(n=rules)
    return _("{problems} ({rules})").format(problems=counted, rules=broken)
