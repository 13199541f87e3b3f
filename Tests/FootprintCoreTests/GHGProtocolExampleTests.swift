import FootprintCore
import Testing

/// The GHG Protocol Scope 3 Technical Guidance, Category 1 worked examples (DOMAIN.md §3.2),
/// computed through reference data, ledger lines and the accumulator, against the published totals.
@Suite("GHG Protocol worked examples")
struct GHGProtocolExampleTests {
    /// Example 1.1: supplier-specific product footprints, kg purchased x kg CO2e per kg.
    @Test func example1_1SupplierSpecific() {
        let goods: [(good: String, supplier: String, kg: Double, factor: Double, expected: Double)] = [
            ("cement", "C", 200_000, 0.15, 30_000),
            ("plaster", "D", 600_000, 0.10, 60_000),
            ("paint", "E", 200_000, 0.10, 20_000),
            ("timber", "F", 100_000, 0.25, 25_000),
            ("concrete", "G", 50_000, 0.20, 10_000),
        ]
        let engine = InventoryEngine(
            reference: ReferenceData(
                suppliers: goods.map { Supplier(id: $0.supplier, name: "Supplier \($0.supplier)") },
                footprints: goods.map { footprint($0.supplier, $0.good, $0.factor, "kg") }
            )
        )
        let purchases = goods.map {
            TestPurchase(
                supplier: $0.supplier,
                category: $0.good,
                product: $0.good,
                unit: "kg",
                currency: "USD",
                digits: 1,
                quantity: $0.kg
            )
        }
        let summary = inventory(purchases, engine: engine)
        #expect(summary.linesByMethod == [.supplierSpecific: 5])
        #expect(summary.unmappedLines == 0)
        #expect(close(summary.totalKg, 145_000))
        #expect(close(summary.supplierDataShare, 1))
        for g in goods {
            #expect(close(summary.kgByCategory[g.good]?.value ?? .nan, g.expected), "\(g.good)")
            #expect(close(summary.kgBySupplier[g.supplier]?.value ?? .nan, g.expected), "\(g.supplier)")
        }
    }

    /// Example 1.4: average-data for mass-based components, spend-based for raw materials
    /// (USD factors with no price year, a USD rate of 1).
    @Test func example1_4AverageDataAndSpendBased() {
        let components: [(String, Double, Double)] = [
            ("hard drive", 400, 20), ("integrated circuits", 200, 10), ("LCD", 500, 40), ("semiconductors", 100, 70),
            ("battery", 1_500, 3), ("keyboard", 300, 3),
        ]
        let materials: [(String, Int64, Double)] = [
            ("polystyrene", 5_000, 0.3), ("ABS", 3_000, 0.3), ("PET film", 4_000, 0.3), ("aluminium", 6_000, 0.5),
            ("steel", 1_500, 0.2), ("cyclohexane", 5_000, 0.2), ("epoxy resins", 5_000, 0.3), ("copper", 1_000, 0.3),
            ("glass", 5_000, 0.4),
        ]
        let engine = InventoryEngine(
            reference: ReferenceData(
                factors: components.map { activityFactor($0.0, $0.2, "kg") } + materials.map { spendFactor($0.0, $0.2, "USD") },
                exchangeRates: [code("USD"): [2024: 1]]
            )
        )
        let purchases =
            components.map {
                TestPurchase(supplier: "Supplier \($0.0)", category: $0.0, unit: "kg", currency: "USD", digits: 0, quantity: $0.1)
            }
            + materials.map { TestPurchase(supplier: "Supplier \($0.0)", category: $0.0, currency: "USD", digits: $0.1) }
        let summary = inventory(purchases, engine: engine)
        #expect(summary.linesByMethod == [.averageData: 6, .spendBased: 9])
        #expect(close(summary.kgByMethod[.averageData]?.value ?? .nan, 42_400))
        #expect(close(summary.kgByMethod[.spendBased]?.value ?? .nan, 11_700))
        #expect(close(summary.totalKg, 54_100))
        #expect(close(summary.kgByCategory["LCD"]?.value ?? .nan, 20_000))
        #expect(close(summary.kgByCategory["aluminium"]?.value ?? .nan, 3_000))
        #expect(summary.spendByMethod[.spendBased]?[code("USD")]?.description == "35500")
        #expect(summary.supplierDataShare == 0)
    }

    /// The guidance's EEIO illustration: "paper mills" at 1,520 t CO2e per $1M, so $1M of spend gives 1,520 t.
    @Test func paperMillsSpendFixture() {
        let engine = InventoryEngine(
            reference: ReferenceData(
                factors: [spendFactor("paper mills", 1.52, "USD")],
                exchangeRates: [code("USD"): [2024: 1]]
            )
        )
        let summary = inventory([TestPurchase(supplier: "M", category: "paper mills", currency: "USD", digits: 1_000_000)], engine: engine)
        #expect(close(summary.totalKg, 1_520_000))
    }
}
