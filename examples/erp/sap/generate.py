#!/usr/bin/env python3
"""Writes me2n_2024.csv: an invented SAP purchasing export in the style of ME2N / FBL1N as
downloaded to a spreadsheet: comma-delimited UTF-8, US number format (1,234.50, credits with
SAP's trailing minus 1,234.50-), Posting Date MM/DD/YYYY, one line per purchase-order item, the
material group selecting the category. Deterministic: a second run reproduces the file."""
import csv
import io
import random
from pathlib import Path

rng = random.Random(2024)

# material group, description, vendors (number, name), unit price range USD, base unit, materials
GROUPS = [
    ("IT-HW-NB", "Notebooks", [("100234", "Dell Technologies Inc."), ("100311", "Lenovo (United States) Inc.")], (900, 2400), "EA", ["LAT-7440", "T14S-G5", "X1C-G12"]),
    ("IT-HW-SRV", "Servers", [("100234", "Dell Technologies Inc."), ("100412", "Hewlett Packard Enterprise")], (8000, 42000), "EA", ["R760", "DL380-G11"]),
    ("IT-HW-NW", "Network equipment", [("100518", "Cisco Systems, Inc."), ("100519", "Juniper Networks")], (400, 16000), "EA", ["C9300-48P", "EX4400"]),
    ("IT-HW-ST", "Storage", [("100412", "Hewlett Packard Enterprise"), ("100640", "NetApp, Inc.")], (5000, 60000), "EA", ["AFF-A250", "MSA-2060"]),
    ("IT-SW", "Software licences", [("100701", "Microsoft Corporation"), ("100702", "Adobe Inc."), ("100703", "Atlassian Pty Ltd")], (20, 900), "EA", ["M365-E3", "CC-ALL", "JIRA-STD"]),
    ("IT-SVC", "IT consulting", [("100801", "Accenture LLP"), ("100802", "Cognizant Technology Solutions")], (120, 210), "H", ["", ""]),
    ("IT-HOST", "Cloud and hosting", [("100901", "Amazon Web Services, Inc."), ("100902", "Equinix, Inc.")], (2000, 90000), "", [""]),
    ("TEL", "Telecom services", [("101001", "AT&T Inc."), ("101002", "Verizon Business")], (300, 12000), "", [""]),
    ("OFF", "Office supplies", [("101101", "Staples, Inc."), ("101102", "Office Depot, Inc.")], (3, 80), "EA", ["PAPER-A4", "TONER-BK"]),
    ("FRT", "Freight", [("101201", "FedEx Corporation"), ("101202", "United Parcel Service")], (50, 3000), "", [""]),
    ("TRV-AIR", "Air travel", [("101301", "Delta Air Lines, Inc."), ("101302", "United Airlines, Inc.")], (250, 2400), "", [""]),
    ("TRV-HTL", "Hotels", [("101401", "Marriott International")], (180, 1400), "", [""]),
    ("FAC-CLN", "Facility cleaning", [("101501", "ABM Industries")], (800, 5000), "", [""]),
]


def us(value: float, trailing_minus: bool) -> str:
    text = f"{abs(value):,.2f}"
    return text + "-" if value < 0 and trailing_minus else ("-" + text if value < 0 else text)


def main() -> None:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["Document Number", "Item", "Posting Date", "Vendor", "Vendor Name", "Material Group", "Material",
                "Short Text", "Quantity", "Base Unit of Measure", "Amount in Doc. Curr.", "Document Currency"])
    doc = 4500010000
    count = 0
    while count < 180:
        doc += rng.randint(1, 40)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        for item in range(10, 10 * rng.choice([1, 1, 2, 3]) + 1, 10):
            group, text, vendors, (lo, hi), unit, materials = rng.choice(GROUPS)
            number, name = rng.choice(vendors)
            material = rng.choice(materials)
            quantity = rng.randint(1, 40) if unit else None
            price = rng.uniform(lo, hi)
            amount = price * (quantity or 1)
            if rng.random() < 0.05:
                amount, quantity = -amount, (-quantity if quantity else None)
            currency = "EUR" if number in ("100703", "101501") else "USD"
            w.writerow([str(doc), f"{item:05d}", f"{month:02d}/{day:02d}/2024", number, name, group, material,
                        f"{text} {material}".strip(), "" if quantity is None else f"{quantity:,}",
                        unit, us(amount, trailing_minus=True), currency])
            count += 1
    path = Path(__file__).with_name("me2n_2024.csv")
    path.write_text(out.getvalue(), encoding="utf-8")
    print(f"{path.name}: {count} lines")


if __name__ == "__main__":
    main()
