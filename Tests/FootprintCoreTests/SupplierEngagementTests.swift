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
        (80.0, ["A", "B", "C"]), (70.0, ["A", "B"]), (70.001, ["A", "B", "C"]), (50.0, ["A"]), (49.0, ["A"]), (0.0, []), (100.0, ["A", "B", "C", "D"]),
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
