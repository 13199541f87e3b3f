#!/usr/bin/env python3
"""Writes the small .xlsx seeds of the FuzzXLSX target (Fuzz/Corpus/xlsx): minimal Office Open XML
parts zipped with Python's zipfile, so that no real workbook is copied into the repository.
Run from the repository's root: python3 Fuzz/make_xlsx_seeds.py"""
import os
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Corpus", "xlsx")
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{R}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""


def workbook(sheets):
    entries = "".join(f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, name in enumerate(sheets))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{NS}" xmlns:r="{R}"><sheets>{entries}</sheets></workbook>'


def workbook_rels(sheets, shared=True):
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{R}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
    if shared:
        rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="{R}/sharedStrings" Target="sharedStrings.xml"/>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">{rels}</Relationships>'


def shared_strings(strings):
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    # One rich-text item (runs joined).
    items += "<si><r><t>Scope </t></r><r><rPr><b/></rPr><t>3</t></r></si>"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}" count="{len(strings) + 1}" uniqueCount="{len(strings) + 1}">{items}</sst>'


def sheet(rows):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}"><sheetData>{"".join(rows)}</sheetData></worksheet>'


def write(name, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(OUT, name), "w", compression) as z:
        for path, text in parts.items():
            # A fixed time, so that the seeds are the same bytes on every run.
            z.writestr(zipfile.ZipInfo(path, date_time=(2024, 1, 1, 0, 0, 0)), text, compress_type=compression)


def main():
    os.makedirs(OUT, exist_ok=True)
    strings = ["category", "factor", "unit", "computers", "kg CO2e/NOK"]
    rows = [
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>0.0123</v></c><c r="C2" t="s"><v>4</v></c></row>',
        '<row r="3"><c r="A3" t="inlineStr"><is><t>inline</t></is></c><c r="B3" t="b"><v>1</v></c>'
        '<c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><f>A1</f><v>category</v></c><c r="E3" t="s"><v>5</v></c></row>',
    ]
    base = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook(["Factors", "Empty"]),
        "xl/_rels/workbook.xml.rels": workbook_rels(["Factors", "Empty"]),
        "xl/sharedStrings.xml": shared_strings(strings),
        "xl/worksheets/sheet1.xml": sheet(rows),
        "xl/worksheets/sheet2.xml": sheet([]),
    }
    write("two-sheets.xlsx", base)
    write("stored.xlsx", base, zipfile.ZIP_STORED)
    # No package relationships and no sharedStrings relationship: the conventional paths are used.
    write("conventional-paths.xlsx", {
        "xl/workbook.xml": workbook(["S"]),
        "xl/_rels/workbook.xml.rels": workbook_rels(["S"], shared=False),
        "xl/sharedStrings.xml": shared_strings(["x"]),
        "xl/worksheets/sheet1.xml": sheet(['<row><c t="s"><v>0</v></c><c r="XFD1048576"><v>1</v></c><c r="B1" t="s"><v>99</v></c></row>']),
    })
    # A sheet whose relationship is missing, and a relative target with '..'.
    write("broken-relationship.xlsx", {
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook(["A", "B"]),
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{R}/worksheet" Target="../xl/./worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet(['<row r="1"><c r="A1"><v>1</v></c></row>']),
    })
    write("malformed-xml.xlsx", {
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook(["A"]),
        "xl/_rels/workbook.xml.rels": workbook_rels(["A"], shared=False),
        "xl/worksheets/sheet1.xml": '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row>',
    })


if __name__ == "__main__":
    main()
