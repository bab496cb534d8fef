"""Quotes and contracts as PDF, rendered with fpdf2 from an editable template (TOML: company
header, titles, intro, terms, labels, footer; `${placeholders}` filled per document).

The built-in PDF fonts cover Latin-1 only; set CRM_SALES_PDF_FONT to a Unicode TrueType font (e.g.
a Noto CJK or DejaVu file) to render other scripts. Without it, characters outside Latin-1 show as '?'.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from string import Template
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from sales.domain.common import format_money
from sales.domain.contract import Contract
from sales.domain.lines import Line, totals
from sales.domain.quote import Quote

DEFAULT_TEMPLATE = Path(__file__).parent / "templates" / "default.toml"
TEMPLATE_ENV = "CRM_SALES_PDF_TEMPLATE"
FONT_ENV = "CRM_SALES_PDF_FONT"


@dataclasses.dataclass(frozen=True)
class DocumentTemplate:
    sections: Mapping[str, Mapping[str, str]]
    font_path: str | None = None

    def text(self, section: str, key: str, values: Mapping[str, str]) -> str:
        raw = self.sections.get(section, {}).get(key, "")
        return Template(str(raw)).safe_substitute(values)

    def label(self, key: str) -> str:
        return str(self.sections.get("labels", {}).get(key, key.replace("_", " ").capitalize()))


def load_template(path: str | Path | None = None, font_path: str | None = None) -> DocumentTemplate:
    """The template at `path` (default: CRM_SALES_PDF_TEMPLATE, else the built-in one)."""
    chosen = Path(path or os.environ.get(TEMPLATE_ENV) or DEFAULT_TEMPLATE)
    with chosen.open("rb") as fh:
        sections = tomllib.load(fh)
    font = font_path if font_path is not None else os.environ.get(FONT_ENV) or None
    return DocumentTemplate(sections, font)


class _Pdf:
    def __init__(self, template: DocumentTemplate, values: Mapping[str, str], footer: str) -> None:
        self.t = template
        self.values = values
        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=18)
        self.pdf.set_title(values.get("number", ""))
        self.pdf.set_creator("CRM sales")
        if template.font_path:
            self.pdf.add_font("body", "", template.font_path)
            self.pdf.add_font("body", "B", template.font_path)
            self.family = "body"
        else:
            self.family = "helvetica"
        footer_text = self.clean(footer)
        family = self.family

        def draw_footer(pdf: FPDF = self.pdf) -> None:
            pdf.set_y(-14)
            pdf.set_font(family, "", 8)
            pdf.cell(0, 5, footer_text, align="C")

        self.pdf.footer = draw_footer  # type: ignore[method-assign]
        self.pdf.add_page()

    def clean(self, text: str) -> str:
        if self.t.font_path:
            return text
        return text.encode("latin-1", "replace").decode("latin-1")

    def line(self, text: str, *, size: float = 10, bold: bool = False, height: float = 5, align: str = "L") -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)
        self.pdf.multi_cell(0, height, self.clean(text), align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def gap(self, mm: float = 3) -> None:
        self.pdf.ln(mm)

    def header(self, section: str) -> None:
        company = self.t.sections.get("company", {})
        self.line(str(company.get("name", "")), size=14, bold=True, height=7)
        for key in ("address", "phone", "email"):
            if company.get(key):
                self.line(str(company[key]), size=9, height=4.5)
        if company.get("tax_id"):
            self.line(f"Tax ID {company['tax_id']}", size=9, height=4.5)
        self.gap(6)
        self.line(self.t.text(section, "title", self.values), size=18, bold=True, height=9)
        subtitle = self.t.text(section, "subtitle", self.values)
        if subtitle:
            self.line(subtitle, size=10)
        self.line(
            f"{self.t.label('customer')}: {self.values['customer']}    {self.t.label('date')}: {self.values['today']}"
        )
        self.gap(4)
        intro = self.t.text(section, "intro", self.values)
        if intro:
            self.line(intro)
            self.gap(3)

    def table(
        self, head: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int], align: Sequence[str]
    ) -> None:
        self.pdf.set_font(self.family, "", 9)
        with self.pdf.table(col_widths=tuple(widths), text_align=tuple(align), line_height=6) as table:  # type: ignore[arg-type]
            header = table.row()
            for cell in head:
                header.cell(self.clean(cell))
            for values in rows:
                row = table.row()
                for cell in values:
                    row.cell(self.clean(cell))
        self.gap(3)

    def pairs(self, items: Sequence[tuple[str, str]], *, bold_last: bool = True) -> None:
        for i, (label, value) in enumerate(items):
            last = bold_last and i == len(items) - 1
            self.pdf.set_font(self.family, "B" if last else "", 10)
            self.pdf.cell(140, 6, self.clean(label), align="R")
            self.pdf.cell(0, 6, self.clean(value), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.gap(3)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def _base_values(template: DocumentTemplate, *, number: str, customer: str, today: date) -> dict[str, str]:
    company = template.sections.get("company", {})
    return {
        "company": str(company.get("name", "")),
        "address": str(company.get("address", "")),
        "phone": str(company.get("phone", "")),
        "email": str(company.get("email", "")),
        "tax_id": str(company.get("tax_id", "")),
        "customer": customer,
        "number": number,
        "today": today.isoformat(),
    }


def _line_rows(lines: Sequence[Line], currency: str) -> list[list[str]]:
    return [
        [
            f"{ln.sku} {ln.name}" + (f" - {ln.description}" if ln.description else ""),
            f"{ln.quantity.normalize():f} {ln.unit}",
            format_money(ln.unit_price, currency),
            f"{ln.discount_percent.normalize():f}",
            format_money(ln.net, currency),
        ]
        for ln in lines
    ]


def _lines_table(doc: _Pdf, lines: Sequence[Line], currency: str) -> None:
    t = doc.t
    doc.table(
        [t.label("product"), t.label("quantity"), t.label("unit_price"), t.label("discount"), t.label("amount")],
        _line_rows(lines, currency),
        widths=(70, 22, 32, 18, 38),
        align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
    )


def _totals(doc: _Pdf, lines: Sequence[Line], tax_rate: Any, currency: str) -> None:
    t = doc.t
    sums = totals(lines, tax_rate)
    doc.pairs(
        [
            (t.label("subtotal"), format_money(sums.subtotal, currency)),
            (t.label("discount_total"), "-" + format_money(sums.discount, currency)),
            (t.label("net"), format_money(sums.net, currency)),
            (f"{t.label('tax')} {tax_rate.normalize():f}%", format_money(sums.tax, currency)),
            (t.label("total"), format_money(sums.total, currency)),
        ]
    )


def render_quote(quote: Quote, *, customer_name: str, today: date, template: DocumentTemplate) -> bytes:
    values = _base_values(template, number=quote.number, customer=customer_name, today=today)
    values |= {
        "valid_until": quote.valid_until.isoformat(),
        "revision": str(quote.revision),
        "total": format_money(quote.totals.total, quote.currency),
    }
    doc = _Pdf(template, values, template.text("quote", "footer", values))
    doc.header("quote")
    _lines_table(doc, quote.lines, quote.currency)
    _totals(doc, quote.lines, quote.tax_rate, quote.currency)
    doc.line(template.label("terms"), bold=True)
    doc.line(quote.terms or template.text("quote", "terms", values), size=9)
    return doc.output()


def render_contract(
    contract: Contract,
    *,
    customer_name: str,
    lines: Sequence[Line],
    tax_rate: Any,
    order_numbers: Sequence[str],
    product_names: Mapping[str, str],
    today: date,
    template: DocumentTemplate,
) -> bytes:
    """The contract: header, the lines of its orders with totals, value, coverage, terms, signatures."""
    values = _base_values(template, number=contract.number, customer=customer_name, today=today)
    values |= {
        "start_date": contract.start_date.isoformat(),
        "end_date": contract.end_date.isoformat(),
        "value": format_money(contract.value, contract.currency),
        "signed_on": contract.signed_on.isoformat() if contract.signed_on else "",
    }
    doc = _Pdf(template, values, template.text("contract", "footer", values))
    doc.header("contract")
    if contract.title:
        doc.line(contract.title, bold=True)
        doc.gap(2)
    if lines:
        if order_numbers:
            doc.line(f"{template.label('orders')}: {', '.join(order_numbers)}", size=9)
        _lines_table(doc, lines, contract.currency)
        if tax_rate is not None:
            _totals(doc, lines, tax_rate, contract.currency)
    doc.pairs([(template.label("value"), format_money(contract.value, contract.currency))])
    if contract.coverage:
        doc.line(template.label("coverage"), bold=True)
        doc.table(
            [template.label("product"), template.label("covered_until")],
            [
                [
                    product_names.get(c.product_id, c.product_id) + (f" - {c.description}" if c.description else ""),
                    c.until.isoformat(),
                ]
                for c in contract.coverage
            ],
            widths=(140, 40),
            align=("LEFT", "RIGHT"),
        )
    doc.line(template.label("terms"), bold=True)
    doc.line(contract.terms or template.text("contract", "terms", values), size=9)
    doc.gap(10)
    doc.line(template.text("contract", "signature", values), size=9)
    return doc.output()
