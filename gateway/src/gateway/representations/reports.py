"""Report answers (crm.reporting.v1.ReportTable) as JSON, CSV, XLSX and charts (SVG, PNG).

Every format carries the same numbers: the table's rows in column order. Charts plot the first
measure against the dimension values (joined with " / " when there are several): bar, line, pie
or funnel. SVG is written by hand; PNG is drawn with Pillow; XLSX is written with openpyxl.
"""

from __future__ import annotations

import csv
import io
import math
from typing import Any
from xml.sax.saxutils import escape

from crm.reporting.v1 import reporting_service_pb2 as pb

FORMATS = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "svg": "image/svg+xml",
    "png": "image/png",
}
CHARTS = ("bar", "line", "pie", "funnel")
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")


def _plain(value: Any) -> Any:
    """A ListValue item as JSON: whole floats as ints (counts and minor units)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def table_rows(table: pb.ReportTable) -> list[list[Any]]:
    return [[_plain(v) for v in row] for row in table.rows]


def table_json(table: pb.ReportTable, **extra: Any) -> dict[str, Any]:
    names = [c.name for c in table.columns]
    return {
        "name": table.name,
        "title": table.title,
        "basis": table.basis,
        "chart": table.chart,
        **extra,
        "columns": [{"name": c.name, "kind": c.kind} for c in table.columns],
        "rows": [dict(zip(names, row, strict=True)) for row in table_rows(table)],
    }


def to_csv(table: pb.ReportTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for row in table_rows(table):
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8")


def to_xlsx(table: pb.ReportTable) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = (table.name or "report")[:31]
    sheet.append([c.name for c in table.columns])
    for row in table_rows(table):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def series(table: pb.ReportTable) -> list[tuple[str, float]]:
    """(label, value) per row: dimensions joined, the first measure (0 when empty)."""
    dims = [i for i, c in enumerate(table.columns) if c.kind == "dimension"]
    measures = [i for i, c in enumerate(table.columns) if c.kind == "measure"]
    if not measures:
        return []
    m = measures[0]
    out = []
    for row in table_rows(table):
        label = " / ".join(str(row[i]) if row[i] not in (None, "") else "(none)" for i in dims) or table.columns[m].name
        value = row[m]
        out.append((label, float(value) if isinstance(value, int | float) else 0.0))
    return out


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


W, H, PAD = 800, 480, 60


def to_svg(table: pb.ReportTable, chart: str) -> bytes:
    """A standalone SVG of the chart, with the values written next to each mark."""
    data = series(table)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">',
        f'<rect width="{W}" height="{H}" fill="white"/>',
        f'<text x="{W / 2}" y="28" text-anchor="middle" font-family="sans-serif" font-size="18">'
        f"{escape(table.title or table.name)}</text>",
    ]
    if not data:
        parts.append(f'<text x="{W / 2}" y="{H / 2}" text-anchor="middle" font-family="sans-serif">no data</text>')
    elif chart == "pie":
        parts += _svg_pie(data)
    elif chart == "funnel":
        parts += _svg_funnel(data)
    else:
        parts += _svg_axes(data, line=chart == "line")
    parts.append("</svg>")
    return "\n".join(parts).encode("utf-8")


def _label(x: float, y: float, text: str, anchor: str = "middle", size: int = 11) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-family="sans-serif" '
        f'font-size="{size}">{escape(text)}</text>'
    )


def _svg_axes(data: list[tuple[str, float]], *, line: bool) -> list[str]:
    top = max(max(v for _, v in data), 0.0) or 1.0
    plot_w, plot_h = W - 2 * PAD, H - 2 * PAD
    step = plot_w / len(data)
    out = [
        f'<line x1="{PAD}" y1="{H - PAD}" x2="{W - PAD}" y2="{H - PAD}" stroke="black"/>',
        f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{H - PAD}" stroke="black"/>',
    ]
    points = []
    for i, (label, value) in enumerate(data):
        h = plot_h * max(value, 0.0) / top
        x = PAD + i * step
        cx = x + step / 2
        if line:
            points.append(f"{cx:.1f},{H - PAD - h:.1f}")
            out.append(f'<circle cx="{cx:.1f}" cy="{H - PAD - h:.1f}" r="3" fill="{PALETTE[0]}"/>')
        else:
            out.append(
                f'<rect class="bar" x="{x + step * 0.1:.1f}" y="{H - PAD - h:.1f}" width="{step * 0.8:.1f}" '
                f'height="{h:.1f}" fill="{PALETTE[i % len(PALETTE)]}" data-value="{_number(value)}"/>'
            )
        out.append(_label(cx, H - PAD - h - 4, _number(value)))
        out.append(_label(cx, H - PAD + 16, label[:24]))
    if line:
        out.append(f'<polyline fill="none" stroke="{PALETTE[0]}" stroke-width="2" points="{" ".join(points)}"/>')
    return out


def _svg_pie(data: list[tuple[str, float]]) -> list[str]:
    total = sum(max(v, 0.0) for _, v in data) or 1.0
    cx, cy, r = W / 2 - 100, H / 2 + 10, min(W, H) / 2 - PAD
    out, angle = [], -math.pi / 2
    for i, (label, value) in enumerate(data):
        share = max(value, 0.0) / total
        end = angle + share * 2 * math.pi
        x1, y1 = cx + r * math.cos(angle), cy + r * math.sin(angle)
        x2, y2 = cx + r * math.cos(end), cy + r * math.sin(end)
        large = 1 if share > 0.5 else 0
        color = PALETTE[i % len(PALETTE)]
        if share >= 0.9999:
            out.append(
                f'<circle class="slice" cx="{cx}" cy="{cy}" r="{r}" fill="{color}" data-value="{_number(value)}"/>'
            )
        elif share > 0:
            out.append(
                f'<path class="slice" d="M{cx:.1f},{cy:.1f} L{x1:.1f},{y1:.1f} A{r:.1f},{r:.1f} 0 {large} 1 '
                f'{x2:.1f},{y2:.1f} Z" fill="{color}" data-value="{_number(value)}"/>'
            )
        out.append(f'<rect x="{W - 230}" y="{70 + i * 20}" width="12" height="12" fill="{color}"/>')
        out.append(_label(W - 212, 80 + i * 20, f"{label[:24]}: {_number(value)}", anchor="start"))
        angle = end
    return out


def _svg_funnel(data: list[tuple[str, float]]) -> list[str]:
    top = max(max(v for _, v in data), 0.0) or 1.0
    band = (H - 2 * PAD) / len(data)
    out = []
    for i, (label, value) in enumerate(data):
        w = (W - 2 * PAD) * max(value, 0.0) / top
        y = PAD + i * band
        out.append(
            f'<rect class="bar" x="{(W - w) / 2:.1f}" y="{y + 2:.1f}" width="{w:.1f}" height="{band - 4:.1f}" '
            f'fill="{PALETTE[i % len(PALETTE)]}" data-value="{_number(value)}"/>'
        )
        out.append(_label(W / 2, y + band / 2 + 4, f"{label[:30]}: {_number(value)}", size=12))
    return out


def to_png(table: pb.ReportTable, chart: str) -> bytes:
    """The same chart as a PNG (Pillow), marks in PALETTE colours, values written on them."""
    from PIL import Image, ImageDraw

    data = series(table)
    image = Image.new("RGB", (W, H), "white")
    draw = ImageDraw.Draw(image)
    draw.text((PAD, 16), table.title or table.name, fill="black")
    if data:
        top = max(max(v for _, v in data), 0.0) or 1.0
        if chart == "pie":
            total = sum(max(v, 0.0) for _, v in data) or 1.0
            box = (PAD, PAD, H - PAD, H - PAD)
            start = -90.0
            for i, (label, value) in enumerate(data):
                sweep = 360.0 * max(value, 0.0) / total
                if sweep > 0:
                    draw.pieslice(box, start, start + sweep, fill=PALETTE[i % len(PALETTE)])
                draw.rectangle((W - 230, 70 + i * 20, W - 218, 82 + i * 20), fill=PALETTE[i % len(PALETTE)])
                draw.text((W - 212, 70 + i * 20), f"{label[:24]}: {_number(value)}", fill="black")
                start += sweep
        elif chart == "funnel":
            band = (H - 2 * PAD) / len(data)
            for i, (label, value) in enumerate(data):
                w = (W - 2 * PAD) * max(value, 0.0) / top
                y = PAD + i * band
                draw.rectangle(((W - w) / 2, y + 2, (W + w) / 2, y + band - 2), fill=PALETTE[i % len(PALETTE)])
                draw.text((W / 2 - 60, y + band / 2 - 6), f"{label[:30]}: {_number(value)}", fill="black")
        else:
            step = (W - 2 * PAD) / len(data)
            draw.line((PAD, H - PAD, W - PAD, H - PAD), fill="black")
            draw.line((PAD, PAD, PAD, H - PAD), fill="black")
            previous = None
            for i, (label, value) in enumerate(data):
                h = (H - 2 * PAD) * max(value, 0.0) / top
                x = PAD + i * step
                if chart == "line":
                    point = (x + step / 2, H - PAD - h)
                    if previous is not None:
                        draw.line((*previous, *point), fill=PALETTE[0], width=2)
                    draw.ellipse((point[0] - 3, point[1] - 3, point[0] + 3, point[1] + 3), fill=PALETTE[0])
                    previous = point
                elif h > 0:
                    draw.rectangle(
                        (x + step * 0.1, H - PAD - h, x + step * 0.9, H - PAD - 1), fill=PALETTE[i % len(PALETTE)]
                    )
                draw.text((x + step * 0.1, H - PAD - h - 14), _number(value), fill="black")
                draw.text((x + step * 0.1, H - PAD + 6), label[:16], fill="black")
    else:
        draw.text((W / 2 - 30, H / 2), "no data", fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def render(table: pb.ReportTable, fmt: str, chart: str | None, **extra: Any) -> tuple[bytes | dict[str, Any], str]:
    """(body, media type) of `table` in `fmt`; JSON answers a dict."""
    kind = chart or table.chart or "bar"
    if fmt == "csv":
        return to_csv(table), FORMATS["csv"]
    if fmt == "xlsx":
        return to_xlsx(table), FORMATS["xlsx"]
    if fmt == "svg":
        return to_svg(table, kind), FORMATS["svg"]
    if fmt == "png":
        return to_png(table, kind), FORMATS["png"]
    return table_json(table, **extra), FORMATS["json"]
