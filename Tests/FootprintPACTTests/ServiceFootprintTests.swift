import FootprintCore
import Testing

@testable import FootprintPACT

/// A customer's footprint of one service (docs/customers.md): per declared unit, valid PACT v3.
@Suite struct ServiceFootprintTests {
    static let network = Service(
        id: "NET",
        name: "Network line",
        unit: "Mbit/s-month",
        pactUnit: "megabit second",
        unitsPerPACTUnit: 1.0 / 2_592_000,
        unitsPerPACTUnitText: "1/2592000"
    )

    static func footprint(nanoKg: Int128, quantity: Double) -> ServiceFootprint {
        ServiceFootprint(
            customer: "CUST-001",
            customerName: "Fjordkraft Logistikk AS",
            service: network,
            period: ReportingPeriod(fiscalYear: 2024)!,
            sums: [
                EmissionComponent(scope: 3, scope3Category: 1, source: .supplierSpecific): nanoKg * 3 / 4,
                EmissionComponent(scope: 2, source: .activity): nanoKg - nanoKg * 3 / 4,
            ],
            quantity: quantity,
            keys: ["usage"],
            pools: ["NETWORK"],
            runID: 7
        )
    }

    @Test func perDeclaredUnitAndValid() throws {
        // 2,592 kg over 100 Mbit/s-months: 100 x 2,592,000 megabit seconds, so 0.00001 kg per megabit second.
        let f = Self.footprint(nanoKg: 2_592_000_000_000, quantity: 100)
        #expect(f.declaredUnits == 259_200_000)
        #expect(f.pcfText == "0.00001")
        #expect(f.primaryDataShareText == "75")
        let q = f.dataQuality
        #expect(q.technological == 1.3 && q.geographical == 1.8 && q.temporal == 1.8)  // 3/4 at (1,2,2), 1/4 at (2,1,1)
        let publisher = ServiceFootprint.Publisher(name: "Fjellvind IT AS", companyIDs: ["urn:lei:5493001KJTIIGC8Y1R12"])
        #expect(publisher.slug == "fjellvind-it-as")
        #expect(publisher.productID(service: "NET") == "urn:pact:fjellvind-it-as:product-id:NET")
        let json = f.json(
            id: "8f1c2d3e-0000-8000-8000-000000000001",
            publisher: publisher,
            preceding: ["8f1c2d3e-0000-8000-8000-000000000000"],
            created: "2026-12-04T00:00:00Z"
        )
        let entries = try PACTDocument.read(json, file: "service footprint")
        #expect(entries.count == 1 && entries[0].sourceVersion == "3")
        #expect(json["pcf"]?["referencePeriodEnd"]?.stringValue == "2025-01-01T00:00:00Z")
        #expect(json["pcf"]?["declaredUnitOfMeasurement"]?.stringValue == "megabit second")
        #expect(json["precedingPfIds"]?.arrayValue?.count == 1)
    }

    @Test func smallIntensitiesKeepSixSignificantDigits() {
        #expect(ServiceFootprint.decimal(0.000001086123456, significant: 6) == "0.00000108612")
        #expect(ServiceFootprint.decimal(19.428996652, significant: 6) == "19.428996652")
        #expect(ServiceFootprint.decimal(0, significant: 6) == "0")
        #expect(Self.footprint(nanoKg: 0, quantity: 5).pcfText == "0")
    }

    @Test func theIdentityIgnoresTheRunButNotTheFigures() {
        var a = Self.footprint(nanoKg: 1_000_000_000, quantity: 10)
        var b = a
        b.runID = 8
        #expect(a.identityText == b.identityText)
        a.quantity = 11
        #expect(a.identityText != b.identityText)
    }
}
