import FootprintCore
import Testing

@testable import FootprintStore

/// A watching process keeps the term tables of its last engine while their key says they are the
/// same: new figures of the same suppliers keep them; a new supplier, product or category rule makes
/// them again, since a kept table would give the new supplier no key.
@Suite struct TermTablesTests {
    static let texts: [String?] = ["SUP-A", "SUP-B", "laptops", "NOK", nil, "kg", "payroll"]

    func engine(_ disclosures: [(String, Double)]) -> InventoryEngine {
        var reference = ReferenceData()
        reference.disclosures = disclosures.map { supplier, scope1 in
            SupplierDisclosure(
                supplier: supplier,
                year: 2024,
                scope1Tonnes: scope1,
                scope2Tonnes: 1,
                scope3UpstreamTonnes: 10,
                revenue: 1_000_000,
                currency: CurrencyCode("NOK")!
            )
        }
        return InventoryEngine(reference: reference)
    }

    func key(_ engine: InventoryEngine, rules: CategoryRules = .builtIn) -> PackEvaluator.TermTables.Key {
        .init(terms: Self.texts.count, engine: engine, boundary: InventoryBoundary(rules: rules))
    }

    @Test func newFiguresOfTheSameSuppliersKeepTheKey() {
        #expect(key(engine([("SUP-A", 5)])) == key(engine([("SUP-A", 7)])))
    }

    @Test func aNewSupplierOrRuleOrTermChangesIt() {
        let before = engine([("SUP-A", 5)])
        let after = engine([("SUP-A", 5), ("SUP-B", 3)])
        #expect(key(before) != key(after))
        #expect(
            key(before) != key(before, rules: CategoryRules.builtIn.merging([CategoryRule(category: "laptops", exclusion: "test", source: "test")]))
        )
        #expect(key(before) != PackEvaluator.TermTables.Key(terms: Self.texts.count + 1, engine: before, boundary: InventoryBoundary()))
        // What a kept table would have got wrong: the new supplier's key.
        let kept = PackEvaluator.TermTables(engine: before, texts: Self.texts, boundary: InventoryBoundary())
        let made = PackEvaluator.TermTables(engine: after, texts: Self.texts, boundary: InventoryBoundary())
        #expect(kept.supplierKey[1] == .none)
        #expect(made.supplierKey[1] != .none)
    }

    @Test func theCacheMakesThemOnlyWhenTheKeyChanges() {
        let cache = CalculationCache()
        var made = 0
        func tables(_ engine: InventoryEngine) -> PackEvaluator.TermTables {
            cache.termTables(key(engine)) {
                made += 1
                return PackEvaluator.TermTables(engine: engine, texts: Self.texts, boundary: InventoryBoundary(rules: .builtIn))
            }
        }
        _ = tables(engine([("SUP-A", 5)]))
        _ = tables(engine([("SUP-A", 9)]))
        #expect(made == 1)
        let withB = tables(engine([("SUP-A", 9), ("SUP-B", 3)]))
        #expect(made == 2)
        #expect(withB.supplierKey[1] != .none)
    }

    @Test func termNumbersGrowWithTheTerms() {
        let cache = CalculationCache()
        #expect(cache.termNumbers(["a", nil, "b"]) == ["a": 0, "b": 2])
        #expect(cache.termNumbers(["a", nil, "b", "c"]) == ["a": 0, "b": 2, "c": 3])
        // Texts read before another caller's (fewer): numbered afresh, not from the longer list.
        #expect(cache.termNumbers(["a"]) == ["a": 0])
    }
}
