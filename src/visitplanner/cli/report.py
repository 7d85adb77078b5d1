"""Printing a programme day by day, with its problems and balance, for the terminal."""

from __future__ import annotations

from visitplanner.domain import Schedule, Visit
from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.balance import balance_summary, format_balance
from visitplanner.solver.checker import CheckReport


def programme_lines(visit: Visit, schedule: Schedule) -> list[str]:
    """The programme, day by day, in the visit's time zone."""
    index = VisitIndex(visit)
    lines = [f"{visit.title}", f"Times are {visit.zone} time."]
    for day in range(1, visit.n_days + 1):
        lines.append("")
        label = visit.day_label(day)
        lines.append(label[:1].upper() + label[1:])
        placements = schedule.on_day(day)
        if not placements:
            lines.append("  (nothing planned)")
        for p in placements:
            act = index.activities.get(p.activity_id)
            title = act.title if act else p.activity_id
            venue = (
                visit.venue(p.venue).name if p.venue in {v.id for v in visit.venues} else p.venue
            )
            mark = " [interpreter]" if set(p.attendees) & set(index.interpreters) else ""
            kind = "formal" if act and act.is_formal else "informal"
            pin = " (pinned)" if p.pinned else ""
            lines.append(
                f"  {hhmm(p.start)}-{hhmm(p.end)}  {title} — {venue}, "
                f"{len(p.attendees)} people, {kind}{mark}{pin}"
            )
    return lines


def report_lines(visit: Visit, schedule: Schedule, report: CheckReport) -> list[str]:
    """Balance summary, soft costs and any broken rule."""
    lines = ["", "Balance", *("  " + s for s in format_balance(balance_summary(visit, schedule)))]
    from visitplanner.solver.rules import soft_terms

    labels = {t.name: t.label for t in soft_terms()}
    lines.append("")
    lines.append(f"Score (lower is better): {report.total_cost}")
    for name, cost in report.costs.items():
        if cost:
            lines.append(f"  {labels.get(name, name)}: {cost}")
    if report.violations:
        lines.append("")
        lines.append(f"Problems ({len(report.violations)})")
        lines.extend(f"  - {v.label}: {v.message}" for v in report.violations)
    return lines
