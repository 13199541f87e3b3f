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
        let run = try workspace.runs.run(id: nil)
        return (run, try corporate(run))
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
        var periods: [ReportingPeriod] = []
        for run in try workspace.runs.list() {
            if let p = run.period, !periods.contains(p) { periods.append(p) }
        }
        periods.sort { $0.end < $1.end }
        return try periods.compactMap { p -> PeriodPoint? in
            let run: CalculationRun
            if let closing = try workspace.runs.closing(of: p) {
                run = try workspace.runs.run(id: closing.runID)
            } else if let latest = try workspace.runs.latestRun(of: p) {
                run = latest
            } else {
                return nil
            }
            return PeriodPoint(period: p, run: run, inventory: try corporate(run).inventory)
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
        let key = "run \(try workspace.runs.run(id: nil).id), \(try workspace.imports.stateKey())"
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
