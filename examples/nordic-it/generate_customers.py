#!/usr/bin/env python3
"""Generate the customer files of the "Nordic IT" example (docs/customers.md).

Fjellvind IT AS sells six services to the 60 managed-service customers that the
purchase ledger's `customer` column names (CUST-001 ... CUST-060). This script
writes, into its own folder:

    customers.csv  services.csv  service_pools.csv  service_usage.csv

It uses the Python 3 standard library only and a fixed seed, so running it again
reproduces the committed CSV files byte for byte. All companies are fictitious.

usage: python3 generate_customers.py
"""

import calendar
import csv
import os
import random

SEED = 20240215
HERE = os.path.dirname(os.path.abspath(__file__))
YEAR = 2024

# ---------------------------------------------------------------------------
# Customers: (name, country, language). Most get statements in Norwegian
# Bokmål; the Swedish and Danish customers and two international groups in English.
# ---------------------------------------------------------------------------

CUSTOMERS = [
    ("Fjordkraft Logistikk AS", "NO", "nb"),
    ("Nordvik Eiendom AS", "NO", "nb"),
    ("Bergtatt Sjømat AS", "NO", "nb"),
    ("Solsiden Tannklinikk AS", "NO", "nb"),
    ("Hallingdal Bygg AS", "NO", "nb"),
    ("Tromsø Havnetjenester AS", "NO", "nb"),
    ("Skagerrak Rederi ASA", "NO", "nb"),
    ("Lillehammer Skiutleie AS", "NO", "nb"),
    ("Kvarnby Livsmedel AB", "SE", "en"),
    ("Glommen Treindustri AS", "NO", "nb"),
    ("Akerselva Arkitekter AS", "NO", "nb"),
    ("Vestland Regnskap AS", "NO", "nb"),
    ("Mälardalens Maskin AB", "SE", "en"),
    ("Stavanger Energiteknikk AS", "NO", "nb"),
    ("Nordlandsbanken ASA", "NO", "nb"),
    ("Røros Kobberverk Museum", "NO", "nb"),
    ("Trøndelag Helsehus AS", "NO", "nb"),
    ("Oslofjord Marina AS", "NO", "nb"),
    ("Göteborgs Fraktkontor AB", "SE", "en"),
    ("Hardanger Fruktlager SA", "NO", "nb"),
    ("Sognefjord Turisme AS", "NO", "nb"),
    ("Kristiansand Dyrepark Drift AS", "NO", "nb"),
    ("Aarhus Designhus ApS", "DK", "en"),
    ("Bodø Elektro AS", "NO", "nb"),
    ("Telemark Trykkeri AS", "NO", "nb"),
    ("Nordkapp Reiseliv AS", "NO", "nb"),
    ("Drammen Advokatkontor DA", "NO", "nb"),
    ("Uppsala Läkemedelslogistik AB", "SE", "en"),
    ("Moss Mekaniske Verksted AS", "NO", "nb"),
    ("Fredrikstad Fiskeindustri AS", "NO", "nb"),
    ("Ålesund Møbelfabrikk AS", "NO", "nb"),
    ("Hamar Landbruksrådgivning SA", "NO", "nb"),
    ("Molde Jazzforening", "NO", "nb"),
    ("Arendal Verft AS", "NO", "nb"),
    ("Halden Papirindustri AS", "NO", "nb"),
    ("Polar Seafood Group ASA", "NO", "en"),
    ("Gjøvik Glassverk AS", "NO", "nb"),
    ("Narvik Malmhavn AS", "NO", "nb"),
    ("Sandnes Sportsutstyr AS", "NO", "nb"),
    ("Helsingborg Hamnservice AB", "SE", "en"),
    ("Kongsberg Presisjon AS", "NO", "nb"),
    ("Lofoten Brygge AS", "NO", "nb"),
    ("Haugesund Sildelag SA", "NO", "nb"),
    ("Larvik Steinbrudd AS", "NO", "nb"),
    ("Horten Havforskning AS", "NO", "nb"),
    ("Tønsberg Bilsenter AS", "NO", "nb"),
    ("Odense Cykelværksted ApS", "DK", "en"),
    ("Elverum Skogeierlag SA", "NO", "nb"),
    ("Kongsvinger Kommunale Boliger KF", "NO", "nb"),
    ("Nordic Lumen Holding AS", "NO", "en"),
    ("Steinkjer Meieri SA", "NO", "nb"),
    ("Voss Friluft AS", "NO", "nb"),
    ("Harstad Offshore Service AS", "NO", "nb"),
    ("Mo i Rana Stålservice AS", "NO", "nb"),
    ("Porsgrunn Porselen AS", "NO", "nb"),
    ("Sarpsborg Kjemi AS", "NO", "nb"),
    ("Jönköpings Tändsticksmuseum AB", "SE", "en"),
    ("Kristiansund Klippfisk AS", "NO", "nb"),
    ("Levanger Landhandel AS", "NO", "nb"),
    ("Alta Reinprodukter AS", "NO", "nb"),
]
assert len(CUSTOMERS) == 60

# ---------------------------------------------------------------------------
# Services. units_per_pact_unit: how many of `unit` make one PACT declared unit.
# A network line is billed per Mbit/s of committed rate per month; PACT's
# declared unit is the megabit second, and 1 Mbit/s for a (billing) month of 30
# days carries 30 x 86,400 = 2,592,000 megabit seconds, so one megabit second is
# 1/2592000 Mbit/s-month (no decimal writes it exactly: the file gives the ratio).
# ---------------------------------------------------------------------------

SERVICES = [
    ("VSRV", "Virtual servers", "vCPU-hour", "hour", "1",
     "Virtual machines in the Oslo colocation cage; declared unit: one vCPU for one hour"),
    ("STOR", "Block and object storage", "TB-month", "piece", "1",
     "Replicated storage; declared unit: one piece is one TB stored for one month"),
    ("NET", "Network line", "Mbit/s-month", "megabit second", "1/2592000",
     "Committed-rate lines; 1 Mbit/s for a 30-day billing month is 2,592,000 megabit seconds"),
    ("WORK", "Managed workplace", "seat-month", "piece", "1",
     "Laptop, screen, workplace software and support per user; declared unit: one seat for one month"),
    ("SOC", "Security monitoring", "analyst-hour", "hour", "1",
     "Security operations centre; declared unit: one analyst hour"),
    ("LIC", "Software licences (passed through)", "licence", "piece", "1",
     "Licences bought from distributors and resold at cost plus a margin"),
]

# ---------------------------------------------------------------------------
# Pools: (pool, service, key, capacity, scope, scope3_category, supplier, category, site,
# service_life_years). The service life (servers and storage 5 years, laptops 4) spreads the
# hardware over its life in the service footprints; the inventory counts it when bought.
# Rows of one pool are alternatives (OR). The colocation cage feeds the virtual
# servers; storage gets the storage hardware and the off-site backup centre.
# ---------------------------------------------------------------------------

COMPUTE_CAPACITY = 800000  # vCPU-hours per month (about 1,100 vCPUs)
STORAGE_CAPACITY = 320  # TB-months per month

POOLS = [
    ("DC-COMPUTE", "VSRV", "usage", COMPUTE_CAPACITY, "", "", "", "", "OSL-COLO"),
    ("DC-COMPUTE", "VSRV", "usage", COMPUTE_CAPACITY, "3", "", "SUP-0006", "", ""),
    ("DC-COMPUTE", "VSRV", "usage", COMPUTE_CAPACITY, "3", "", "SUP-0002", "", ""),
    ("DC-COMPUTE", "VSRV", "usage", COMPUTE_CAPACITY, "3", "", "SUP-0003", "334111", "", 5),
    ("DC-COMPUTE", "VSRV", "usage", COMPUTE_CAPACITY, "3", "", "SUP-0003", "811212", ""),
    ("DC-STORAGE", "STOR", "usage", STORAGE_CAPACITY, "3", "", "SUP-0003", "334112", "", 5),
    ("DC-STORAGE", "STOR", "usage", STORAGE_CAPACITY, "3", "", "SUP-0041", "", ""),
    ("DC-STORAGE", "STOR", "usage", STORAGE_CAPACITY, "3", "", "SUP-0038", "", ""),
    ("NETWORK", "NET", "usage", "", "3", "", "SUP-0004", "", ""),
    ("NETWORK", "NET", "usage", "", "3", "", "SUP-0040", "", ""),
    ("NETWORK", "NET", "usage", "", "3", "", "SUP-0005", "517311", ""),
    ("WORKPLACE", "WORK", "usage", "", "3", "", "SUP-0001", "", "", 4),
    ("WORKPLACE", "WORK", "usage", "", "3", "", "SUP-0043", "", ""),
    ("WORKPLACE", "WORK", "usage", "", "3", "", "SUP-0044", "", ""),
    ("WORKPLACE", "WORK", "usage", "", "3", "", "SUP-0042", "", ""),
    ("WORKPLACE", "WORK", "usage", "", "3", "", "SUP-0009", "511210", ""),
    ("WORKPLACE", "WORK", "usage", "", "3", "", "SUP-0037", "511210", ""),
    ("SECURITY", "SOC", "usage", "", "3", "", "SUP-0039", "", ""),
    ("SECURITY", "SOC", "usage", "", "3", "", "SUP-0010", "511210", ""),
    ("LICENCES", "LIC", "revenue", "", "3", "1", "SUP-0008", "511210", ""),
]

# Prices in NOK per unit, for the revenue column.
PRICES = {"VSRV": 0.42, "STOR": 1150.0, "NET": 38.0, "WORK": 1290.0, "SOC": 1450.0, "LIC": 265.0}


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def fmt(value, decimals):
    return f"{value:.{decimals}f}"


def main():
    rng = random.Random(SEED)

    rows = []
    for i, (name, country, language) in enumerate(CUSTOMERS, start=1):
        cid = f"CUST-{i:03d}"
        org = ""
        if country == "NO":
            org = str(910000000 + rng.randrange(0, 89999999))
        pact = ""
        if i in (1, 7, 15, 36, 50):
            slug = name.split()[0].lower().replace("ø", "o").replace("å", "a").replace("æ", "ae")
            pact = f"urn:pathfinder:company:customcode:vendor-assigned:fjellvind-{cid.lower()}"
            if i in (7, 36):
                pact += f" urn:pathfinder:company:customcode:buyer-assigned:{slug}"
        rows.append([cid, name, country, language, pact, org])
    write("customers.csv", ["customer", "name", "country", "language", "pact_company_ids", "org_number"], rows)

    write("services.csv", ["service", "name", "unit", "pact_unit", "units_per_pact_unit", "description"],
          [list(s) for s in SERVICES])

    write("service_pools.csv",
          ["pool", "service", "key", "capacity", "scope", "scope3_category", "supplier", "category", "site",
           "service_life_years"],
          [[str(x) for x in p] + ([""] if len(p) == 9 else []) for p in POOLS])

    # Each customer's subscriptions, a base level and a monthly drift.
    units = {s[0]: s[2] for s in SERVICES}
    usage = []
    for i in range(1, 61):
        cid = f"CUST-{i:03d}"
        size = 1.0 / (i ** 0.6)  # a few large customers, many small ones
        subs = {}
        if rng.random() < 0.75:
            subs["VSRV"] = max(2, round(140 * size * rng.uniform(0.6, 1.4)))  # vCPUs
        if rng.random() < 0.7:
            subs["STOR"] = round(max(0.5, 30 * size * rng.uniform(0.5, 1.5)), 3)  # TB
        if rng.random() < 0.5:
            subs["NET"] = rng.choice([50, 100, 200, 500, 1000] if i <= 10 else [50, 100, 200])  # Mbit/s
        if rng.random() < 0.8:
            subs["WORK"] = max(3, round(220 * size * rng.uniform(0.6, 1.4)))  # seats
        if rng.random() < 0.35:
            subs["SOC"] = round(max(2.0, 40 * size * rng.uniform(0.5, 1.5)), 1)  # analyst-hours
        if rng.random() < 0.6:
            subs["LIC"] = max(5, round(300 * size * rng.uniform(0.5, 1.5)))  # licences
        if not subs:
            subs["WORK"] = 5
        start = 1 if rng.random() < 0.85 else rng.randrange(2, 10)  # some start during the year
        for month in range(start, 13):
            days = calendar.monthrange(YEAR, month)[1]
            for service in ["VSRV", "STOR", "NET", "WORK", "SOC", "LIC"]:
                if service not in subs:
                    continue
                base = subs[service]
                if service == "VSRV":
                    q = fmt(base * days * 24 * rng.uniform(0.55, 0.95), 1)
                elif service == "STOR":
                    subs[service] = base = round(base * rng.uniform(1.0, 1.04), 3)
                    q = fmt(base, 3)
                elif service == "NET":
                    q = str(base)
                elif service == "WORK":
                    subs[service] = base = max(3, base + rng.choice([-1, 0, 0, 0, 1, 2]))
                    q = str(base)
                elif service == "SOC":
                    q = fmt(base * rng.uniform(0.7, 1.3), 1)
                else:
                    q = str(base)
                revenue = fmt(float(q) * PRICES[service], 2)
                usage.append([cid, service, f"{YEAR}-{month:02d}", q, units[service], revenue, "NOK"])
    write("service_usage.csv", ["customer", "service", "month", "quantity", "unit", "revenue", "currency"], usage)

    # The capacity left unsold each month, so that a change to the generator that sells
    # more than the platform has shows at once.
    for service, capacity in (("VSRV", COMPUTE_CAPACITY), ("STOR", STORAGE_CAPACITY)):
        for month in range(1, 13):
            sold = sum(float(u[3]) for u in usage if u[1] == service and u[2] == f"{YEAR}-{month:02d}")
            assert sold < capacity, (service, month, sold)
    print(f"{len(CUSTOMERS)} customers, {len(SERVICES)} services, {len(POOLS)} pool rows, {len(usage)} usage rows")


if __name__ == "__main__":
    main()
