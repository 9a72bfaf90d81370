"""The workbook behind a Word chart: the smallest SpreadsheetML package (ECMA-376 part 1,
§18) that holds a chart's data, so that Word's "Edit Data" opens the numbers the chart
draws. Column A holds the domains, B and C the two levels' mean ranks, as the chart's
formulas (``Sheet1!$A$2:$A$n``) say.

Every cell is an inline string or a number; the zip's times are fixed, so the same chart
gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree

SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WORKBOOK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
#: The most characters a spreadsheet cell holds.
_CELL_MAX = 32767
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def workbook(names: list[str], columns: list[tuple[str, list[float]]]) -> bytes:
    """An .xlsx whose first column is ``names`` (under an empty header) and whose next
    columns are ``columns`` (header, values)."""
    rows: list[list[str | float]] = [["", *(header for header, _ in columns)]]
    for i, name in enumerate(names):
        rows.append([name, *(values[i] for _, values in columns)])
    parts = {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _rels([("rId1", f"{_REL}/officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": _workbook(),
        "xl/_rels/workbook.xml.rels": _rels(
            [("rId1", f"{_REL}/worksheet", "worksheets/sheet1.xml")]
        ),
        "xl/worksheets/sheet1.xml": _sheet(rows),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            member = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            z.writestr(member, data)
    return out.getvalue()


def _xml(root: Any) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _content_types() -> bytes:
    root = etree.Element(f"{{{_TYPES}}}Types", nsmap={None: _TYPES})
    for ext, kind in (
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
        ("xml", "application/xml"),
    ):
        etree.SubElement(root, f"{{{_TYPES}}}Default", Extension=ext, ContentType=kind)
    sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    for part, kind in (
        ("/xl/workbook.xml", f"{sml}.sheet.main+xml"),
        ("/xl/worksheets/sheet1.xml", f"{sml}.worksheet+xml"),
    ):
        etree.SubElement(root, f"{{{_TYPES}}}Override", PartName=part, ContentType=kind)
    return _xml(root)


def _rels(rels: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{_PKG_REL}}}Relationships", nsmap={None: _PKG_REL})
    for r_id, kind, target in rels:
        etree.SubElement(root, f"{{{_PKG_REL}}}Relationship", Id=r_id, Type=kind, Target=target)
    return _xml(root)


def _workbook() -> bytes:
    root = etree.Element(f"{{{SHEET}}}workbook", nsmap={None: SHEET, "r": _REL})
    sheets = etree.SubElement(root, f"{{{SHEET}}}sheets")
    sheet = etree.SubElement(sheets, f"{{{SHEET}}}sheet", name="Sheet1", sheetId="1")
    sheet.set(f"{{{_REL}}}id", "rId1")
    return _xml(root)


def _sheet(rows: list[list[str | float]]) -> bytes:
    root = etree.Element(f"{{{SHEET}}}worksheet", nsmap={None: SHEET})
    data = etree.SubElement(root, f"{{{SHEET}}}sheetData")
    for r, cells in enumerate(rows, 1):
        row = etree.SubElement(data, f"{{{SHEET}}}row", r=str(r))
        for c, value in enumerate(cells):
            ref = f"{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[c]}{r}"
            if isinstance(value, str):
                cell = etree.SubElement(row, f"{{{SHEET}}}c", r=ref, t="inlineStr")
                text = etree.SubElement(etree.SubElement(cell, f"{{{SHEET}}}is"), f"{{{SHEET}}}t")
                text.text = value[:_CELL_MAX]
                text.set(_XML_SPACE, "preserve")
            else:
                cell = etree.SubElement(row, f"{{{SHEET}}}c", r=ref)
                etree.SubElement(cell, f"{{{SHEET}}}v").text = repr(value)
    return _xml(root)
