import FootprintCore
import FootprintImport
import FootprintStore
import Foundation

/// The figures of the pages, from the functions the CLI prints from: the latest run
/// (`RunStore.run`), its corporate inventory (`RunStore.corporateInventory`, as `calculate --json`
/// and `report --corporate`), its lines with their provenance (`RunStore.runLines`, as `runs lines`),
/// and the customers' allocation and statements (`CustomerStore.allocate`, as `customers statement`).
/// Nothing here calculates a figure of its own; it only sums the lines a page groups.
struct WebFigures {
    let workspace: Workspace
    let cache: WebCache

    /// The latest run and its corporate inventory.
    func latest() throws -> (CalculationRun, CorporateResult) {
        guard let id = try workspace.runs.ids().last?.id else { throw WorkspaceError.noRuns }
        let run = try self.run(id)
        return (run, try corporate(run))
    }

    /// A run, decoded once (its inventory is some megabytes at scale).
    func run(_ id: Int64) throws -> CalculationRun {
        try cache.run(run: id) { try workspace.runs.run(id: id) }
    }

    /// A run's corporate inventory (`RunStore.corporateInventory`), made once per run.
    func corporate(_ run: CalculationRun) throws -> CorporateResult {
        try cache.corporate(run: run.id) { try workspace.runs.corporateInventory(run) }
    }

    /// One reporting period's figure: its published run when closed, else its latest run.
    struct PeriodPoint {
        var period: ReportingPeriod
        var run: CalculationRun
        var inventory: CorporateInventory
    }

    /// Every reporting period the runs cover, oldest first.
    func trend() throws -> [PeriodPoint] {
        var latest: [ReportingPeriod: Int64] = [:]
        for (id, period) in try workspace.runs.ids() { if let period { latest[period] = id } }
        return try latest.keys.sorted { $0.end < $1.end }.map { p in
            let run = try self.run(try workspace.runs.closing(of: p)?.runID ?? latest[p]!)
            return PeriodPoint(period: p, run: run, inventory: try corporate(run).inventory)
        }
    }

    /// A run's row on the runs page (as `runs list`), kept by run: a few numbers, not the run.
    struct RunRow: Sendable {
        var id: Int64
        var createdAt: String
        var period: String
        var kind: String
        var parentID: Int64?
        var lineCount: Int
        var recomputedLines: Int
        var totalKg: Double
    }

    func runRows() throws -> [RunRow] {
        try workspace.runs.ids().map { id, _ in
            try cache.runRow(run: id) {
                let r = try self.run(id)
                return RunRow(
                    id: r.id,
                    createdAt: r.createdAt,
                    period: r.period?.name ?? "all",
                    kind: r.kind.rawValue,
                    parentID: r.parentID,
                    lineCount: r.lineCount,
                    recomputedLines: r.recomputedLines,
                    totalKg: r.aggregate.total.kg
                )
            }
        }
    }

    /// The engagement target and the tracked share stored with each run (`engagement kpis --history`).
    func engagement() throws -> (EngagementTarget, [(date: String, run: Int64, share: Double)])? {
        guard let target = try workspace.suppliers.engagementTarget() else { return nil }
        let history = try workspace.suppliers.kpiHistory().compactMap { s in
            s.kpis.trackedShare(target).map { (date: s.date, run: s.run, share: $0) }
        }
        return (target, history)
    }

    /// A Scope 3 category's suppliers in a run: line count and kg of the ledger lines in the
    /// inventory, kg as the inventory sums them (each line to the nearest nano-kilogram, exactly).
    struct SupplierSum: Sendable {
        var supplier: String
        var nanoKg: Int128 = 0
        var lines = 0
        var kg: Double { Double(nanoKg) / 1e9 }
    }

    /// Every Scope 3 category's suppliers: the run's stored supplier x Scope 3 category grouping
    /// (`InventoryAggregate.supplierScope3`, the cells `calculate` and `runs lines` sum to), read
    /// without a line; a run stored before that grouping existed has its lines summed once instead.
    func suppliers(run: CalculationRun, category: Scope3Category) throws -> [SupplierSum] {
        let all = try cache.suppliers(run: run.id) {
            var sums: [Scope3Category: [String: SupplierSum]] = [:]
            if run.aggregate.hasSupplierScope3 {
                for (key, cell) in run.aggregate.cells(.supplierScope3) {
                    guard let (n, supplier) = InventoryAggregate.splitSupplierScope3Key(key), let c = Scope3Category(rawValue: n) else { continue }
                    sums[c, default: [:]][supplier] = SupplierSum(supplier: supplier, nanoKg: cell.totalNanoKg, lines: cell.totalLines)
                }
            } else {
                _ = try workspace.runs.runLines(id: run.id) { line in
                    guard line.provenance.exclusion == nil else { return }
                    sums[line.scope3, default: [:]][line.supplier, default: SupplierSum(supplier: line.supplier)].nanoKg +=
                        line.provenance.method == nil ? 0 : AggregateAccumulator.nanoKg(line.kg)
                    sums[line.scope3]![line.supplier]!.lines += 1
                }
            }
            return sums.mapValues { bySupplier in
                bySupplier.values.sorted { $0.nanoKg != $1.nanoKg ? $0.nanoKg > $1.nanoKg : $0.supplier < $1.supplier }
            }
        }
        return all[category] ?? []
    }

    /// A supplier's lines in a run, through its packs only (`RunLineReader.supplierLines`), kept per run and supplier.
    func supplierLines(run: CalculationRun, supplier: String) throws -> (RunLineReader, RunSupplierLines) {
        let reader = try cache.reader(run: run.id) { try workspace.runs.lineReader(id: run.id) }
        return (reader, try cache.supplierLines(run: run.id, supplier: supplier) { try reader.supplierLines(supplier) })
    }

    func supplierNames() -> [String: String] { (try? workspace.imports.supplierNames()) ?? [:] }

    /// The latest run's allocation to the customers (Scope 2 market-based, as `customers statement`'s default),
    /// kept while the latest run, the imports in force and the settings stay as they are.
    func allocation() throws -> CustomerAllocation { try keyedAllocation().allocation }

    private func keyedAllocation() throws -> (key: String, allocation: CustomerAllocation) {
        let key = "run \(try workspace.runs.ids().last?.id ?? 0), \(try workspace.imports.stateKey())"
        return (key, try cache.allocation(key: key) { try workspace.customers.allocate(runID: nil, scope2Basis: .market) })
    }

    /// The latest run's allocation and every customer's statement from it in `language`, kept with it.
    func statements(language: StatementLanguage) throws -> (CustomerAllocation, [(Customer, CustomerStatement)]) {
        let (key, allocation) = try keyedAllocation()
        let statements = cache.statements(key: key, language: language.rawValue) {
            allocation.data.customers.map { c in (c, statement(allocation, customer: c.id, language: language)) }
        }
        return (allocation, statements)
    }

    /// A customer's statement in `language`, as `customers statement ID --language` gives it.
    func statement(_ allocation: CustomerAllocation, customer: String, language: StatementLanguage) -> CustomerStatement {
        var context = allocation.context(verified: false)
        context.customers = context.customers.mapValues { ($0.name, language) }
        return allocation.allocation.statement(for: customer, context: context)
    }
}
