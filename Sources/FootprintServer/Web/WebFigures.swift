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

    /// A Scope 3 category's suppliers in a run: kg and line count of the ledger lines in the inventory.
    struct SupplierSum: Sendable {
        var supplier: String
        var kg = CompensatedSum()
        var lines = 0
    }

    func suppliers(run: CalculationRun, category: Scope3Category) throws -> [SupplierSum] {
        // One pass over the run's lines gives every category's suppliers, kept for the run.
        let all = try cache.suppliers(run: run.id) {
            var sums: [Scope3Category: [String: SupplierSum]] = [:]
            _ = try workspace.runs.runLines(id: run.id) { line in
                guard line.provenance.exclusion == nil else { return }
                sums[line.scope3, default: [:]][line.supplier, default: SupplierSum(supplier: line.supplier)].kg.add(line.kg)
                sums[line.scope3]![line.supplier]!.lines += 1
            }
            return sums.mapValues { bySupplier in
                bySupplier.values.sorted { $0.kg.value != $1.kg.value ? $0.kg.value > $1.kg.value : $0.supplier < $1.supplier }
            }
        }
        return all[category] ?? []
    }

    /// A supplier's lines of a Scope 3 category in a run (in the inventory), in file order.
    func lines(run: CalculationRun, category: Scope3Category, supplier: String) throws -> [RunLine] {
        var result: [RunLine] = []
        _ = try workspace.runs.runLines(id: run.id, filter: RunLineFilter(supplier: supplier)) { line in
            guard line.provenance.exclusion == nil, line.scope3 == category else { return }
            result.append(line)
        }
        return result
    }

    func supplierNames() -> [String: String] { (try? workspace.imports.supplierNames()) ?? [:] }

    /// The latest run's allocation to the customers (Scope 2 market-based, as `customers statement`'s default).
    func allocation() throws -> CustomerAllocation {
        try workspace.customers.allocate(runID: nil, scope2Basis: .market)
    }

    /// A customer's statement in `language`, as `customers statement ID --language` gives it.
    func statement(_ allocation: CustomerAllocation, customer: String, language: StatementLanguage) -> CustomerStatement {
        var context = allocation.context(verified: false)
        context.customers = context.customers.mapValues { ($0.name, language) }
        return allocation.allocation.statement(for: customer, context: context)
    }
}
