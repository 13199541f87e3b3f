import FootprintCore
import Foundation
import Testing

@testable import FootprintStore

/// The engagement KPIs credited to the invoicing supplier or to the product's manufacturer
/// (manufacturers.csv): only the credit moves; every boundary's emissions are the inventory's.
@Suite struct EngagementAttributionTests {
    static let nano: Int128 = 1_000_000_000

    /// M (SBTi targets set) makes P1 (for every supplier) and P2 (for D2 only); X, not in the register,
    /// makes P3. D1 and D2 are distributors without targets. IT is 0.5 kg per USD, all Category 1.
    /// D1: P1 1000 USD (500 kg), its own 2000 USD (1000 kg), P3 200 USD (100 kg); D2: P2 600 USD (300 kg),
    /// P1 400 USD (200 kg); M itself 100 USD (50 kg). Inventory 2150 kg.
    static func workspace() throws -> TemporaryWorkspace {
        let t = try TemporaryWorkspace()
        let ws = t.workspace
        _ = try ws.importFile(.suppliers, t.file("suppliers.csv", "id,name,country\nM,Maker AS,NO\nD1,Dist One AS,NO\nD2,Dist Two AB,SE\n"))
        _ = try ws.importFile(.factors, t.file("factors.csv", "category,name,kgco2e_per_unit,unit,price_year,source\nIT,IT,0.5,USD,2024,test\n"))
        _ = try ws.importFile(.rates, t.file("rates.csv", "currency,year,per_usd\nUSD,2024,1\n"))
        _ = try ws.importFile(.priceIndex, t.file("price_index.csv", "year,index\n2024,100\n"))
        _ = try ws.importFile(
            .manufacturers,
            t.file("manufacturers.csv", "product,manufacturer,manufacturer_product,supplier\nP1,M,,\nP2,M,,D2\nP3,X,,\n")
        )
        _ = try ws.importFile(
            .purchases,
            t.file(
                "purchases.csv",
                """
                id,date,supplier,category,amount,currency,product,scope3_category
                L1,2024-01-10,D1,IT,1000,USD,P1,1
                L2,2024-01-11,D1,IT,2000,USD,,1
                L3,2024-01-12,D1,IT,200,USD,P3,1
                L4,2024-02-10,D2,IT,600,USD,P2,1
                L5,2024-02-11,D2,IT,400,USD,P1,1
                L6,2024-03-10,M,IT,100,USD,,1

                """
            )
        )
        _ = try ws.suppliers.importSupplierStatus(
            path: t.file("status.csv", "supplier,fact,value,source,checked_on\nM,sbti,targets set,test,2025-01-01\nD1,sbti,none,test,2025-01-01\n"),
            displayName: "status.csv"
        )
        return t
    }

    @Test func theManufacturersTargetCoversItsDistributorsLines() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        let run = try ws.runs.calculate(CalculationOptions(full: true))
        let bySupplier = try ws.suppliers.engagementKPIs(attribution: .supplier).kpis
        let byMaker = try ws.suppliers.engagementKPIs(attribution: .manufacturer).kpis
        let s = try #require(bySupplier.figures(.categories1And2))
        let m = try #require(byMaker.figures(.categories1And2))
        // The denominator is the inventory's, under either attribution.
        #expect(s.nanoKg == 2150 * Self.nano && m.nanoKg == 2150 * Self.nano && run.aggregate.total.totalNanoKg == 2150 * Self.nano)
        #expect(s.lines == m.lines && s.spend == m.spend)
        // Supplier: M's own 50 kg. Manufacturer: M's 50 kg and the 1000 kg of its products D1 and D2 sold.
        #expect(s.targetsSetNanoKg == 50 * Self.nano)
        #expect(m.targetsSetNanoKg == 1050 * Self.nano)
        #expect(m.targetsSetNanoKg - s.targetsSetNanoKg == (500 + 300 + 200) * Self.nano, "the share moves by exactly the kg of M's products")
        #expect(m.targetsSetLines == 4 && s.targetsSetLines == 1)
        #expect(byMaker.targetsSetSuppliers == ["M"] && bySupplier.targetsSetSuppliers == ["M"])
        // X is not in the register: its 100 kg are counted, as without targets set, and named.
        #expect(byMaker.manufacturersNotInRegister == ["X": 100 * Self.nano])
        #expect(byMaker.movedToManufacturersNanoKg == 1100 * Self.nano)
        #expect(bySupplier.manufacturersNotInRegister.isEmpty && bySupplier.attribution == .supplier && byMaker.attribution == .manufacturer)
        #expect(abs((m.emissionShare ?? 0) - 1050.0 / 2150.0) < 1e-12)
    }

    @Test func theTargetsAttributionIsStoredWithTheRunsKPIs() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        let makers = EngagementTarget(sharePercent: "67", deadline: "2029-12-31", attribution: .manufacturer)
        try ws.suppliers.setEngagementTarget(makers)
        #expect(try ws.suppliers.engagementTarget()?.attribution == .manufacturer)
        let run = try ws.runs.calculate(CalculationOptions(full: true))
        let snapshot = try ws.suppliers.kpiSnapshot(run: run)
        #expect(snapshot.kpis.attribution == .manufacturer)
        #expect(snapshot.kpis.figures(.categories1And2)?.targetsSetNanoKg == 1050 * Self.nano)
        #expect(snapshot.kpis.manufacturersNotInRegister == ["X": 100 * Self.nano])
        // Without --attribute, the on-demand KPIs use the target's.
        #expect(try ws.suppliers.engagementKPIs().kpis.attribution == .manufacturer)
        try ws.suppliers.setEngagementTarget(EngagementTarget(sharePercent: "67", deadline: "2029-12-31"))
        #expect(try ws.suppliers.engagementKPIs().kpis.attribution == .supplier)
        // The stored snapshot keeps the attribution it was computed with.
        #expect(try ws.suppliers.kpiHistory().map(\.kpis.attribution) == [.manufacturer])
        // A share is tracked only under the target's attribution, and so is the path's baseline.
        #expect(snapshot.kpis.trackedShare(makers) == 1050.0 / 2150.0)
        #expect(try ws.suppliers.engagementKPIs(attribution: .supplier).kpis.trackedShare(makers) == nil)
        let suppliers = EngagementTarget(sharePercent: "67", deadline: "2029-12-31")
        #expect(snapshot.kpis.trackedShare(suppliers) == nil)
        #expect(try ws.suppliers.kpiBaseline(for: suppliers) == nil)
        let second = try ws.runs.calculate(CalculationOptions(full: true))
        #expect(try ws.suppliers.kpiBaseline(for: suppliers)?.run == second.id)
        #expect(try ws.suppliers.kpiBaseline(for: makers)?.run == run.id)
    }

    @Test func aRunWithoutItsManufacturedLinesCannotCreditManufacturers() throws {
        var a = InventoryAggregate()
        a.hasManufactured = false
        #expect(AttributedCells(aggregate: a, attribution: .manufacturer) == nil)
        #expect(AttributedCells(aggregate: a, attribution: .supplier) != nil)
        let message = WorkspaceError.noManufacturedLines(run: 3).description
        #expect(message.contains("run #3") && message.contains("calculate --full") && message.contains("--attribute supplier"))
    }

    // MARK: property

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ values: [T]) -> T { values[int(0...values.count - 1)] }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    }

    /// A generated workspace: suppliers S0...S5 in the register (S6 and the makers K0, K1 not),
    /// products Q0...Q5 with manufacturers for every supplier or one, credit notes, lines in
    /// Categories 1, 2 and 4, an unmapped category, random SBTi statuses.
    static func generated(seed: UInt64) throws -> (TemporaryWorkspace, manufacturers: [(product: String, maker: String, supplier: String?)]) {
        var g = Generator(state: seed)
        let t = try TemporaryWorkspace()
        let ws = t.workspace
        let registered = (0...5).map { "S\($0)" }
        let invoicing = registered + ["S6"]
        let makers = ["S0", "S1", "S2", "K0", "K1"]
        _ = try ws.importFile(
            .suppliers,
            t.file("suppliers.csv", "id,name,country\n" + registered.map { "\($0),Supplier \($0),NO" }.joined(separator: "\n") + "\n")
        )
        _ = try ws.importFile(
            .factors,
            t.file("factors.csv", "category,name,kgco2e_per_unit,unit,price_year,source\nIT,IT,0.37,USD,2024,test\nHW,HW,1.9,USD,2024,test\n")
        )
        _ = try ws.importFile(.rates, t.file("rates.csv", "currency,year,per_usd\nUSD,2024,1\nEUR,2024,0.9\n"))
        _ = try ws.importFile(.priceIndex, t.file("price_index.csv", "year,index\n2024,100\n"))
        var made: [(product: String, maker: String, supplier: String?)] = []
        for p in 0...5 {
            if g.chance(70) { made.append(("Q\(p)", g.pick(makers), nil)) }
            if g.chance(40) { made.append(("Q\(p)", g.pick(makers), g.pick(invoicing))) }
        }
        // One row per (product, supplier): the any-supplier row and one supplier's row may both be there.
        var seen: Set<String> = []
        made = made.filter { seen.insert("\($0.product)|\($0.supplier ?? "")").inserted }
        _ = try ws.importFile(
            .manufacturers,
            t.file(
                "manufacturers.csv",
                "product,manufacturer,manufacturer_product,supplier\n"
                    + made.map { "\($0.product),\($0.maker),,\($0.supplier ?? "")" }.joined(separator: "\n")
                    + "\n"
            )
        )
        var rows = ["id,date,supplier,category,amount,currency,product,scope3_category"]
        for i in 0..<g.int(40...120) {
            let amount = (g.chance(10) ? -1 : 1) * g.int(1...90_000)
            let product = g.chance(75) ? "Q\(g.int(0...6))" : ""
            let category = g.pick(["IT", "IT", "HW", "XX"])
            let scope3 = g.pick(["1", "1", "2", "4", ""])
            rows.append(
                "L\(i),2024-0\(g.int(1...9))-1\(g.int(0...9)),\(g.pick(invoicing)),\(category),\(amount / 100).\(abs(amount) % 100),\(g.pick(["USD", "EUR"])),\(product),\(scope3)"
            )
        }
        _ = try ws.importFile(.purchases, t.file("purchases.csv", rows.joined(separator: "\n") + "\n"))
        var status = ["supplier,fact,value,source,checked_on"]
        for s in registered where g.chance(60) { status.append("\(s),sbti,\(g.pick(["targets set", "committed", "none"])),test,2025-01-01") }
        if status.count > 1 {
            _ = try ws.suppliers.importSupplierStatus(path: t.file("status.csv", status.joined(separator: "\n") + "\n"), displayName: "status.csv")
        }
        return (t, made)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func bothAttributionsAgreeWithTheInventory(seed: UInt64) throws {
        let (t, made) = try Self.generated(seed: seed)
        defer { t.cleanUp() }
        let ws = t.workspace
        let run = try ws.runs.calculate(CalculationOptions(full: true))
        let targetsSet = Set(
            try ws.suppliers.supplierOverviews(withRun: false).filter { $0.latest[.sbti]?.sbtiStatus == .targetsSet }.map(\.record.id)
        )
        // Independently, from the run's lines: each line's manufacturer by the rule (its supplier's row, else the row for all).
        var lines: [RunLine] = []
        _ = try ws.runs.runLines(id: run.id) { lines.append($0) }
        func maker(_ line: RunLine) -> String? {
            guard let product = line.product else { return nil }
            let row =
                made.first { $0.product == product && $0.supplier == line.supplier } ?? made.first { $0.product == product && $0.supplier == nil }
            return row?.maker
        }
        for attribution in EngagementAttribution.allCases {
            let k = try ws.suppliers.engagementKPIs(attribution: attribution).kpis
            let cells = try #require(AttributedCells(aggregate: run.aggregate, attribution: attribution))
            #expect(run.aggregate.total.totalNanoKg != 0 && (attribution == .supplier || !run.aggregate.manufactured.isEmpty))
            // Per credited supplier, the shares add up to the inventory.
            #expect(cells.bySupplier.values.reduce(Int128(0)) { $0 + $1.totalNanoKg } == run.aggregate.total.totalNanoKg)
            #expect(cells.bySupplier.values.reduce(0) { $0 + $1.totalLines } == run.aggregate.total.totalLines)
            #expect(cells.bySupplierScope3.values.reduce(Int128(0)) { $0 + $1.totalNanoKg } == run.aggregate.total.totalNanoKg)
            #expect(k.totalNanoKg == run.aggregate.total.totalNanoKg)
            for boundary in EngagementBoundary.allCases {
                let f = try #require(k.figures(boundary))
                let inventory = boundary.categories.compactMap { run.aggregate.cells(.scope3)["3.\($0)"] }
                // The denominator is the inventory's boundary total whichever attribution is chosen.
                #expect(f.nanoKg == inventory.reduce(Int128(0)) { $0 + $1.totalNanoKg }, "\(attribution) \(boundary)")
                #expect(f.lines == inventory.reduce(0) { $0 + $1.totalLines })
                // The numerator from the lines, credited by the rule.
                var expected: Int128 = 0
                for line in lines where line.provenance.exclusion == nil && boundary.categories.contains(line.scope3.rawValue) {
                    var credited = line.supplier
                    if attribution == .manufacturer, let m = maker(line) { credited = m }
                    if targetsSet.contains(credited) { expected += line.method == nil ? 0 : AggregateAccumulator.nanoKg(line.kg) }
                }
                #expect(f.targetsSetNanoKg == expected, "seed \(seed) \(attribution) \(boundary)")
            }
        }
        // An incremental run after a supplier's new figures keeps the manufactured lines exact.
        _ = try ws.importFile(
            .supplierEmissions,
            t.file("e.csv", "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nS1,2024,10,10,500,1000000,USD\n")
        )
        let incremental = try ws.runs.calculate(CalculationOptions())
        #expect(try ws.runs.calculate(CalculationOptions(full: true)).aggregate == incremental.aggregate)
    }
}
