public import FootprintCore

/// The service footprints' view of an allocation: the hardware that service_pools.csv gives a
/// service life (`service_life_years`) is charged to each period of its life, straight-line, instead
/// of in full in the period it was bought (the inventory's view, which the GHG Protocol asks of
/// capital goods in Category 2). Both views are shown side by side; the statements and the
/// inventory keep the inventory's view.
public struct ServiceLifeView: Sendable {
    /// Per pool index: what the rows with a service life selected in the period (in the inventory),
    /// and their charge for the period (a share of each earlier period's purchases within the life).
    public var current: [Int: ComponentSums]
    public var charge: [Int: ComponentSums]
    /// The earlier periods read, with their run, and those without a run (their purchases are not in the charge).
    public var periodsRead: [(period: String, run: Int64)]
    public var missingPeriods: [String]
    /// The pools shared with their service-life sums.
    public var allocation: ServiceAllocation
}

extension CustomerStore {
    /// The service-life view of `a`, or nil when no pool row gives a service life. Each earlier period
    /// within the longest life is read from its published run (a closed period) or its latest run.
    public func serviceLifeView(_ a: CustomerAllocation) throws(WorkspaceError) -> ServiceLifeView? {
        let pools = a.data.pools
        let spreading = pools.indices.filter { pools[$0].spreadsHardware }
        guard !spreading.isEmpty else { return nil }
        let longest = spreading.flatMap { pools[$0].selectors.compactMap(\.serviceLifeYears) }.max() ?? 1
        let runs = workspace.runs
        var current: [Int: ComponentSums] = [:]
        var charge: [Int: ComponentSums] = [:]
        var read: [(String, Int64)] = []
        var missing: [String] = []
        for age in 0..<longest {
            let run: CalculationRun
            if age == 0 {
                run = a.run
            } else {
                guard let period = ReportingPeriod(fiscalYear: a.period.year - age, startMonth: a.period.startMonth) else { break }
                var id = try runs.closing(of: period)?.runID
                if id == nil { id = try runs.latestRun(of: period)?.id }
                guard let id else {
                    missing.append(period.name)
                    continue
                }
                run = try runs.run(id: id)
                read.append((period.name, run.id))
            }
            // One pseudo-pool per pool and life: index x 64 + years, only for rows whose life covers this age.
            let inputs = try runs.allocationInputs(run: run, scope2Basis: a.scope2Basis) { c in
                let category = c.scope3Category == 0 ? nil : c.scope3Category
                for i in spreading {
                    guard pools[i].matches(scope: c.scope, scope3Category: category, supplier: c.supplier, category: c.category, site: c.site)
                    else { continue }
                    guard
                        let life = pools[i].serviceLife(
                            scope: c.scope,
                            scope3Category: category,
                            supplier: c.supplier,
                            category: c.category,
                            site: c.site
                        ),
                        life > age
                    else { return [] }
                    return [i * 64 + life]
                }
                return []
            }
            for (index, sums) in inputs.pools {
                let (pool, life) = (index / 64, Int128(index % 64))
                if age == 0 { current[pool, default: [:]].add(sums) }
                for (component, nano) in sums { charge[pool, default: [:]][component, default: 0] += nano / life }
            }
        }
        var poolInputs = a.poolInputs
        for i in poolInputs.indices {
            var sums = poolInputs[i].sums
            for (component, nano) in current[i] ?? [:] { sums[component, default: 0] -= nano }
            sums.add(charge[i] ?? [:])
            poolInputs[i].sums = sums.filter { $0.value != 0 }
        }
        let allocation: ServiceAllocation
        do {
            allocation = try ServiceAllocation(
                pools: poolInputs,
                uses: a.uses,
                direct: a.allocation.direct.merging(a.allocation.unknownCustomers) { x, _ in x },
                unpooled: a.allocation.unpooled,
                knownCustomers: Set(a.data.customers.map(\.id))
            )
        } catch { throw .conflict(error.description) }
        return ServiceLifeView(current: current, charge: charge, periodsRead: read, missingPeriods: missing, allocation: allocation)
    }
}
