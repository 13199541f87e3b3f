#!/usr/bin/env python3
"""Writes hovedbok_2024.csv: an invented purchase-ledger export in the style of a Norwegian
accounting system (Tripletex/Visma): semicolon-delimited, Windows-1252, CRLF line ends, decimal
comma with a space between thousands, dates DD.MM.YYYY, GL accounts from the NS 4102 chart.
Deterministic (fixed seed): running it again reproduces the file byte for byte."""
import random
from pathlib import Path

rng = random.Random(4102)

# account, account name, suppliers, (low, high) NOK per line, share of lines
ACCOUNTS = [
    ("1210", "Servere og nettverk", ["Atea AS", "Crayon Group AS"], (40_000, 450_000), 3),
    ("1220", "Lagringssystemer", ["Atea AS", "Dustin Norge AS"], (60_000, 380_000), 2),
    ("1280", "Kontormaskiner", ["Dustin Norge AS", "Komplett Bedrift AS"], (25_000, 160_000), 3),
    ("6540", "Inventar", ["Dustin Norge AS", "Kontorkjøp Bærum AS"], (1_500, 24_000), 8),
    ("6551", "Datautstyr (hardware)", ["Komplett Bedrift AS", "Elkjøp Norge AS", "Dustin Norge AS"], (800, 19_000), 16),
    ("6552", "Programvare", ["Crayon Group AS", "Visma Software AS", "Microsoft Ireland Operations Ltd"], (2_000, 90_000), 14),
    ("6705", "Drift og hosting", ["Basefarm AS", "Green Mountain AS", "Amazon Web Services EMEA SARL"], (12_000, 210_000), 10),
    ("6720", "Konsulenthonorar IT", ["Bekk Consulting AS", "Knowit Øst AS", "Sopra Steria AS", "Bouvet Sør AS"], (15_000, 320_000), 18),
    ("6790", "Annen fremmed tjeneste", ["Søderberg & Partnere AS", "Kjøkkenhjelpa Østlandet AS"], (3_000, 60_000), 5),
    ("6800", "Kontorrekvisita", ["Staples Solutions Norge AS", "Kontorkjøp Bærum AS"], (300, 9_000), 8),
    ("6900", "Telefon", ["Telenor Norge AS", "Telia Norge AS", "Ice Communication Norge AS"], (1_200, 45_000), 10),
    ("6907", "Datakommunikasjon", ["Telenor Norge AS", "GlobalConnect AS"], (4_000, 38_000), 5),
    ("6100", "Frakt og transport", ["Bring Cargo AS", "DHL Express Norge AS", "Schenker AS"], (400, 14_000), 6),
    ("7130", "Hotell", ["Scandic Hotels AS", "Thon Hotel Bristol Oslo AS", "Clarion Hotel Østersjø"], (1_300, 18_000), 7),
    ("7140", "Flyreiser", ["SAS Scandinavian Airlines Norge AS", "Norwegian Air Shuttle ASA", "Widerøe's Flyveselskap AS"], (900, 22_000), 8),
    ("7141", "Tog", ["Vy (Norske Tog AS)", "SJ AB"], (300, 4_000), 4),
    ("7142", "Taxi", ["Oslo Taxi AS", "Bergen Taxi AS", "Trøndertaxi AS"], (150, 2_200), 5),
    ("6300", "Leie lokaler", ["Entra Eiendom AS"], (85_000, 140_000), 2),
    ("7790", "Annen kostnad", ["Tekna – Teknisk-naturvitenskapelig forening", "Foreningen for Ålesunds Næringsliv"], (500, 12_000), 2),
]
FOREIGN = {
    "Microsoft Ireland Operations Ltd": "EUR", "Amazon Web Services EMEA SARL": "USD", "Clarion Hotel Østersjø": "SEK",
    "SJ AB": "SEK", "Søderberg & Partnere AS": "SEK",
}
RATE = {"NOK": 1, "EUR": 11.6, "USD": 10.7, "SEK": 1.0}
TEXTS = ["Faktura", "Månedlig abonnement", "Lisensfornyelse", "Bestilling", "Timer iht. avtale", "Reise: Oslo–Bergen; kundemøte", "Kreditnota"]
CUSTOMERS = ["", "", "", "K-1001", "K-1002", "K-1017", "K-1040"]


def money(value: float) -> str:
    """-12345.5 -> '-12 345,50' (space thousands, decimal comma)."""
    sign = "-" if value < 0 else ""
    whole, cents = divmod(round(abs(value) * 100), 100)
    groups = f"{whole:,}".replace(",", " ")
    return f"{sign}{groups},{cents:02d}"


def field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ';"\n') else text


# The other accounts of the same ledger (a second export, `hovedbok_2024_ovrige.csv`): costs that are
# not purchases of goods and services, which the inventory excludes with a stated reason, and the
# office electricity, which is counted in Scope 2 through its kWh. Own generator, own seed, so that
# hovedbok_2024.csv stays byte for byte as it was.
OTHER = [
    ("5000", "Lønn til ansatte", "Lønnskjøring", (10_200_000, 10_900_000), 12, "monthly payroll run"),
    ("5400", "Arbeidsgiveravgift", "Skatteetaten", (2_900_000, 3_100_000), 6, "employer's national insurance, bi-monthly"),
    ("6010", "Avskrivning maskiner og inventar", "Intern postering", (95_000, 120_000), 12, "monthly depreciation"),
    ("6200", "Elektrisitet", "Lysverket Kraftsalg AS", (14_000, 29_000), 12, "office electricity, Oslo"),
    ("6706", "Konserninterne tjenester", "Fjellvind IT AB", (40_000, 75_000), 4, "intra-group services, quarterly"),
    ("7700", "Offentlige avgifter", "Oslo kommune", (6_000, 9_000), 2, "municipal fees"),
    ("8150", "Rentekostnader", "DNB Bank ASA", (18_000, 26_000), 4, "interest, quarterly"),
]


def other_accounts() -> None:
    other = random.Random(4103)
    rows = []
    voucher = 27000
    for account, name, supplier, (lo, hi), count, text in OTHER:
        for i in range(count):
            voucher += 1
            month = 1 + i * 12 // count
            day = other.randint(1, 28)
            rows.append([str(voucher), "1", f"{day:02d}.{month:02d}.2024", supplier, account, name, text, "",
                         money(other.uniform(lo, hi)), "NOK"])
    header = ["Bilagsnr", "Linje", "Dato", "Leverandør", "Konto", "Kontonavn", "Tekst", "Kunde", "Beløp", "Valuta"]
    lines = [";".join(header)] + [";".join(field(f) for f in r) for r in rows]
    out = Path(__file__).with_name("hovedbok_2024_ovrige.csv")
    out.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    print(f"{out.name}: {len(rows)} lines")


# Goods bought for resale (a third export, `hovedbok_2024_varekjop.csv`): hardware the company buys
# for its customers' projects and invoices on, booked on NS 4102's account for goods for resale.
# Own generator, own seed, so that the other two files stay byte for byte as they were.
RESALE = ("4300", "Innkjøp av varer for videresalg", ["Atea AS", "Dustin Norge AS"], (30_000, 260_000), 10)


def resale_accounts() -> None:
    resale = random.Random(4300)
    account, name, suppliers, (lo, hi), count = RESALE
    rows = []
    voucher = 28000
    for i in range(count):
        voucher += 1
        month = 1 + i * 12 // count
        day = resale.randint(1, 28)
        customer = resale.choice(["K-1001", "K-1002", "K-1017", "K-1040"])
        rows.append([str(voucher), "1", f"{day:02d}.{month:02d}.2024", resale.choice(suppliers), account, name,
                     f"videresalg til kunde {customer}", customer, money(resale.uniform(lo, hi)), "NOK"])
    header = ["Bilagsnr", "Linje", "Dato", "Leverandør", "Konto", "Kontonavn", "Tekst", "Kunde", "Beløp", "Valuta"]
    lines = [";".join(header)] + [";".join(field(f) for f in r) for r in rows]
    out = Path(__file__).with_name("hovedbok_2024_varekjop.csv")
    out.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    print(f"{out.name}: {len(rows)} lines")


def main() -> None:
    weights = [a[4] for a in ACCOUNTS]
    rows = []
    voucher = 24000
    for _ in range(150):
        voucher += rng.randint(1, 9)
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        if rng.random() < 0.05:  # some vouchers on the last day of a month
            day = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        for line in range(1, rng.choice([1, 1, 2, 2, 3]) + 1):
            account, name, suppliers, (lo, hi), _ = rng.choices(ACCOUNTS, weights)[0]
            supplier = rng.choice(suppliers)
            currency = FOREIGN.get(supplier, "NOK")
            amount = rng.uniform(lo, hi) / RATE[currency]
            credit = rng.random() < 0.04
            text = "Kreditnota" if credit else rng.choice(TEXTS[:-1])
            if credit:
                amount = -amount
            customer = rng.choice(CUSTOMERS) if account.startswith(("12", "65", "67")) else ""
            rows.append([str(voucher), str(line), f"{day:02d}.{month:02d}.2024", supplier, account, name, text,
                         customer, money(amount), currency])
    header = ["Bilagsnr", "Linje", "Dato", "Leverandør", "Konto", "Kontonavn", "Tekst", "Kunde", "Beløp", "Valuta"]
    lines = [";".join(header)] + [";".join(field(f) for f in r) for r in rows]
    out = Path(__file__).with_name("hovedbok_2024.csv")
    out.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    print(f"{out.name}: {len(rows)} lines")


if __name__ == "__main__":
    main()
    other_accounts()
    resale_accounts()
