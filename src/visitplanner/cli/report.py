"""Printing a programme day by day, with its problems and balance, for the terminal."""

from __future__ import annotations

from visitplanner.domain import Schedule, Visit
from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import _, current_language, format_short_day
from visitplanner.solver.balance import balance_summary, format_balance
from visitplanner.solver.checker import CheckReport


def programme_lines(visit: Visit, schedule: Schedule) -> list[str]:
    """The programme, day by day, in the visit's time zone."""
    index = VisitIndex(visit)
    lang = current_language()
    lines = [f"{visit.title}", _("Times are {zone} time.").format(zone=visit.zone)]
    for day in range(1, visit.n_days + 1):
        lines.append("")
        lines.append(
            _("Day {n} ({date})").format(n=day, date=format_short_day(visit.dates[day - 1]))
        )
        placements = schedule.on_day(day)
        if not placements:
            lines.append("  " + _("(nothing planned)"))
        for p in placements:
            act = index.activities.get(p.activity_id)
            title = act.title_in(lang) if act else p.activity_id
            venue = (
                visit.venue(p.venue).name_in(lang)
                if p.venue in {v.id for v in visit.venues}
                else p.venue
            )
            mark = " " + _("[interpreter]") if set(p.attendees) & set(index.interpreters) else ""
            kind = _("formal") if act and act.is_formal else _("informal")
            pin = " " + _("(pinned)") if p.pinned else ""
            people = _("{n} people").format(n=len(p.attendees))
            lines.append(
                f"  {hhmm(p.start)}-{hhmm(p.end)}  {title} — {venue}, {people}, {kind}{mark}{pin}"
            )
    return lines


def report_lines(visit: Visit, schedule: Schedule, report: CheckReport) -> list[str]:
    """Balance summary, soft costs and any broken rule."""
    balance = format_balance(balance_summary(visit, schedule))
    lines = ["", _("Balance"), *("  " + s for s in balance)]
    from visitplanner.solver.rules import soft_terms

    labels = {t.name: _(t.label) for t in soft_terms()}
    lines.append("")
    lines.append(_("Score (lower is better): {score}").format(score=report.total_cost))
    for name, cost in report.costs.items():
        if cost:
            lines.append(
                "  " + _("{label}: {value}").format(label=labels.get(name, name), value=cost)
            )
    if report.violations:
        lines.append("")
        lines.append(_("Problems ({n})").format(n=len(report.violations)))
        lines.extend(
            "  - " + _("{label}: {value}").format(label=v.label, value=v.message)
            for v in report.violations
        )
    return lines
