import FootprintCore
import Testing

/// A manufacturer's figures reach the lines of its products bought through distributors
/// (manufacturers.csv): after the invoicing supplier's own footprint, the manufacturer's footprint;
/// for hybrid, the manufacturer's disclosure before the distributor's.
@Suite("Manufacturers behind distributors")
struct ManufacturerTests {
    /// NetMaker makes switch SW-48 (footprint 410 kg per piece) and router RT-1 (none), and discloses
    /// (100 + 50 + 1,850) t on USD 10,000,000 revenue = 0.2 kg per USD. Two distributors sell them:
    /// DistA under NetMaker's part number, DistB under its own article number B-77 for SW-48. DistA
    /// discloses 1 kg per USD (complete); DistC has its own footprint of SW-48 (400 kg).
    let engine = InventoryEngine(
        reference: {
            var r = ReferenceData(
                factors: [spendFactor("network", 0.5, "USD"), activityFactor("network", 300, "piece")],
                exchangeRates: [code("USD"): [2024: 1], code("NOK"): [2024: 10]],
                disclosures: [
                    disclosure("NetMaker", 2024, 100, 50, 1850, revenue: 10_000_000, "USD"),
                    disclosure("DistA", 2024, 10, 10, 980, revenue: 1_000_000, "USD"),
                ],
                footprints: [
                    footprint("NetMaker", "SW-48", 410, "piece"),  // 0
                    footprint("DistC", "SW-48", 400, "piece"),  // 1
                ]
            )
            r.manufacturers = [
                ProductManufacturer(product: "SW-48", manufacturer: "NetMaker"),
                ProductManufacturer(product: "RT-1", manufacturer: "NetMaker"),
                ProductManufacturer(product: "B-77", manufacturer: "NetMaker", manufacturerProduct: "SW-48", supplier: "DistB"),
            ]
            return r
        }()
    )

    @Test func theManufacturersFootprintReachesBothDistributors() {
        // DistA: 3 pieces x 410 = 1,230 kg; DistB's article B-77 is NetMaker's SW-48: 2 x 410 = 820.
        let a = engine.evaluate(supplier: "DistA", category: "network", product: "SW-48", unit: "piece", currency: "USD", amount: 9000, quantity: 3)
        #expect(a.method == .supplierSpecific)
        #expect(a.sourceIndex == 0)
        #expect(a.kg == 1230)
        #expect(a.rank & InventoryEngine.manufacturerRank != 0)
        let b = engine.evaluate(supplier: "DistB", category: "network", product: "B-77", unit: "piece", currency: "NOK", amount: 60000, quantity: 2)
        #expect(b.method == .supplierSpecific)
        #expect(b.sourceIndex == 0)
        #expect(b.kg == 820)
        // The same article number from another supplier has no manufacturer: average-data, 2 x 300.
        let other = engine.evaluate(supplier: "DistX", category: "network", product: "B-77", unit: "piece", currency: "USD", amount: 1, quantity: 2)
        #expect(other.method == .averageData)
        #expect(other.kg == 600)
    }

    @Test func theInvoicingSuppliersOwnFootprintComesFirst() {
        let c = engine.evaluate(supplier: "DistC", category: "network", product: "SW-48", unit: "piece", currency: "USD", amount: 1, quantity: 1)
        #expect(c.method == .supplierSpecific)
        #expect(c.sourceIndex == 1)
        #expect(c.kg == 400)
        #expect(c.rank & InventoryEngine.manufacturerRank == 0)
    }

    @Test func theManufacturersDisclosureComesBeforeTheDistributors() {
        // RT-1 has no footprint: NetMaker's intensity 0.2 kg/USD on USD 5,000 = 1,000 kg, not DistA's 1 kg/USD (5,000 kg).
        let r = engine.evaluate(supplier: "DistA", category: "network", product: "RT-1", currency: "USD", amount: 5000)
        #expect(r.method == .hybrid)
        #expect(r.sourceIndex == 0)
        #expect(close(r.kg, 1000))
        #expect(r.rank & InventoryEngine.manufacturerRank != 0)
        // A DistA line without a product is DistA's own hybrid: 1 kg per USD.
        let own = engine.evaluate(supplier: "DistA", category: "network", currency: "USD", amount: 5000)
        #expect(own.method == .hybrid)
        #expect(own.sourceIndex == 1)
        #expect(close(own.kg, 5000))
    }

    @Test func figureFollowsTheManufacturerFlag() {
        for (supplier, product) in [("DistA", "SW-48"), ("DistB", "B-77")] {
            let r = engine.evaluate(supplier: supplier, category: "network", product: product, unit: "piece", currency: "USD", amount: 1, quantity: 5)
            let figure = engine.figure(
                method: .supplierSpecific,
                supplier: engine.supplierKey(supplier),
                product: engine.productKey(product),
                rank: r.rank
            )
            #expect(r.activity * figure == r.kg)
        }
        let hybrid = engine.evaluate(supplier: "DistA", category: "network", product: "RT-1", currency: "USD", amount: 5000)
        #expect(
            hybrid.activity
                * engine.figure(method: .hybrid, supplier: engine.supplierKey("DistA"), product: engine.productKey("RT-1"), rank: hybrid.rank)
                == hybrid.kg
        )
    }

    @Test func theProvenanceNamesTheManufacturer() {
        let labels = ProvenanceLabels(engine: engine)
        let r = engine.evaluate(supplier: "DistB", category: "network", product: "B-77", unit: "piece", currency: "USD", amount: 1, quantity: 1)
        #expect(labels.label(for: r).hasPrefix("footprint NetMaker/SW-48 per piece"))
        #expect(labels.label(for: r).hasSuffix("the product's manufacturer (manufacturers.csv)"))
        // DistB's own row names the maker's product id; DistA's lines take the row for every supplier.
        let b = engine.manufacturer(supplier: engine.supplierKey("DistB"), product: engine.productKey("B-77"))
        #expect(b?.supplier == engine.supplierKey("NetMaker") && b?.product == engine.productKey("SW-48"))
        let a = engine.manufacturer(supplier: engine.supplierKey("DistA"), product: engine.productKey("SW-48"))
        #expect(a?.supplier == engine.supplierKey("NetMaker") && a?.product == engine.productKey("SW-48"))
    }
}
