public import FootprintCore

/// A run's emissions allocated to the customers in force: the allocation, what it read, and what a
/// statement needs to say about it.
public struct CustomerAllocation: Sendable {
    public var run: CalculationRun
    public var period: ReportingPeriod
    public var scope2Basis: Scope2Basis
    public var allocation: ServiceAllocation
    public var inputs: AllocationInputs
    public var data: CustomerData
    /// Usage rows dated outside the period: not used, counted.
    public var usageRowsOutsidePeriod: Int
    /// Usage rows of the period that were used.
    public var usageRowsInPeriod: Int
    /// Per service, the currency its revenue is in (one per service), when any row gives revenue.
    public var revenueCurrency: [String: String]
    /// Customers in force with no share at all (no usage, no revenue, no purchase made for them).
    public var customersWithoutShare: [String]
    /// The pools as shared (the inventory's view) and the period's usage they were shared by.
    public var poolInputs: [ServiceAllocation.Pool]
    public var uses: [ServiceAllocation.Use]

    /// What a statement of this allocation says about where it came from (`verified`: whether a
    /// third party verified the inventory of the period).
    public func context(verified: Bool) -> ServiceAllocation.StatementContext {
        var services: [String: (name: String, unit: String)] = [:]
        for s in data.services { services[s.id] = (s.name, s.unit) }
        var customers: [String: (name: String, language: StatementLanguage)] = [:]
        for c in data.customers { customers[c.id] = (c.name, c.language) }
        return ServiceAllocation.StatementContext(
            period: period.name,
            firstDay: period.startText,
            lastDay: period.endText,
            runID: run.id,
            scope2Basis: scope2Basis.rawValue,
            verified: verified,
            services: services,
            customers: customers,
            leasedEnergy: inputs.leasedEnergy
        )
    }
}

extension CustomerStore {
    /// Allocates the emissions of run `runID` (the latest when nil) to the customers in force: the
    /// run's purchase lines and activity data sorted into the pools of service_pools.csv (a source
    /// matched by two pools is an error: it would be counted twice), shared by the period's usage
    /// (service_usage.csv), purchases made for a customer passed through. Nothing is stored: the
    /// allocation is made again from the run and the files in force, and equals the period's
    /// inventory exactly (checked). With `verifyingLines`, the run's purchase lines are evaluated again
    /// and checked one by one as they are read (`RunStore.allocationInputs`).
    public func allocate(runID: Int64?, scope2Basis: Scope2Basis, verifyingLines: Bool = false) throws(WorkspaceError) -> CustomerAllocation {
        let runs = workspace.runs
        workspace.logger.phase("allocation: run found")
        let run = try runs.run(id: runID)
        guard let period = run.period else {
            throw .conflict(
                "run #\(run.id) counted every line without a reporting period; allocate a period's run: 'footprint calculate --period 2024' first"
            )
        }
        workspace.logger.phase("allocation: run #\(run.id) read")
        let data = try customerData()
        workspace.logger.phase("allocation: customer files read (\(data.customers.count) customers, \(data.usage.count) usage rows)")
        guard !data.customers.isEmpty else {
            throw .conflict("no customers in force: import them with 'footprint import customers FILE' (docs/customers.md)")
        }
        guard !data.pools.isEmpty || !data.usage.isEmpty else {
            throw .conflict(
                "no service pools in force: import service_pools.csv and service_usage.csv ('footprint import service-pools FILE', docs/customers.md)"
            )
        }
        let pools = data.pools
        // The pools a source's supplier can match: those with a selector naming it, and those with a
        // selector naming no supplier; in file order, as the pools are.
        var bySupplier: [String: [Int]] = [:]
        var anySupplier: [Int] = []
        for (i, pool) in pools.enumerated() {
            if pool.selectors.contains(where: { $0.supplier == nil }) { anySupplier.append(i) }
            for supplier in Set(pool.selectors.compactMap(\.supplier)) { bySupplier[supplier, default: []].append(i) }
        }
        let inputs = try runs.allocationInputs(run: run, scope2Basis: scope2Basis, verifyingLines: verifyingLines) { c in
            let named = c.supplier.flatMap { bySupplier[$0] } ?? []
            let candidates = named.isEmpty ? anySupplier : Array(Set(named + anySupplier)).sorted()
            return candidates.filter {
                pools[$0].matches(
                    scope: c.scope,
                    scope3Category: c.scope3Category == 0 ? nil : c.scope3Category,
                    supplier: c.supplier,
                    category: c.category,
                    site: c.site
                )
            }
        }
        workspace.logger.phase("allocation: inputs sorted into \(pools.count) pools")
        if let (indices, overlap) = inputs.overlaps.sorted(by: { $0.value.nanoKg > $1.value.nanoKg }).first {
            let names = indices.map { "'\(pools[$0].id)'" }.joined(separator: " and ")
            throw .conflict(
                "pools \(names) both select \(overlap.lines) line(s) of \(ChangeAttribution.exactKg(overlap.nanoKg)) kg CO2e (and \(inputs.overlaps.count - 1) other overlap(s)); a source belongs to one pool, or it would be counted twice: make the selectors of service_pools.csv disjoint"
            )
        }
        // The period's usage, one currency of revenue per service.
        var uses: [ServiceAllocation.Use] = []
        var outside = 0
        var currency: [String: String] = [:]
        for u in data.usage {
            let day = Int32(u.year * 10000 + u.month * 100 + 1)
            guard period.contains(day) else {  // periods start on a month's first day
                outside += 1
                continue
            }
            if let c = u.currency, u.revenue != nil {
                if let known = currency[u.service], known != c {
                    let place = u.location.map { "\($0.file):\($0.line): " } ?? ""
                    throw .conflict(
                        "\(place)the revenue of \(u.service) is in \(known) and \(c); expected one currency per service, so that revenue can share a pool"
                    )
                }
                currency[u.service] = c
            }
            uses.append(.init(customer: u.customer, service: u.service, quantity: u.quantity, revenue: u.revenue ?? 0))
        }
        let poolInputs = pools.indices.map { i in
            ServiceAllocation.Pool(
                id: pools[i].id,
                service: pools[i].service,
                key: pools[i].key,
                capacity: pools[i].capacityPerMonth.map { $0 * 12 },
                sums: inputs.pools[i] ?? [:],
                majorSources: inputs.majorSources(i)
            )
        }
        let allocation: ServiceAllocation
        do {
            allocation = try ServiceAllocation(
                pools: poolInputs,
                uses: uses,
                direct: inputs.direct,
                unpooled: inputs.unpooled,
                knownCustomers: Set(data.customers.map(\.id))
            )
        } catch { throw .conflict(error.description) }
        workspace.logger.phase("allocation: pools shared")
        guard allocation.totalNanoKg == inputs.inventory.totalNanoKg else {
            throw .conflict(
                "the allocation of run #\(run.id) adds up to \(ChangeAttribution.exactKg(allocation.totalNanoKg)) kg but the run's inventory is \(ChangeAttribution.exactKg(inputs.inventory.totalNanoKg)) kg; nothing was allocated"
            )
        }
        let withShare = Set(allocation.customerIDs)
        return CustomerAllocation(
            run: run,
            period: period,
            scope2Basis: scope2Basis,
            allocation: allocation,
            inputs: inputs,
            data: data,
            usageRowsOutsidePeriod: outside,
            usageRowsInPeriod: uses.count,
            revenueCurrency: currency,
            customersWithoutShare: data.customers.map(\.id).filter { !withShare.contains($0) },
            poolInputs: poolInputs,
            uses: uses
        )
    }
}
