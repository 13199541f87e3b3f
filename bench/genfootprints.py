#!/usr/bin/env python3
"""Writes N synthetic PACT v3 footprints of our own (an IT-services company's services and
hardware bundles) as one JSON array, for the PACT host benchmark. Deterministic for a given seed."""
import json, random, sys, uuid

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    out = sys.argv[2] if len(sys.argv) > 2 else "footprints.json"
    rng = random.Random(42)
    countries = ["NO", "SE", "DK", "FI", "DE", "NL", "GB", "FR"]
    services = ["managed-workplace", "hosting", "backup", "network-operations", "service-desk", "cloud-migration", "security-operations"]
    units = [("piece", "0"), ("hour", "0"), ("kilowatt hour", "0"), ("megabit second", "0")]
    items = []
    for i in range(n):
        pid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        service = services[i % len(services)]
        unit, mass = units[i % len(units)]
        pcf = f"{rng.uniform(0.05, 250):.4f}"
        year = 2023 + i % 3
        items.append({
            "id": pid,
            "specVersion": "3.0.3",
            "created": f"{year + 1}-02-01T08:00:00Z",
            "status": "Active" if i % 10 else "Deprecated",
            "validityPeriodStart": f"{year + 1}-01-01T00:00:00Z",
            "validityPeriodEnd": f"{year + 3}-01-01T00:00:00Z",
            "companyName": "Nordic IT Services AS",
            "companyIds": ["urn:pact:footprint.example:company-id:nordic-it", "urn:lei:5493001KJTIIGC8Y1R12"],
            "productDescription": f"{service.replace('-', ' ').capitalize()}, customer contract {i}",
            "productIds": [f"urn:pact:footprint.example:product-id:{service}-{i}"],
            "productClassifications": ["urn:unspsc:81112200"],
            "productNameCompany": f"{service} {i}",
            "pcf": {
                "declaredUnitOfMeasurement": unit,
                "declaredUnitAmount": "1",
                "productMassPerDeclaredUnit": mass,
                "referencePeriodStart": f"{year}-01-01T00:00:00Z",
                "referencePeriodEnd": f"{year + 1}-01-01T00:00:00Z",
                "geographyCountry": countries[i % len(countries)],
                "pcfExcludingBiogenicUptake": pcf,
                "pcfIncludingBiogenicUptake": pcf,
                "fossilCarbonContent": "0",
                "fossilGhgEmissions": pcf,
                "biogenicCO2Uptake": "0",
                "packagingEmissionsIncluded": False,
                "ipccCharacterizationFactors": ["AR6"],
                "crossSectoralStandards": ["GHGP-Product", "ISO14067"],
                "exemptedEmissionsPercent": "0",
                "primaryDataShare": f"{rng.uniform(10, 90):.1f}",
                "dqi": {"technologicalDQR": "2", "geographicalDQR": "1.5", "temporalDQR": "1"},
            },
        })
    with open(out, "w") as f:
        json.dump(items, f, separators=(",", ":"))

if __name__ == "__main__":
    main()
