#!/usr/bin/env python3
"""Generate the "Nordic IT" example dataset for Footprint.

An invented Norwegian IT-services company (about 180 employees, offices in Oslo,
Stockholm and Copenhagen, managed services and hosting for its customers) and its
purchase ledger for fiscal year 2024, plus a few invoices from November and
December 2023. All companies and customers are fictitious.

The script writes the canonical input files of Footprint (see the README beside
it) into its own folder:

    purchases.csv  suppliers.csv  factors.csv  rates.csv  price_index.csv
    supplier_emissions.csv  product_footprints.csv

It uses the Python 3 standard library only and a fixed seed, so running it again
reproduces the committed CSV files byte for byte. Emission factors are single
published figures, typed in below with their source; nothing is read from the
source data sets at run time.

usage: python3 generate.py
"""

import csv
import datetime
import math
import os
import random

SEED = 20240101
HERE = os.path.dirname(os.path.abspath(__file__))
FIRST_DAY = datetime.date(2023, 11, 1)  # a few late-2023 invoices, then fiscal year 2024
FISCAL_YEAR_START = datetime.date(2024, 1, 1)
LAST_DAY = datetime.date(2024, 12, 31)
HOLIDAYS = {(1, 1), (5, 1), (5, 17), (12, 24), (12, 25), (12, 26)}  # (month, day): no invoices

# ---------------------------------------------------------------------------
# Reference data
# ---------------------------------------------------------------------------

# Units of currency per 1 USD, rounded annual averages, for illustration only.
RATES = {
    "USD": {2022: "1", 2023: "1", 2024: "1"},
    "NOK": {2022: "9.61", 2023: "10.56", 2024: "10.75"},
    "SEK": {2022: "10.11", 2023: "10.61", 2024: "10.57"},
    "DKK": {2022: "7.08", 2023: "6.89", 2024: "6.89"},
    "EUR": {2022: "0.951", 2023: "0.925", 2024: "0.924"},
    "GBP": {2022: "0.811", 2023: "0.804", 2024: "0.782"},
}
# Used only to price the Swiss vendor's CHF invoices. Deliberately NOT written to
# rates.csv: those lines must come out unmapped for "no exchange rate".
CHF_PER_USD = {2023: 0.898, 2024: 0.880}

# US CPI-U, all items, annual average (BLS, 1982-84 = 100).
PRICE_INDEX = {2022: "292.655", 2023: "304.702", 2024: "313.689"}

EPA = ("US EPA Supply Chain GHG Emission Factors v1.3.0 (DOI 10.23719/1531143), "
       "NAICS {code} {title}, with margins, kg CO2e/2022 USD purchaser price")

# Spend-based factors: (category = 2017 NAICS code, EPA title, kg CO2e per 2022 USD
# "Supply Chain Emission Factors with Margins").
SPEND_FACTORS = [
    ("221310", "Water Supply and Irrigation Systems", "0.578"),
    ("334111", "Electronic Computer Manufacturing", "0.058"),
    ("334112", "Computer Storage Device Manufacturing", "0.071"),
    ("334118", "Computer Terminal and Other Computer Peripheral Equipment Manufacturing", "0.143"),
    ("334210", "Telephone Apparatus Manufacturing", "0.096"),
    ("334220", "Radio and Television Broadcasting and Wireless Communications Equipment Manufacturing", "0.111"),
    ("335921", "Fiber Optic Cable Manufacturing", "0.235"),
    ("424120", "Stationery and Office Supplies Merchant Wholesalers", "0.144"),
    ("481111", "Scheduled Passenger Air Transportation", "0.644"),
    ("482111", "Line-Haul Railroads", "0.466"),
    ("485310", "Taxi Service", "0.566"),
    ("488510", "Freight Transportation Arrangement", "0.162"),
    ("492110", "Couriers and Express Delivery Services", "0.303"),
    ("511210", "Software Publishers", "0.08"),
    ("517311", "Wired Telecommunications Carriers", "0.075"),
    ("517312", "Wireless Telecommunications Carriers (except Satellite)", "0.096"),
    ("518210", "Data Processing, Hosting, and Related Services", "0.093"),
    ("524126", "Direct Property and Casualty Insurance Carriers", "0.033"),
    ("531120", "Lessors of Nonresidential Buildings (excpet Miniwarehouses)", "0.246"),
    ("541110", "Offices of Lawyers", "0.041"),
    ("541211", "Offices of Certified Public Accountants", "0.054"),
    ("541511", "Custom Computer Programming Services", "0.084"),
    ("541512", "Computer Systems Design Services", "0.089"),
    ("541519", "Other Computer Related Services", "0.08"),
    ("561510", "Travel Agencies", "0.088"),
    ("561720", "Janitorial Services", "0.214"),
    ("562920", "Materials Recovery Facilities", "0.988"),
    ("611430", "Professional and Management Development Training", "0.108"),
    ("721110", "Hotels (except Casino Hotels) and Motels", "0.145"),
    ("722511", "Full-Service Restaurants", "0.194"),
    ("811212", "Computer and Office Machine Repair and Maintenance", "0.076"),
]

DESNZ = "UK DESNZ GHG Conversion Factors for Company Reporting 2024, full set v1.1"

# Average-data factors: (category, name, kg CO2e per unit, unit, source).
# Each shares its category with a spend-based factor (except 221122, electricity,
# which the EPA set leaves out), so lines with a quantity in that unit use the
# average-data factor and lines without one fall back to the spend-based factor.
AVERAGE_FACTORS = [
    ("221122", "Purchased electricity, upstream only (Scope 3 cat. 3): WTT generation + T&D losses + WTT T&D, UK grid",
     "0.06817", "kWh",
     DESNZ + ", sum of sheet 'WTT- UK electricity' row 19 (generation) 0.04590, sheet 'Transmission and "
     "distribution' row 22 (T&D- UK electricity) 0.01830 and sheet 'WTT- UK electricity' row 24 (T&D) 0.00397, "
     "kg CO2e/kWh, 2024"),
    ("221310", "Mains water supply and treatment",
     "0.33885", "m3",
     DESNZ + ", sum of sheet 'Water supply' row 18 (0.15311) and sheet 'Water treatment' row 17 (0.18574), "
     "kg CO2e/m3, 2024"),
    ("424120", "Paper and board: paper, primary material production",
     "1339.31834", "t",
     DESNZ + ", sheet 'Material use' row 87, Paper and board: paper, primary material production, "
     "kg CO2e/tonne, 2024"),
    ("488510", "Road freight, HGV (all diesel), all HGVs, average laden",
     "0.09752", "tkm",
     DESNZ + ", sheet 'Freighting goods' row 63, HGV (all diesel), All HGVs, average laden, "
     "kg CO2e/tonne.km, 2024"),
    ("518210", "Electricity used by hosted equipment in a third-party data centre (UK grid, generation)",
     "0.20705", "kWh",
     DESNZ + ", sheet 'Managed assets- electricity' row 19, Electricity generated, Electricity: UK, "
     "kg CO2e/kWh, 2024"),
    # The power metered to our own cage at Kaldvik Datasenter (SUP-0006), on its own ledger category
    # (its own GL account), so that a company that reports it in Scope 2 can exclude it from Scope 3.
    ("colocation-power", "Electricity metered to our own equipment in a colocation cage (UK grid, generation)",
     "0.20705", "kWh",
     DESNZ + ", sheet 'Managed assets- electricity' row 19, Electricity generated, Electricity: UK, "
     "kg CO2e/kWh, 2024"),
    ("562920", "WEEE - mixed, open-loop recycling",
     "6.41061", "t",
     DESNZ + ", sheet 'Waste disposal' row 59, Electrical items, WEEE - mixed, open-loop, "
     "kg CO2e/tonne, 2024"),
]

# (id, name, country)
SUPPLIERS = [
    ("SUP-0001", "Nordlys Datautstyr AS", "NO"),          # laptops, monitors, docks; PCFs + disclosure
    ("SUP-0002", "Fjord Cloud Hosting AS", "NO"),         # IaaS and dedicated hosting; disclosure
    ("SUP-0003", "Varde Serverteknikk AB", "SE"),         # servers and storage; PCFs + disclosure (SEK)
    ("SUP-0004", "Skarv Nettverk AS", "NO"),              # network equipment and cabling; PCFs only
    ("SUP-0005", "Nordnett Telekom ASA", "NO"),           # telecom operator; discloses 2024 only
    ("SUP-0006", "Kaldvik Datasenter AS", "NO"),          # colocation, metered power
    ("SUP-0007", "Blå Konsult AB", "SE"),                 # IT consultancy
    ("SUP-0008", "Lisensportalen Norge AS", "NO"),        # software licence reseller
    ("SUP-0009", "Østerled Software ApS", "DK"),          # software licence reseller
    ("SUP-0010", "Alpenrose Software AG", "CH"),          # Swiss software vendor, invoices in CHF
    ("SUP-0011", "Reisefot Reisebyrå AS", "NO"),          # travel agency
    ("SUP-0012", "Polarfly ASA", "NO"),                   # airline
    ("SUP-0013", "Øresund Airways A/S", "DK"),            # airline
    ("SUP-0014", "Hotell Bryggekanten AS", "NO"),         # hotel, Oslo
    ("SUP-0015", "Hotell Riddarholmen AB", "SE"),         # hotel, Stockholm
    ("SUP-0016", "Hotel Kanalkroen ApS", "DK"),           # hotel, Copenhagen
    ("SUP-0017", "Kontorkompaniet Norden AS", "NO"),      # office supplies and paper
    ("SUP-0018", "Rein & Blank Renhold AS", "NO"),        # cleaning, Oslo
    ("SUP-0019", "Sørlandet Spedisjon AS", "NO"),         # freight forwarder
    ("SUP-0020", "Hurtigbud Østlandet AS", "NO"),         # courier
    ("SUP-0021", "Lysverket Kraftsalg AS", "NO"),         # electricity retailer, Oslo
    ("SUP-0022", "Norrsken Energihandel AB", "SE"),       # electricity retailer, Stockholm
    ("SUP-0023", "Kretsløp IT-Retur AS", "NO"),           # e-waste take-back partner
    ("SUP-0024", "Vikakvartalet Næringseiendom AS", "NO"),  # landlord, Oslo
    ("SUP-0025", "Söderhus Fastigheter AB", "SE"),        # landlord, Stockholm
    ("SUP-0026", "Kalvebod Erhvervsejendomme A/S", "DK"),  # landlord, Copenhagen
    ("SUP-0027", "Bydrift Vann og Avløp KF", "NO"),       # municipal water
    ("SUP-0028", "Fjellheim Sparebank", "NO"),            # bank (fees have no factor)
    ("SUP-0029", "Kortkjøp – diverse", "NO"),             # company cards, not yet classified
    ("SUP-0030", "Byen Taxi Oslo AS", "NO"),              # taxi
    ("SUP-0031", "Kantina Matservice AS", "NO"),          # catering
    ("SUP-0032", "Revisjonshuset Nord AS", "NO"),         # auditor
    ("SUP-0033", "Advokatfirmaet Berg & Lunde AS", "NO"),  # law firm
    ("SUP-0034", "Trygghet Forsikring ASA", "NO"),        # insurance
    ("SUP-0035", "Kompetanseakademiet AS", "NO"),         # training
    ("SUP-0036", "Kuusikko Koodi Oy", "FI"),              # software development subcontractor
    ("SUP-0037", "Cascade Peak Software Inc.", "US"),     # SaaS vendor, USD
    ("SUP-0038", "Emerald Isle Cloud Services Ltd", "IE"),  # public cloud, EUR; disclosure (EUR)
    ("SUP-0039", "Kingsbridge Cyber Ltd", "GB"),          # penetration testing, GBP
    ("SUP-0040", "Elbtal Netzwerktechnik GmbH", "DE"),    # optics and transceivers, EUR
    ("SUP-0041", "Polderpoort Datacenter B.V.", "NL"),    # colocation, EUR
    ("SUP-0042", "Mobilhuset Norge AS", "NO"),            # mobile phones
    ("SUP-0043", "Datakjeden Detalj AS", "NO"),           # retailer, resells Nordlys laptops
    ("SUP-0044", "Fiks IT-Service AS", "NO"),             # repair and maintenance
    ("SUP-0045", "Øresund Strøm A/S", "DK"),              # electricity retailer, Copenhagen
]

# Disclosed emissions (tonnes CO2e) and revenue: (supplier, year, scope1, scope2,
# scope3_upstream, revenue, currency).
SUPPLIER_EMISSIONS = [
    ("SUP-0001", 2022, "118.4", "86.2", "25140", "4215000000", "NOK"),
    ("SUP-0001", 2023, "112.9", "79.5", "26480", "4530000000", "NOK"),
    ("SUP-0002", 2022, "41.7", "1212.0", "12420", "982000000", "NOK"),
    ("SUP-0002", 2023, "38.2", "1149.6", "11870", "1086000000", "NOK"),
    ("SUP-0002", 2024, "35.9", "1071.3", "11230", "1194000000", "NOK"),
    ("SUP-0003", 2022, "214.6", "338.1", "18870", "2480000000", "SEK"),
    ("SUP-0003", 2023, "201.3", "311.7", "19540", "2655000000", "SEK"),
    ("SUP-0005", 2024, "2086.0", "6815.0", "61900", "9820000000", "NOK"),
    ("SUP-0010", 2022, "96.1", "58.4", "5390", "296000000", "CHF"),
    ("SUP-0010", 2023, "92.8", "55.0", "5610", "312000000", "CHF"),
    ("SUP-0038", 2022, "182.0", "22410.0", "40880", "598000000", "EUR"),
    ("SUP-0038", 2023, "175.5", "20950.0", "43120", "641000000", "EUR"),
]

# Cradle-to-gate product carbon footprints: (supplier, product, kg CO2e per unit, unit).
PRODUCT_FOOTPRINTS = [
    ("SUP-0001", "NL-BOOK-14-G5", "274.0", "piece"),     # 14" business laptop
    ("SUP-0001", "NL-BOOK-16-W3", "392.0", "piece"),     # 16" mobile workstation
    ("SUP-0001", "NL-BOOK-13-U2", "231.0", "piece"),     # 13" ultrabook
    ("SUP-0001", "MON-24-FHD", "342.0", "piece"),        # 24" monitor
    ("SUP-0001", 'MON-27"-QHD', "458.0", "piece"),       # 27" monitor (a quote inside the id)
    ("SUP-0001", "DOCK,USB-C", "42.6", "piece"),         # USB-C dock (a comma inside the id)
    ("SUP-0003", "VS-R1U-G3", "1420.0", "piece"),        # 1U rack server
    ("SUP-0003", "VS-R2U-G3", "2380.0", "piece"),        # 2U rack server
    ("SUP-0003", "VS-STOR-24", "3950.0", "piece"),       # 24-bay storage array
    ("SUP-0004", "SK-SW48-POE", "720.0", "piece"),       # 48-port PoE switch
    ("SUP-0004", "SK-SW24", "410.0", "piece"),           # 24-port switch
    ("SUP-0004", "SK-AP6", "68.0", "piece"),             # Wi-Fi 6 access point
    ("SUP-0004", "SK-RTR-E", "560.0", "piece"),          # edge router
    ("SUP-0004", "SK-CAT6A-CABLE", "5.9", "kg"),         # Cat 6A copper cable, per kg
]

# Managed-service customers; a few large ones get most pass-through purchases.
CUSTOMERS = [f"CUST-{i:03d}" for i in range(1, 61)]
CUSTOMER_WEIGHTS = [1.0 / (i ** 0.9) for i in range(1, 61)]

# ---------------------------------------------------------------------------
# What the company buys
# ---------------------------------------------------------------------------


class Item:
    """One kind of purchase-ledger line a supplier invoices.

    With a `unit`, the line carries a quantity drawn from `qty` (low, high) and
    costs `price` NOK per unit; without one, its amount is lognormal around
    `price` NOK with spread `sigma`. `product` is the supplier's article number.
    """

    def __init__(self, category, weight, price, sigma=0.6, product="", unit="", qty=None,
                 decimals=0, customer=0.0, seasonal=False):
        self.category, self.weight, self.price, self.sigma = category, weight, price, sigma
        self.product, self.unit, self.qty, self.decimals = product, unit, qty, decimals
        self.customer, self.seasonal = customer, seasonal


class Stream:
    """A supplier's invoices.

    `schedule` is "monthly" or "quarterly" (from `since`), or "random": `count`
    invoices on random working days, a share `late_share` of them in November and
    December 2023. Each invoice has `lines` (low, high) lines drawn from `items`
    by weight (or every item once, when `lines` is fixed at the number of items),
    all in one currency drawn from `currencies` (currency: weight).
    """

    def __init__(self, supplier, currencies, schedule, items, lines=(1, 1), count=0,
                 since=FISCAL_YEAR_START, late_share=0.04):
        self.supplier, self.currencies, self.schedule = supplier, currencies, schedule
        self.items, self.lines, self.count = items, lines, count
        self.since, self.late_share = since, late_share


NOK = {"NOK": 1}
NOV23 = datetime.date(2023, 11, 1)

STREAMS = [
    # Hardware. The laptop vendor publishes PCFs for some products and discloses.
    Stream("SUP-0001", NOK, "random", count=150, lines=(1, 4), items=[
        Item("334111", 30, 16900, product="NL-BOOK-14-G5", unit="piece", qty=(1, 25), customer=0.5),
        Item("334111", 8, 27500, product="NL-BOOK-16-W3", unit="piece", qty=(1, 8), customer=0.4),
        Item("334111", 8, 14200, product="NL-BOOK-13-U2", unit="piece", qty=(1, 10), customer=0.5),
        Item("334118", 14, 2390, product="MON-24-FHD", unit="piece", qty=(1, 20), customer=0.5),
        Item("334118", 8, 4490, product='MON-27"-QHD', unit="piece", qty=(1, 10), customer=0.4),
        Item("334118", 12, 2150, product="DOCK,USB-C", unit="piece", qty=(1, 20), customer=0.5),
        Item("334111", 4, 9800, product="NL-DESK-MINI", unit="piece", qty=(1, 10), customer=0.3),
        Item("334118", 6, 690, product="KB-MOUSE-SET-NO", unit="piece", qty=(5, 40)),
        Item("334118", 6, 1790, product="HEADSET-ANC", unit="piece", qty=(2, 30)),
        Item("811212", 3, 9500, sigma=0.7, product="NL-CAREPACK-3Y"),
        Item("334111", 1, 1800, sigma=0.5, product="NL-BOOK-14-G5"),  # price adjustment, no quantity
    ]),
    Stream("SUP-0003", {"SEK": 0.6, "NOK": 0.4}, "random", count=45, lines=(1, 4), items=[
        Item("334111", 10, 98000, product="VS-R1U-G3", unit="piece", qty=(1, 8), customer=0.5),
        Item("334111", 6, 145000, product="VS-R2U-G3", unit="piece", qty=(1, 6), customer=0.5),
        Item("334112", 2, 480000, product="VS-STOR-24", unit="piece", qty=(1, 2), customer=0.5),
        Item("334112", 6, 6900, product="VS-SSD-3.84T", unit="piece", qty=(2, 24), customer=0.3),
        Item("811212", 4, 60000, sigma=0.8, product="VS-SUPPORT-3Y", customer=0.4),
        Item("334111", 1, 8500, sigma=0.5, product="VS-R1U-G3"),  # installation, no quantity
    ]),
    Stream("SUP-0004", NOK, "random", count=60, lines=(1, 4), items=[
        Item("334210", 8, 42000, product="SK-SW48-POE", unit="piece", qty=(1, 10), customer=0.4),
        Item("334210", 6, 21000, product="SK-SW24", unit="piece", qty=(1, 10), customer=0.4),
        Item("334210", 8, 5900, product="SK-AP6", unit="piece", qty=(2, 40), customer=0.4),
        Item("334210", 2, 68000, product="SK-RTR-E", unit="piece", qty=(1, 4), customer=0.5),
        Item("334210", 3, 54000, product="SK-FW-200", unit="piece", qty=(1, 4), customer=0.5),
        Item("335921", 5, 260, product="SK-CAT6A-CABLE", unit="kg", qty=(20, 400), decimals=1),
        Item("335921", 2, 260000, product="SK-CAT6A-CABLE", unit="t", qty=(0.1, 0.8), decimals=3),
        Item("335921", 1, 0.26, product="SK-CAT6A-CABLE", unit="g", qty=(200, 900)),
        Item("334210", 1, 12000, sigma=0.5, product="SK-SW48-POE"),  # support, no quantity
    ]),
    Stream("SUP-0040", {"EUR": 1}, "random", count=15, lines=(1, 3), items=[
        Item("334210", 3, 1450, product="ET-SFP28-SR", unit="piece", qty=(4, 48), customer=0.3),
        Item("334210", 2, 3900, product="ET-QSFP-100G", unit="piece", qty=(2, 16), customer=0.3),
    ]),
    Stream("SUP-0042", NOK, "random", count=40, lines=(1, 2), items=[
        Item("334220", 3, 9500, product="PHONE-STD", unit="piece", qty=(1, 15)),
        Item("334220", 1, 350, product="PHONE-CASE", unit="piece", qty=(5, 40)),
    ]),
    # The retailer sells the laptop vendor's laptop under the same article number,
    # but footprints are per (supplier, product): these lines do not get the PCF.
    Stream("SUP-0043", NOK, "random", count=35, lines=(1, 3), items=[
        Item("334111", 3, 17900, product="NL-BOOK-14-G5", unit="piece", qty=(1, 3)),
        Item("334118", 4, 600, sigma=0.8),
    ]),
    Stream("SUP-0044", NOK, "random", count=30, lines=(1, 2), items=[
        Item("811212", 1, 6500, sigma=0.9, customer=0.5),
    ]),
    Stream("SUP-0023", NOK, "random", count=12, lines=(1, 2), items=[
        Item("562920", 6, 9.5, unit="kg", qty=(150, 1200), decimals=1),
        Item("562920", 2, 9500, unit="t", qty=(0.3, 2.5), decimals=3),
        Item("562920", 3, 14000, sigma=0.5),  # certified data erasure, no quantity
    ]),
    # Software.
    Stream("SUP-0008", NOK, "random", count=70, lines=(2, 6), items=[
        Item("511210", 1, 55000, sigma=1.3, customer=0.6),
    ]),
    Stream("SUP-0008", NOK, "quarterly", lines=(1, 1), items=[
        Item("511210", 1, 1900000, sigma=0.3),  # enterprise agreement, billed quarterly
    ]),
    Stream("SUP-0009", {"DKK": 1}, "random", count=30, lines=(1, 4), items=[
        Item("511210", 1, 30000, sigma=1.1, customer=0.5),
    ]),
    Stream("SUP-0010", {"CHF": 0.7, "EUR": 0.3}, "random", count=12, lines=(1, 2), late_share=0.1, items=[
        Item("511210", 1, 60000, sigma=0.9),
    ]),
    Stream("SUP-0037", {"USD": 1}, "monthly", lines=(1, 3), items=[
        Item("511210", 1, 42000, sigma=0.6),
    ]),
    # Telecom, hosting, colocation.
    Stream("SUP-0005", NOK, "monthly", since=NOV23, lines=(3, 8), items=[
        Item("517311", 5, 28000, sigma=0.6, customer=0.6),
        Item("517312", 1, 160000, sigma=0.1),
    ]),
    Stream("SUP-0002", NOK, "monthly", since=NOV23, lines=(6, 10), items=[
        Item("518210", 8, 140000, sigma=0.9, customer=0.8),
        Item("518210", 2, 1.35, unit="kWh", qty=(8000, 25000), customer=0.5),
    ]),
    Stream("SUP-0006", NOK, "monthly", since=NOV23, lines=(4, 7), items=[
        Item("518210", 5, 45000, sigma=0.3, customer=0.7),
        Item("colocation-power", 3, 1.25, unit="kWh", qty=(20000, 60000)),
    ]),
    Stream("SUP-0038", {"EUR": 1}, "monthly", since=NOV23, lines=(2, 5), items=[
        Item("518210", 1, 100000, sigma=0.8, customer=0.6),
    ]),
    Stream("SUP-0041", {"EUR": 1}, "monthly", lines=(2, 3), items=[
        Item("518210", 2, 38000, sigma=0.3, customer=0.4),
        Item("518210", 1, 2.4, unit="kWh", qty=(6000, 14000)),
    ]),
    # Consultancies and professional services.
    Stream("SUP-0007", {"SEK": 1}, "monthly", lines=(2, 6), items=[
        Item("541512", 3, 1380, unit="hour", qty=(20, 160), decimals=1, customer=0.6),
        Item("541512", 1, 150000, sigma=0.6, customer=0.6),
    ]),
    Stream("SUP-0036", {"EUR": 1}, "monthly", lines=(1, 3), items=[
        Item("541511", 1, 1050, unit="hour", qty=(40, 170), decimals=1, customer=0.6),
    ]),
    Stream("SUP-0039", {"GBP": 1}, "random", count=8, lines=(1, 2), items=[
        Item("541519", 1, 120000, sigma=0.5, customer=0.5),
    ]),
    Stream("SUP-0032", NOK, "random", count=6, lines=(1, 2), items=[Item("541211", 1, 180000, sigma=0.5)]),
    Stream("SUP-0033", NOK, "random", count=8, lines=(1, 2), items=[Item("541110", 1, 65000, sigma=0.8)]),
    Stream("SUP-0034", NOK, "quarterly", lines=(1, 2), items=[Item("524126", 1, 210000, sigma=0.3)]),
    Stream("SUP-0035", NOK, "random", count=25, lines=(1, 3), items=[Item("611430", 1, 14000, sigma=0.8)]),
    # Travel.
    Stream("SUP-0011", NOK, "random", count=45, lines=(8, 20), late_share=0.06, items=[
        Item("481111", 45, 3200, sigma=0.7, customer=0.2),
        Item("721110", 30, 2900, sigma=0.6, customer=0.2),
        Item("482111", 10, 650, sigma=0.5),
        Item("561510", 15, 160, sigma=0.3),
    ]),
    Stream("SUP-0012", NOK, "random", count=60, lines=(1, 2), items=[Item("481111", 1, 2600, sigma=0.7)]),
    Stream("SUP-0013", {"DKK": 0.5, "SEK": 0.3, "NOK": 0.2}, "random", count=30, lines=(1, 2),
           items=[Item("481111", 1, 2400, sigma=0.6)]),
    Stream("SUP-0014", NOK, "random", count=40, lines=(1, 3), items=[Item("721110", 1, 2100, sigma=0.6)]),
    Stream("SUP-0015", {"SEK": 1}, "random", count=35, lines=(1, 3), items=[Item("721110", 1, 2300, sigma=0.6)]),
    Stream("SUP-0016", {"DKK": 1}, "random", count=30, lines=(1, 3), items=[Item("721110", 1, 2200, sigma=0.6)]),
    Stream("SUP-0030", NOK, "monthly", lines=(10, 25), items=[Item("485310", 1, 420, sigma=0.6)]),
    Stream("SUP-0031", NOK, "random", count=40, lines=(1, 4), items=[Item("722511", 1, 6500, sigma=0.9)]),
    # Offices.
    Stream("SUP-0017", NOK, "random", count=65, lines=(1, 5), items=[
        Item("424120", 25, 24, product="PAPER-A4-80G", unit="kg", qty=(25, 250), decimals=1),
        Item("424120", 10, 1150, product="TONER-BK", unit="piece", qty=(1, 12)),
        Item("424120", 50, 1800, sigma=0.9),
    ]),
    Stream("SUP-0018", NOK, "monthly", lines=(1, 3), items=[Item("561720", 1, 62000, sigma=0.3)]),
    Stream("SUP-0024", NOK, "monthly", lines=(2, 2), items=[Item("531120", 1, 560000, sigma=0.05)]),
    Stream("SUP-0025", {"SEK": 1}, "monthly", lines=(2, 2), items=[Item("531120", 1, 190000, sigma=0.05)]),
    Stream("SUP-0026", {"DKK": 1}, "monthly", lines=(2, 2), items=[Item("531120", 1, 150000, sigma=0.05)]),
    Stream("SUP-0029", NOK, "monthly", lines=(5, 15), items=[Item("999999", 1, 900, sigma=1.0)]),
    Stream("SUP-0028", NOK, "monthly", lines=(1, 3), items=[Item("BANK-FEES", 1, 1200, sigma=0.8)]),
    Stream("SUP-0027", NOK, "quarterly", lines=(1, 1), items=[
        Item("221310", 1, 48, unit="m3", qty=(280, 520)),
    ]),
    Stream("SUP-0021", NOK, "monthly", lines=(2, 2), items=[
        Item("221122", 3, 1.05, unit="kWh", qty=(28000, 40000), seasonal=True),
        Item("221122", 1, 2400, sigma=0.05),  # fixed monthly fee: no quantity, no spend factor
    ]),
    Stream("SUP-0022", {"SEK": 1}, "monthly", lines=(1, 1), items=[
        Item("221122", 1, 0.95, unit="kWh", qty=(9000, 14000), seasonal=True),
    ]),
    Stream("SUP-0045", {"DKK": 1}, "quarterly", lines=(1, 1), items=[
        Item("221122", 1, 1650, unit="MWh", qty=(18, 30), decimals=3, seasonal=True),
    ]),
    # Logistics.
    Stream("SUP-0019", NOK, "random", count=50, lines=(1, 3), items=[
        Item("488510", 6, 3.2, unit="tkm", qty=(20, 2500), decimals=1, customer=0.5),
        Item("488510", 3, 1900, sigma=0.6),  # customs and handling, no quantity
    ]),
    Stream("SUP-0020", NOK, "random", count=30, lines=(1, 6), items=[
        Item("492110", 1, 480, sigma=0.7, customer=0.3),
    ]),
]

# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------


def per_usd(currency, year):
    """Units of `currency` per USD, for pricing lines (CHF included)."""
    if currency == "CHF":
        return CHF_PER_USD[year]
    return float(RATES[currency][year])


def working_day(day):
    """The first Monday-to-Friday on or after `day` that is not a fixed-date holiday."""
    while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
        day += datetime.timedelta(days=1)
    return day


def random_day(rng, late_share):
    """A random working day: in November-December 2023 with probability `late_share`, else in 2024."""
    if rng.random() < late_share:
        start, days = FIRST_DAY, (FISCAL_YEAR_START - FIRST_DAY).days
    else:
        start, days = FISCAL_YEAR_START, (LAST_DAY - FISCAL_YEAR_START).days + 1
    day = working_day(start + datetime.timedelta(days=rng.randrange(days)))
    return min(day, LAST_DAY)


def invoice_days(stream, rng):
    """The invoice dates of a stream."""
    if stream.schedule == "random":
        return sorted(random_day(rng, stream.late_share) for _ in range(stream.count))
    step = {"monthly": 1, "quarterly": 3}[stream.schedule]
    days = []
    year, month = stream.since.year, stream.since.month
    while datetime.date(year, month, 1) <= LAST_DAY:
        days.append(working_day(datetime.date(year, month, rng.randint(1, 6))))
        month += step
        if month > 12:
            year, month = year + 1, month - 12
    return days


def fmt(x, decimals):
    """`x` rounded to `decimals` places, with '.' and without a negative zero."""
    text = f"{x:.{decimals}f}"
    return text.lstrip("-") if float(text) == 0 else text


def draw_line(item, day, currency, rng):
    """One ledger line (without id) for `item` on `day` in `currency`."""
    season = 1 + 0.35 * math.cos(2 * math.pi * (day.month - 1) / 12) if item.seasonal else 1.0
    quantity = ""
    if item.unit:
        low, high = item.qty
        if item.decimals == 0:
            q = round(rng.randint(int(low), int(high)) * season)
        else:
            q = round(rng.uniform(low, high) * season, item.decimals)
        quantity = fmt(q, item.decimals)
        nok = q * item.price * rng.uniform(0.92, 1.04)
    else:
        nok = item.price * rng.lognormvariate(0.0, item.sigma) * season
    amount = nok / per_usd("NOK", day.year) * per_usd(currency, day.year)
    customer = ""
    if item.customer and rng.random() < item.customer:
        customer = rng.choices(CUSTOMERS, CUSTOMER_WEIGHTS)[0]
    return {"date": day, "category": item.category, "amount": round(amount, 2), "currency": currency,
            "product": item.product, "quantity": quantity, "unit": item.unit, "customer": customer}


def credit_note(line, rng):
    """A credit note for part or all of `line`, a few weeks later."""
    cn = dict(line)
    cn["date"] = min(working_day(line["date"] + datetime.timedelta(days=rng.randint(7, 45))), LAST_DAY)
    if line["quantity"]:
        q = float(line["quantity"])
        decimals = len(line["quantity"].split(".")[1]) if "." in line["quantity"] else 0
        if decimals == 0:
            back = rng.randint(1, int(q))
            share = back / q
            cn["quantity"] = f"-{back}"
        else:
            back = fmt(q * rng.choice([0.25, 0.5, 1.0]), decimals)
            share = float(back) / q
            cn["quantity"] = "-" + back
    else:
        share = rng.choice([0.1, 0.25, 0.5, 1.0])
    cn["amount"] = -round(line["amount"] * share, 2)
    return cn


def generate_purchases(rng):
    """All ledger lines, sorted by date, with ids INV-/CN-<year>-<voucher>-<line>."""
    documents = []  # (date, supplier, kind, lines)
    for stream in STREAMS:
        for day in invoice_days(stream, rng):
            currency = rng.choices(list(stream.currencies), list(stream.currencies.values()))[0]
            if stream.lines[0] == stream.lines[1] == len(stream.items):
                items = list(stream.items)
            else:
                weights = [item.weight for item in stream.items]
                items = rng.choices(stream.items, weights, k=rng.randint(*stream.lines))
            lines = [draw_line(item, day, currency, rng) for item in items]
            for line in lines:
                line["supplier"] = stream.supplier
            documents.append((day, stream.supplier, "INV", lines))

    # About 2% of lines are credited back on a separate credit note.
    creditable = [line for _, supplier, _, lines in documents for line in lines
                  if supplier not in ("SUP-0024", "SUP-0025", "SUP-0026", "SUP-0028", "SUP-0029")]
    count = round(0.02 * sum(len(lines) for *_, lines in documents))
    for line in rng.sample(creditable, count):
        cn = credit_note(line, rng)
        documents.append((cn["date"], cn["supplier"], "CN", [cn]))

    documents.sort(key=lambda d: (d[0], d[2], d[1]))
    vouchers = {}
    rows = []
    for day, supplier, kind, lines in documents:
        key = (kind, day.year)
        vouchers[key] = vouchers.get(key, 0) + 1
        for n, line in enumerate(lines, start=1):
            rows.append([f"{kind}-{day.year}-{vouchers[key]:06d}-{n}", day.isoformat(), supplier,
                         line["category"], f"{line['amount']:.2f}", line["currency"], line["product"],
                         line["quantity"], line["unit"], line["customer"]])
    return rows


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main():
    rng = random.Random(SEED)
    write_csv("suppliers.csv", ["id", "name", "country"], SUPPLIERS)
    factors = [[code, title, value, "USD", 2022, EPA.format(code=code, title=title)]
               for code, title, value in SPEND_FACTORS]
    factors += [[category, name, value, unit, "", source]
                for category, name, value, unit, source in AVERAGE_FACTORS]
    factors.sort(key=lambda row: (row[0], row[3] != "USD", row[3]))
    write_csv("factors.csv", ["category", "name", "kgco2e_per_unit", "unit", "price_year", "source"], factors)
    write_csv("rates.csv", ["currency", "year", "per_usd"],
              [[currency, year, rate] for currency, by_year in RATES.items() for year, rate in by_year.items()])
    write_csv("price_index.csv", ["year", "index"], list(PRICE_INDEX.items()))
    write_csv("supplier_emissions.csv",
              ["supplier", "year", "scope1", "scope2", "scope3_upstream", "revenue", "currency"],
              SUPPLIER_EMISSIONS)
    write_csv("product_footprints.csv", ["supplier", "product", "kgco2e_per_unit", "unit"], PRODUCT_FOOTPRINTS)
    purchases = generate_purchases(rng)
    write_csv("purchases.csv",
              ["id", "date", "supplier", "category", "amount", "currency", "product", "quantity", "unit",
               "customer"], purchases)
    print(f"wrote {len(purchases)} purchase lines to {HERE}")


if __name__ == "__main__":
    main()
