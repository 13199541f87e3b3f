import Foundation
import Testing

@testable import FootprintCore

/// Segmentation and engagement KPIs on hand-computed inventories.
@Suite struct SupplierEngagementTests {
    static let nok = CurrencyCode("NOK")!
    static let nano: Int128 = 1_000_000_000
    static let unit: Int128 = 1_000_000_000_000_000_000

    /// An inventory of suppliers given as (id, [(method index, lines, kg)], NOK spend); the total is their sum.
    static func inventory(_ suppliers: [(String, [(Int, Int, Int)], Int)]) -> InventoryAggregate {
        var a = InventoryAggregate()
        var cells: [String: InventoryAggregate.Cell] = [:]
        for (id, parts, spend) in suppliers {
            var cell = InventoryAggregate.Cell()
            for (m, lines, kg) in parts {
                cell.lines[m] += lines
                cell.nanoKg[m] += Int128(kg) * nano
            }
            cell.spend[nok] = Int128(spend) * unit
            cells[id] = cell
            a.total.add(cell)
        }
        a.groups[.supplier] = cells
        return a
    }

    static let ranked = inventory([
        ("D", [(3, 1, 10)], 100), ("C", [(2, 2, 20)], 200), ("A", [(0, 1, 30), (3, 4, 20)], 500), ("B", [(3, 2, 20)], 200),
        ("E", [(4, 3, 0)], 50),
    ])
    static let register = [SupplierRecord(id: "A", name: "Alfa AS", strategic: false), SupplierRecord(id: "D", name: "Delta AS", strategic: true)]

    @Test func rankingIsByEmissionsThenID() {
        let s = SupplierSegmentation(aggregate: Self.ranked, register: Self.register)
        #expect(s.entries.map(\.supplier) == ["A", "B", "C", "D", "E"])
        #expect(s.entries.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(s.totalKg == 100)
        #expect(s.entries[0].name == "Alfa AS" && s.entries[1].name == nil && s.entries[3].flaggedStrategic)
        #expect(s.entries.map(\.cumulativeNanoKg) == [50, 70, 90, 100, 100].map { Int128($0) * Self.nano })
        // A: 20 kg spend-based would move; B 20 spend-based; C 20 average-data; E unmapped, nothing.
        #expect(s.entries.map(\.movableKg) == [20, 20, 20, 10, 0])
        #expect(s.entries[0].lines == [1, 0, 0, 4, 0] && s.entries[0].kg(method: 0) == 30)
        #expect(s.entries[0].spend[Self.nok] == 500 * Self.unit)
    }

    @Test(arguments: [
        (80.0, ["A", "B", "C"]), (70.0, ["A", "B"]), (70.001, ["A", "B", "C"]), (50.0, ["A"]), (49.0, ["A"]), (0.0, []),
        (100.0, ["A", "B", "C", "D"]),
    ])
    func strategicSetIsTheSmallestPrefixCoveringTheShare(coverage: Double, expected: [String]) {
        let s = SupplierSegmentation(aggregate: Self.ranked, register: Self.register, coverage: coverage)
        #expect(s.strategicSet.map(\.supplier) == expected)
    }

    @Test func tiedSuppliersAtTheBoundaryEnterByID() {
        // B and C both 20 kg: at 70% only one is needed, and it is B.
        let s = SupplierSegmentation(aggregate: Self.ranked, register: [], coverage: 70)
        #expect(s.strategicSet.map(\.supplier) == ["A", "B"] && s.strategicShare == 0.7)
    }

    @Test func creditNotesNeverEnterTheSet() {
        let a = Self.inventory([("A", [(3, 1, 110)], 100), ("Z", [(3, 1, -10)], -10)])
        let s = SupplierSegmentation(aggregate: a, register: [], coverage: 100)
        #expect(s.entries.map(\.supplier) == ["A", "Z"] && s.strategicSet.map(\.supplier) == ["A"])
        #expect(SupplierSegmentation(aggregate: InventoryAggregate(), register: []).entries.isEmpty)
    }

    static func fact(_ supplier: String, _ kind: SupplierStatusKind, _ date: String, sbti: SBTiStatus? = nil) -> SupplierStatusFact {
        var f = SupplierStatusFact(supplier: supplier, kind: kind, source: "test", checkedOn: date)
        f.sbtiStatus = sbti
        if kind == .rba { f.member = true }
        return f
    }

    @Test func kpisOnAHandComputedInventory() {
        // S1: 20 kg supplier-specific (1 line) + 60 kg spend-based (3 lines), 1000 NOK, targets set.
        // S2: 30 kg average-data (2 lines) + 2 unmapped lines (no kg), 500 NOK, committed.
        // S3: a credit note, -10 kg spend-based (1 line), -100 NOK, targets set.
        let a = Self.inventory([
            ("S1", [(0, 1, 20), (3, 3, 60)], 1000), ("S2", [(2, 2, 30), (4, 2, 0)], 500), ("S3", [(3, 1, -10)], -100),
        ])
        let facts = [
            Self.fact("S1", .sbti, "2024-01-01", sbti: SBTiStatus.none), Self.fact("S1", .sbti, "2026-01-10", sbti: .targetsSet),
            Self.fact("S1", .rba, "2025-03-01"), Self.fact("S2", .sbti, "2025-06-01", sbti: .committed),
            Self.fact("S3", .sbti, "2023-02-02", sbti: .targetsSet), Self.fact("S9", .sbti, "2026-01-01", sbti: .targetsSet),
        ]
        let k = EngagementKPIs(aggregate: a, facts: facts, tiers: ["S1": "A", "S2": "B", "S3": "B"], strategic: ["S1", "S2", "S4"])
        #expect(k.totalKg == 100 && k.totalLines == 9)
        // Targets set: S1 80 kg + S3 -10 kg = 70 of 100 kg; 4 + 1 = 5 of 9 lines (unmapped lines count); 900 of 1400 NOK.
        #expect(k.targetsSetSuppliers == ["S1", "S3"])
        #expect(k.targetsSetKg == 70 && k.targetsSetEmissionShare == 0.7)
        #expect(k.targetsSetLines == 5 && k.targetsSetLineShare == 5.0 / 9.0)
        #expect(k.targetsSetSpendShare == [Self.nok: 900.0 / 1400.0])
        // Primary data: 20 kg supplier-specific of 100.
        #expect(k.primaryKg == 20 && k.primaryDataShare == 0.2)
        #expect(k.suppliersPerTier == ["A": 1, "B": 2])
        // Strategic: S1 (newest fact 2026-01-10) and S2 (2025-06-01) assessed; S4 has no fact.
        #expect(k.strategic == ["S1", "S2", "S4"] && k.strategicAssessed == ["S1", "S2"] && k.strategicNotAssessed == ["S4"])
        #expect(k.oldestCheck == "2025-06-01" && k.newestCheck == "2026-01-10")
    }

    @Test func anEmptyInventoryHasNoShares() {
        let k = EngagementKPIs(aggregate: InventoryAggregate(), facts: [])
        #expect(k.targetsSetEmissionShare == nil && k.primaryDataShare == nil && k.targetsSetLineShare == nil && k.oldestCheck == nil)
    }
}

/// The SBTi supplier-engagement metric over Categories 1 and 2, from the supplier x category grouping.
@Suite struct Category12KPITests {
    static let nok = CurrencyCode("NOK")!
    static let nano: Int128 = 1_000_000_000
    static let unit: Int128 = 1_000_000_000_000_000_000

    /// Lines given as (supplier, Scope 3 category, method index, kg, NOK), through the accumulator as the workspace adds them.
    static func inventory(_ lines: [(String, Int, Int, Int, Int)]) -> InventoryAggregate {
        let suppliers = Array(Set(lines.map(\.0))).sorted()
        var acc = AggregateAccumulator(currencyCount: 1)
        for (slot, supplier) in suppliers.enumerated() {
            var l = [Int](repeating: 0, count: 80)
            var n = [Int128](repeating: 0, count: 80)
            var s = [Int128](repeating: 0, count: 16)
            for (_, category, method, kg, spend) in lines.filter({ $0.0 == supplier }) {
                acc.add(
                    method: method,
                    nanoKg: Int128(kg) * nano,
                    category: -1,
                    scope3: category,
                    month: -1,
                    customer: -1,
                    currency: 0,
                    spendUnits: Int128(spend) * unit
                )
                l[category * 5 + method] += 1
                n[category * 5 + method] += Int128(kg) * nano
                s[category] += Int128(spend) * unit
            }
            acc.addSupplier(slot, lines: l, nanoKg: n, spend: s)
        }
        return acc.aggregate(currencies: [nok]) { dimension, slot in dimension == .scope3 ? "3.\(slot)" : suppliers[slot] }
    }

    static func targetsSet(_ ids: [String]) -> [SupplierStatusFact] {
        ids.map { id in
            var f = SupplierStatusFact(supplier: id, kind: .sbti, source: "test", checkedOn: "2026-01-01")
            f.sbtiStatus = .targetsSet
            return f
        }
    }

    @Test func sharesAreExactForSuppliersSpanningCategories() {
        // A: cat 1 500 kg / 1000 NOK, cat 2 4000 kg / 2000 NOK, cat 6 200 kg / 400 NOK, a cat 1 credit note -100 kg / -200 NOK.
        // B: cat 1 1500 kg / 3000 NOK, an unmapped cat 1 line (700 NOK, no kg).
        // C: cat 2 1000 kg / 500 NOK, an unmapped cat 1 line (300 NOK).
        let a = Self.inventory([
            ("A", 1, 3, 500, 1000), ("A", 2, 3, 4000, 2000), ("A", 6, 3, 200, 400), ("A", 1, 3, -100, -200),
            ("B", 1, 3, 1500, 3000), ("B", 1, 4, 0, 700), ("C", 2, 2, 1000, 500), ("C", 1, 4, 0, 300),
        ])
        #expect(a.hasSupplierScope3)
        #expect(a.cells(.supplierScope3)["3.1 A"]?.totalNanoKg == 400 * Self.nano && a.cells(.supplierScope3)["3.6 A"]?.totalLines == 1)
        let k = EngagementKPIs(aggregate: a, facts: Self.targetsSet(["A", "C"]))
        // Categories 1 and 2: 400 + 4000 + 1500 + 1000 = 6900 kg; A and C: 4400 + 1000 = 5400 kg.
        #expect(k.cat12NanoKg == 6900 * Self.nano && k.targetsSetCat12NanoKg == 5400 * Self.nano)
        #expect(k.targetsSetCat12EmissionShare == 5400.0 / 6900.0)
        // Spend: A 2800, B 3700 (unmapped included), C 800 of 7300 NOK; A and C 3600.
        #expect(k.cat12Spend[Self.nok] == 7300 * Self.unit && k.targetsSetCat12Spend[Self.nok] == 3600 * Self.unit)
        #expect(k.targetsSetCat12SpendShare == [Self.nok: 3600.0 / 7300.0])
        #expect(k.cat12Lines == 7 && k.targetsSetCat12Lines == 5)
        // Over all Scope 3: A 4600 + C 1000 of 7100 kg.
        #expect(k.targetsSetEmissionShare == 5600.0 / 7100.0)
        #expect(k.trackedShare(EngagementTarget(sharePercent: "67", deadline: "2027-12-31", basis: .spend)) == 3600.0 / 7300.0)
    }

    @Test func theCrossGroupingSurvivesStorageAndSubtraction() throws {
        let a = Self.inventory([("A", 1, 3, 500, 1000), ("A", 2, 3, 4000, 2000)])
        let b = Self.inventory([("A", 1, 3, 500, 1000)])
        #expect(InventoryAggregate(binary: a.binary()) == a)
        var d = a
        d.add(b, sign: -1)
        #expect(d.cells(.supplierScope3).keys.sorted() == ["3.2 A"])
        // An inventory without the grouping (a run stored before it) has none, and says so.
        var v1 = a
        v1.hasSupplierScope3 = false
        v1.groups[.supplierScope3] = nil
        #expect(Array(v1.binary().prefix(2)) == [7, 0])  // version 7, without the cross grouping
        let cut = InventoryAggregate(binary: v1.binary())
        #expect(cut?.hasSupplierScope3 == false && cut?.cells(.supplier) == a.cells(.supplier))
        var sum = a
        sum.add(try #require(cut))
        #expect(!sum.hasSupplierScope3 && sum.cells(.supplierScope3).isEmpty)
        #expect(!EngagementKPIs(aggregate: sum, facts: Self.targetsSet(["A"])).hasCategoryFigures)
        let split = InventoryAggregate.splitSupplierScope3Key("3.12 SUP 1")
        #expect(split?.scope3 == 12 && split?.supplier == "SUP 1")
    }

    @Test func kpisRoundTripThroughTheirStoredForm() throws {
        let a = Self.inventory([("A", 1, 3, 500, 1000), ("B", 2, 0, -3, -7)])
        let k = EngagementKPIs(aggregate: a, facts: Self.targetsSet(["A"]), tiers: ["A": "B"], strategic: ["A"])
        let encoded = try JSONEncoder().encode(k)
        #expect(try JSONDecoder().decode(EngagementKPIs.self, from: encoded) == k)
    }
}
