#!/usr/bin/env python3
"""Customer files for the customers benchmark (issue 15), over a ledger of ../shared/bench/genledger.py.

Writes, into OUTDIR, customers.csv, services.csv, service_pools.csv and service_usage.csv
(docs/customers.md) for the ledger in LEDGER (its suppliers.csv and the head of its purchases.csv):

- customers.csv: --customers customers C000, C001, ... (the ledger's purchase lines name C000 to C199:
  those purchases pass through to them), half of them with statements in Norwegian;
- services.csv: --services services over seven units (vCPU-hour, TB-month, Mbit/s-month, seat-month,
  analyst-hour, GB, licence);
- service_pools.csv: one pool per service, and a second one for every fifth service; the ledger's
  suppliers are dealt out to the pools (scope 3, supplier), the three largest split by category over
  three pools (scope 3, supplier, category), the smallest quarter of the suppliers left in no pool (they
  stay with the company); every third usage pool states a capacity a quarter above the expected usage,
  and the licence services are shared by revenue;
- service_usage.csv: each customer uses 2 to 8 services (5 on average), every month of --year, with
  its revenue in NOK.

Deterministic for a --seed. Prints the row counts.

usage: gencustomers.py LEDGER OUTDIR [--customers 2000] [--services 50] [--year 2024] [--seed 15]
"""
import argparse, csv, os, random

UNITS = [  # unit, PACT declared unit, units per PACT unit, typical monthly use per customer, NOK per unit
    ("vCPU-hour", "hour", "1", 3000.0, 0.45),
    ("TB-month", "piece", "1", 20.0, 900.0),
    ("Mbit/s-month", "megabit second", "1/2592000", 200.0, 60.0),
    ("seat-month", "piece", "1", 60.0, 1200.0),
    ("analyst-hour", "hour", "1", 15.0, 1400.0),
    ("GB", "piece", "1", 2000.0, 1.5),
    ("licence", "piece", "1", 80.0, 250.0),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ledger")
    ap.add_argument("outdir")
    ap.add_argument("--customers", type=int, default=2000)
    ap.add_argument("--services", type=int, default=50)
    ap.add_argument("--year", type=int, default=2024)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--services-per-customer", type=int, default=0,
                    help="every customer uses this many services (default: 2 to 8 at random); 50 with --services 50 "
                         "gives the 100,000 customer-service pairs of the publishing benchmark")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    p = lambda name: os.path.join(a.outdir, name)

    suppliers = [r["id"] for r in csv.DictReader(open(os.path.join(a.ledger, "suppliers.csv")))]
    # The categories of the three largest suppliers (genledger.py lists them first, by spend), from the
    # head of the ledger: a category seen only later leaves its lines in no pool.
    largest = suppliers[:3]
    categories = {s: set() for s in largest}
    with open(os.path.join(a.ledger, "purchases.csv")) as f:
        reader = csv.reader(f)
        header = next(reader)
        si, ci = header.index("supplier"), header.index("category")
        for n, row in enumerate(reader):
            if row[si] in categories:
                categories[row[si]].add(row[ci])
            if n >= 300_000:
                break

    customers = [f"C{i:03d}" for i in range(a.customers)]
    with open(p("customers.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customer", "name", "country", "language", "pact_company_ids", "org_number"])
        for i, c in enumerate(customers):
            nb = i % 2 == 0
            w.writerow([c, f"Customer {c} {'AS' if nb else 'AB'}", "NO" if nb else rng.choice(["SE", "DK", "FI", "DE"]), "nb" if nb else "en",
                        f"urn:pathfinder:company:customcode:vendor-assigned:bench-{c.lower()}" if i % 10 == 0 else "", f"9{i:08d}"])

    services = []  # (id, unit index)
    with open(p("services.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["service", "name", "unit", "pact_unit", "units_per_pact_unit", "description"])
        for i in range(a.services):
            u = i % len(UNITS)
            sid = f"SVC-{i + 1:02d}"
            services.append((sid, u))
            unit, pact, ratio = UNITS[u][:3]
            w.writerow([sid, f"Service {i + 1} ({unit})", unit, pact, ratio, f"Benchmark service {i + 1}, billed per {unit}"])

    # Usage first: the pools' capacities follow the expected usage.
    users = {sid: [] for sid, _ in services}
    for c in customers:
        k = a.services_per_customer or rng.randint(2, 8)
        for sid, u in rng.sample(services, k=min(k, len(services))):
            users[sid].append((c, rng.lognormvariate(0.0, 1.0)))
    usage_rows = 0
    monthly = {sid: 0.0 for sid, _ in services}
    with open(p("service_usage.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customer", "service", "month", "quantity", "unit", "revenue", "currency"])
        for sid, u in services:
            unit, _, _, typical, price = UNITS[u]
            for c, size in users[sid]:
                for m in range(1, 13):
                    q = typical * size * rng.uniform(0.8, 1.2)
                    if unit in ("seat-month", "licence", "analyst-hour"):
                        q = float(max(1, round(q)))
                    monthly[sid] += q / 12
                    w.writerow([c, sid, f"{a.year}-{m:02d}", f"{q:.3f}".rstrip("0").rstrip("."), unit, f"{q * price:.2f}", "NOK"])
                    usage_rows += 1

    # Pools: one per service, a second for every fifth.
    pools = []  # (pool, service, key, capacity)
    for i, (sid, u) in enumerate(services):
        for k in ("A", "B") if i % 5 == 0 else ("A",):
            key = "revenue" if UNITS[u][0] == "licence" else "usage"
            capacity = f"{monthly[sid] * 1.25:.0f}" if key == "usage" and len(pools) % 3 == 0 else ""
            pools.append((f"POOL-{sid[4:]}{k}", sid, key, capacity))
    rows = []
    split = {s: pools[j: j + 3] for j, s in zip(range(0, 9, 3), largest)}
    for s in largest:
        for j, c in enumerate(sorted(categories[s])):
            pool, sid, key, capacity = split[s][j % 3]
            rows.append([pool, sid, key, capacity, 3, "", s, c, ""])
    pooled = suppliers[3: len(suppliers) * 3 // 4]
    for j, s in enumerate(pooled):
        pool, sid, key, capacity = pools[j % len(pools)]
        rows.append([pool, sid, key, capacity, 3, "", s, "", ""])
    with open(p("service_pools.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["pool", "service", "key", "capacity", "scope", "scope3_category", "supplier", "category", "site"])
        w.writerows(rows)

    print(f"customers: {len(customers)}; services: {len(services)}; pools: {len(pools)} ({len(rows)} selector rows, "
          f"{len(pooled) + len(largest)} of {len(suppliers)} suppliers pooled); usage rows: {usage_rows} "
          f"({usage_rows / 12 / len(customers):.2f} services per customer, {a.year})")


if __name__ == "__main__":
    main()
