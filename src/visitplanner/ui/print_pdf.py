"""A printable itinerary: one PDF page per day of the visit."""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from visitplanner.domain import Placement, Project, Side, Visit
from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _, format_day, format_duration
from visitplanner.ui.calendar.geometry import zone_label

SIDE_HEADINGS: dict[Side, str] = {
    Side.VISITOR: N_("Visitors"),
    Side.HOST: N_("Hosts"),
    Side.OBSERVER: N_("Observer"),
    Side.INTERPRETER: N_("Interpreter"),
}
RESOLUTION = 300
FOOTER_PT = 8


def export_itinerary_pdf(project: Project, path: Path) -> None:
    """Write the itinerary of ``project`` to ``path`` as a PDF, one page per day.

    Needs a running QGuiApplication (for fonts). A day too long for one page is
    shrunk to fit. The file is written next to ``path`` first, then moved in place.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("export_itinerary_pdf needs a running Qt application")
    visit = project.visit
    index = VisitIndex(visit)
    tmp = path.with_name(f".{path.name}.part")
    tmp.touch()  # fails with a plain OSError when the folder is missing or read-only
    writer = QPdfWriter(str(tmp))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(16, 14, 16, 14), QPageLayout.Unit.Millimeter)
    writer.setTitle(_("Itinerary — {title}").format(title=visit.title))
    writer.setCreator("Visit Planner")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(_("Cannot write the itinerary to {path}").format(path=path))
    try:
        page = writer.pageLayout().paintRectPixels(RESOLUTION)
        footer_h = FOOTER_PT * RESOLUTION / 72 * 2
        body = QRectF(0, 0, page.width(), page.height() - footer_h)
        n = max(1, visit.n_days)
        for day in range(1, n + 1):
            if day > 1:
                writer.newPage()
            placements = project.schedule.on_day(day)
            _draw_page(painter, writer, body, day_html(visit, index, day, placements))
            footer = _("{title} — page {page} of {pages}").format(
                title=visit.title, page=day, pages=n
            )
            _draw_footer(painter, body, footer_h, footer)
    finally:
        painter.end()
    os.replace(tmp, path)


def _draw_page(painter: QPainter, writer: QPdfWriter, body: QRectF, content: str) -> None:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(QFont("DejaVu Sans", 10))
    doc.setHtml(content)
    width = body.width()
    doc.setTextWidth(width)
    scale = 1.0
    for _attempt in range(3):
        height = doc.size().height()
        if height * scale <= body.height():
            break
        scale = body.height() / height
        doc.setTextWidth(width / scale)
    painter.save()
    painter.scale(scale, scale)
    doc.drawContents(painter, QRectF(0, 0, width / scale, body.height() / scale))
    painter.restore()


def _draw_footer(painter: QPainter, body: QRectF, height: float, text: str) -> None:
    painter.save()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(FOOTER_PT)
    painter.setFont(font)
    area = QRectF(0, body.height(), body.width(), height)
    painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, text)
    painter.restore()


def travel_legs(visit: Visit, placements: tuple[Placement, ...]) -> dict[str, tuple[int, str]]:
    """For each placement of one day, the journey its people make next (minutes, venue id).

    The next activity is the first one after it that shares an attendee; a leg is
    listed only when it is at another venue with a travel time.
    """
    legs: dict[str, tuple[int, str]] = {}
    for p in placements:
        following = [
            q
            for q in placements
            if q.key != p.key and q.start >= p.end and set(q.attendees) & set(p.attendees)
        ]
        if not following:
            continue
        nxt = min(following, key=lambda q: (q.start, q.key))
        minutes = visit.travel.between(p.venue, nxt.venue)
        if nxt.venue != p.venue and minutes > 0:
            legs[p.key] = (minutes, nxt.venue)
    return legs


def day_html(visit: Visit, index: VisitIndex, day: int, placements: tuple[Placement, ...]) -> str:
    """The HTML of one day's page."""
    e = html.escape
    date_text = ""
    if 1 <= day <= visit.n_days:
        date_text = " — " + format_day(visit.dates[day - 1])
    city = zone_label(visit.zone)
    parts = [
        f"<p style='color:#555555; font-size:9pt'>{e(visit.title)}</p>",
        f"<h1 style='font-size:18pt'>{e(_('Day {n}').format(n=day) + date_text)}</h1>",
        "<p style='color:#555555'>"
        + e(_("All times are {city} time ({zone}).").format(city=city, zone=visit.zone))
        + "</p>",
    ]
    if not placements:
        parts.append(f"<p><i>{e(_('Nothing is planned for this day yet.'))}</i></p>")
        return "".join(parts)
    legs = travel_legs(visit, placements)
    parts.append("<table width='100%' cellspacing='0' cellpadding='6'>")
    for n, p in enumerate(placements):
        shade = "#f2f4f8" if n % 2 == 0 else "#ffffff"
        parts.append(
            f"<tr style='background-color:{shade}'>"
            f"<td width='18%' valign='top'><b>{hhmm(p.start)}–{hhmm(p.end)}</b></td>"
            f"<td valign='top'>{_placement_html(visit, index, p)}</td></tr>"
        )
        if p.key in legs:
            minutes, venue = legs[p.key]
            leg = _("{duration} to {venue}").format(
                duration=format_duration(minutes), venue=_venue_name(visit, venue)
            )
            parts.append(
                f"<tr><td></td><td style='color:#555555'><i>&#8595; {e(leg)}</i></td></tr>"
            )
    parts.append("</table>")
    return "".join(parts)


def _venue_name(visit: Visit, vid: str) -> str:
    try:
        return visit.venue(vid).name
    except KeyError:
        return vid


def _placement_html(visit: Visit, index: VisitIndex, p: Placement) -> str:
    e = html.escape
    act = index.activities.get(p.activity_id)
    title = act.title if act else p.activity_id
    kind = _("Formal meeting") if act and act.is_formal else _("Informal time")
    lines = [
        f"<b style='font-size:11pt'>{e(title)}</b> <span style='color:#555555'>({e(kind)})</span>"
    ]
    try:
        venue = visit.venue(p.venue)
        where = e(venue.name) + (f", {e(venue.address)}" if venue.address else "")
    except KeyError:
        where = e(p.venue) if p.venue else e(_("Venue not set"))
    lines.append(f"<span style='color:#333333'>{e(_('Where:'))}</span> {where}")
    for side, heading in SIDE_HEADINGS.items():
        if side is Side.INTERPRETER:
            continue
        names = [index.name(pid) for pid in p.attendees if _side(index, pid) is side]
        if names:
            label = e(_("{heading}:").format(heading=_(heading)))
            lines.append(f"<span style='color:#333333'>{label}</span> {e(', '.join(names))}")
    interpreters = [index.name(pid) for pid in p.attendees if _side(index, pid) is Side.INTERPRETER]
    if interpreters:
        present = e(_("Interpreter present:"))
        lines.append(f"<b>{present}</b> {e(', '.join(interpreters))}")
    elif index.needs_interpreter(p.attendees):
        missing = e(_("No interpreter — but one is needed"))
        lines.append(f"<b style='color:#c62828'>{missing}</b>")
    else:
        shared = e(_("No interpreter (everyone shares a language)"))
        lines.append(f"<span style='color:#555555'>{shared}</span>")
    if act and act.notes:
        notes = "<br/>".join(e(line) for line in act.notes.splitlines())
        lines.append(f"<i style='color:#444444'>{notes}</i>")
    return "<br/>".join(lines)


def _side(index: VisitIndex, pid: str) -> Side | None:
    person = index.people.get(pid)
    return person.side if person else None
