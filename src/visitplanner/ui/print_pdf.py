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

SIDE_HEADINGS: dict[Side, str] = {
    Side.VISITOR: "Visitors",
    Side.HOST: "Hosts",
    Side.OBSERVER: "Observer",
    Side.INTERPRETER: "Interpreter",
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
    writer.setTitle(f"Itinerary — {visit.title}")
    writer.setCreator("Visit Planner")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Cannot write the itinerary to {path}")
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
            _draw_footer(painter, body, footer_h, f"{visit.title} — page {day} of {n}")
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
    for _ in range(3):
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


def day_html(visit: Visit, index: VisitIndex, day: int, placements: tuple[Placement, ...]) -> str:
    """The HTML of one day's page."""
    e = html.escape
    date_text = ""
    if 1 <= day <= visit.n_days:
        d = visit.dates[day - 1]
        date_text = f" — {d:%A} {d.day} {d:%B %Y}"
    city = visit.zone.rsplit("/", 1)[-1].replace("_", " ")
    parts = [
        f"<p style='color:#555555; font-size:9pt'>{e(visit.title)}</p>",
        f"<h1 style='font-size:18pt'>Day {day}{e(date_text)}</h1>",
        f"<p style='color:#555555'>All times are {e(city)} time ({e(visit.zone)}).</p>",
    ]
    if not placements:
        parts.append("<p><i>Nothing is planned for this day yet.</i></p>")
        return "".join(parts)
    parts.append("<table width='100%' cellspacing='0' cellpadding='6'>")
    for n, p in enumerate(placements):
        shade = "#f2f4f8" if n % 2 == 0 else "#ffffff"
        parts.append(
            f"<tr style='background-color:{shade}'>"
            f"<td width='18%' valign='top'><b>{hhmm(p.start)}–{hhmm(p.end)}</b></td>"
            f"<td valign='top'>{_placement_html(visit, index, p)}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


def _placement_html(visit: Visit, index: VisitIndex, p: Placement) -> str:
    e = html.escape
    act = index.activities.get(p.activity_id)
    title = act.title if act else p.activity_id
    kind = "Formal meeting" if act and act.is_formal else "Informal time"
    lines = [
        f"<b style='font-size:11pt'>{e(title)}</b> <span style='color:#555555'>({kind})</span>"
    ]
    try:
        venue = visit.venue(p.venue)
        where = e(venue.name) + (f", {e(venue.address)}" if venue.address else "")
    except KeyError:
        where = e(p.venue) if p.venue else "Venue not set"
    lines.append(f"<span style='color:#333333'>Where:</span> {where}")
    for side, heading in SIDE_HEADINGS.items():
        if side is Side.INTERPRETER:
            continue
        names = [index.name(pid) for pid in p.attendees if _side(index, pid) is side]
        if names:
            lines.append(f"<span style='color:#333333'>{heading}:</span> {e(', '.join(names))}")
    interpreters = [index.name(pid) for pid in p.attendees if _side(index, pid) is Side.INTERPRETER]
    if interpreters:
        lines.append(f"<b>Interpreter present:</b> {e(', '.join(interpreters))}")
    elif index.needs_interpreter(p.attendees):
        lines.append("<b style='color:#c62828'>No interpreter — but one is needed</b>")
    else:
        lines.append(
            "<span style='color:#555555'>No interpreter (everyone shares a language)</span>"
        )
    if act and act.notes:
        notes = "<br/>".join(e(line) for line in act.notes.splitlines())
        lines.append(f"<i style='color:#444444'>{notes}</i>")
    return "<br/>".join(lines)


def _side(index: VisitIndex, pid: str) -> Side | None:
    person = index.people.get(pid)
    return person.side if person else None
