import FootprintCore
import Testing

/// Emissions a supplier allocates to the company (supplier_allocations.csv, CDP's supply chain
/// allocation table) are that relationship's own figure: spread over the year's lines by revenue, they
/// come before the supplier's company-wide intensity, in their own year only.
@Suite("Supplier allocations")
struct SupplierAllocationTests {
    static func allocation(_ supplier: String, _ year: Int, tonnes: Double, basis: Double, _ currency: String, scopes: Set<Int>) -> SupplierDisclosure
    {
        var d = disclosure(supplier, year, 0, 0, 0, revenue: basis, currency)
        d.allocation = SupplierDisclosure.Allocation(tonnes: tonnes, scopes: scopes)
        return d
    }

    /// Host discloses (100 + 200 + 700) t on NOK 10,000,000 revenue: 100 g per NOK. It allocates 30 t of
    /// its 2024 emissions to the company, which bought NOK 1,200,000 from it that year: 25 g per NOK.
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [spendFactor("hosting", 0.5, "NOK")],
            exchangeRates: [code("NOK"): [2023: 10, 2024: 10], code("EUR"): [2024: 0.9]],
            disclosures: [
                disclosure("Host", 2023, 100, 200, 700, revenue: 10_000_000, "NOK"),  // 0
                allocation("Host", 2024, tonnes: 30, basis: 1_200_000, "NOK", scopes: [1, 2, 3]),  // 1
                allocation("Small", 2024, tonnes: 2, basis: 100_000, "NOK", scopes: [1, 2]),  // 2: no Scope 3
            ]
        )
    )

    @Test func theAllocationOfTheLinesYearComesFirst() {
        // 2024: NOK 40,000 x 30,000 kg / 1,200,000 = 1,000 kg (the company-wide 2023 intensity would give 4,000).
        let r = engine.evaluate(supplier: "Host", category: "hosting", amount: 40_000)
        #expect(r.method == .hybrid && r.sourceIndex == 1)
        #expect(close(r.kg, 1000))
        // 2023: no allocation for that year: the company-wide disclosure, 100 g per NOK.
        let earlier = engine.evaluate(supplier: "Host", category: "hosting", year: 2023, amount: 40_000)
        #expect(earlier.sourceIndex == 0 && close(earlier.kg, 4000))
        // In another currency: EUR 900 at 0.9 per USD and 10 NOK per USD is NOK 10,000: 250 kg.
        let eur = engine.evaluate(supplier: "Host", category: "hosting", currency: "EUR", amount: 900)
        #expect(eur.sourceIndex == 1 && close(eur.kg, 250))
        #expect(eur.activity * engine.figure(method: .hybrid, supplier: engine.supplierKey("Host"), product: .none, rank: eur.rank) == eur.kg)
    }

    @Test func spreadByRevenueTheLinesAddUpToTheAllocation() {
        // The year's purchases are the allocation's basis: their figures add up to the 30 t allocated.
        let amounts: [Double] = [500_000, 250_000, 300_000, 150_000]
        let kg = amounts.map { engine.evaluate(supplier: "Host", category: "hosting", amount: $0).kg }.reduce(0, +)
        #expect(close(kg, 30_000))
    }

    @Test func anAllocationWithoutScope3FallsThrough() {
        // Scopes 1 and 2 only leave out what the supplier buys: not used; counted as a fall-through.
        let r = engine.evaluate(supplier: "Small", category: "hosting", amount: 10_000)
        #expect(r.method == .spendBased && r.note == .disclosureIncomplete)
        #expect(close(r.kg, 5000))
    }

    @Test func theSourceSaysItIsAnAllocation() {
        var d = Self.allocation("Host", 2024, tonnes: 30, basis: 1_200_000, "NOK", scopes: [1, 2, 3])
        d.allocation?.requestingMember = "Fjellvind IT AS"
        d.allocation?.verified = true
        d.allocation?.uncertaintyPercent = "10"
        #expect(
            d.label
                == "allocation by Host for 2024 (Scopes 1, 2, 3, by revenue): 30.0 t x 1000 / 1200000.0 NOK bought; requested by Fjellvind IT AS; verified; uncertainty 10%"
        )
        #expect(d.kgPerCurrencyUnit == 0.025)
    }
}
