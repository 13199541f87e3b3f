import FootprintCore
import Testing

/// A disclosure qualifies for the hybrid method only when it is complete for what the supplier sells:
/// upstream Scope 3 above zero and, where it states its categories, Category 1. A supplier whose
/// disclosures are all incomplete has its lines counted as a fall-through to the next rule.
@Suite("Disclosure coverage")
struct DisclosureCoverageTests {
    static func disclosure(_ supplier: String, categories: Set<Int>?, s3: Double = 900) -> SupplierDisclosure {
        var d = FootprintCoreTests.disclosure(supplier, 2024, 50, 50, s3, revenue: 1_000_000, "NOK")
        d.scope3Categories = categories
        return d
    }

    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [spendFactor("services", 0.2, "NOK")],
            exchangeRates: [code("NOK"): [2024: 10]],
            disclosures: [
                disclosure("Complete", categories: Set(1...8)),  // 1 kg per NOK
                disclosure("Unstated", categories: nil),  // as before: Scope 3 above zero is complete
                disclosure("TravelOnly", categories: [6, 7]),  // 900 t of travel and commuting: not what it buys
                disclosure("NoScope3", categories: nil, s3: 0),
            ]
        )
    )

    @Test func onlyACompleteDisclosureQualifies() {
        // 1,000 NOK: hybrid (50 + 50 + 900) t x 1000 / 1,000,000 = 1 kg/NOK -> 1,000 kg; spend-based 0.2 -> 200 kg.
        #expect(engine.evaluate(supplier: "Complete", category: "services", amount: 1000).kg == 1000)
        #expect(engine.evaluate(supplier: "Unstated", category: "services", amount: 1000).kg == 1000)
        for supplier in ["TravelOnly", "NoScope3"] {
            let r = engine.evaluate(supplier: supplier, category: "services", amount: 1000)
            #expect(r.method == .spendBased)
            #expect(close(r.kg, 200))
            #expect(r.note == .disclosureIncomplete)
            #expect(r.outcome.fellThrough)
            #expect(LineOutcome(byte: r.outcome.byte) == r.outcome)
        }
        #expect(engine.evaluate(supplier: "Complete", category: "services", amount: 1000).note == .none)
    }

    @Test func theFallThroughIsCountedWithItsSpendAndEmissions() {
        let s = inventory(
            [
                TestPurchase(supplier: "TravelOnly", category: "services", digits: 100_050, scale: 2),
                TestPurchase(supplier: "TravelOnly", category: "services", digits: 2000),
                TestPurchase(supplier: "Complete", category: "services", digits: 500),
            ],
            engine: engine
        )
        let tally = s.fallThrough[.disclosureIncomplete(supplier: "TravelOnly")]
        #expect(tally?.lines == 2)
        #expect(tally?.spend[code("NOK")]?.description == "3000.5")
        #expect(close(tally?.kg.value ?? 0, 600.1))
        #expect(s.fallThrough.count == 1)
        #expect(FallThrough.disclosureIncomplete(supplier: "TravelOnly").explanation.contains("without its Category 1"))
    }

    @Test func theReasonSaysWhatIsMissing() {
        #expect(
            Self.disclosure("A", categories: [6, 7]).incompletenessReason
                == "its Scope 3 categories (6-7) leave out Category 1, what the supplier buys"
        )
        #expect(Self.disclosure("A", categories: nil, s3: 0).incompletenessReason == "no upstream Scope 3 reported (scope3_upstream 0.0)")
        var allocation = Self.disclosure("A", categories: nil, s3: 0)
        allocation.allocation = SupplierDisclosure.Allocation(tonnes: 2, scopes: [1, 2])
        #expect(allocation.incompletenessReason == "the allocation covers Scopes 1, 2 only, not Scope 3")
    }

    @Test func runsStoredBeforeTheRuleEvaluateWithoutTheNote() {
        let old = InventoryEngine(reference: engine.reference, incompleteDisclosureFallThrough: false)
        let r = old.evaluate(supplier: "TravelOnly", category: "services", amount: 1000)
        #expect(r.method == .spendBased && r.note == .none)
    }

    @Test func evidenceIsShownInTheProvenance() {
        var d = Self.disclosure("Complete", categories: [1, 2, 3, 4, 6])
        d.assurance = .limited
        d.scope2Basis = .market
        d.sourceDocument = "Sustainability report 2024"
        #expect(d.evidenceText == "Scope 3 Categories 1-4, 6; limited assurance; market-based Scope 2; source: Sustainability report 2024")
        let e = InventoryEngine(reference: ReferenceData(exchangeRates: [code("NOK"): [2024: 10]], disclosures: [d]))
        let r = e.evaluate(supplier: "Complete", amount: 10)
        #expect(
            ProvenanceLabels(engine: e).label(for: r).hasSuffix(
                "; Scope 3 Categories 1-4, 6; limited assurance; market-based Scope 2; source: Sustainability report 2024"
            )
        )
    }
}
