public import FootprintCore
import FootprintImport

/// One source of emissions as a pool's selectors see it.
public struct PoolCandidate: Sendable, Hashable {
    public var scope: Int
    /// 1...15 for Scope 3, 0 otherwise.
    public var scope3Category: Int
    public var supplier: String?
    public var category: String?
    public var site: String?
}

/// A run's emissions sorted for an allocation: by pool, passed through to customers, or in no pool;
/// each as exact nano-kg by component. The purchase lines are the run's own (read and verified as
/// `runs lines` reads them), rounded to the nano-kg as the run's inventory sums them; Scope 1 and 2
/// and the activity's Category 3 are the run's activity data by site, Categories 6 and 7 its travel
/// and commuting figures.
public struct AllocationInputs: Sendable {
    /// Per pool index (as the matcher numbers them), by component.
    public var pools: [Int: ComponentSums] = [:]
    /// Per pool index, nano-kg by source (supplier or site), for the largest sources.
    public var poolSources: [Int: [String: Int128]] = [:]
    /// Purchase lines carrying a customer id, by customer.
    public var direct: [String: ComponentSums] = [:]
    /// In no pool and for no customer.
    public var unpooled: ComponentSums = [:]
    /// Lines matched by more than one pool: the pools (indices) and the lines' count and nano-kg.
    public var overlaps: [[Int]: (lines: Int, nanoKg: Int128)] = [:]
    /// Everything read, by component: the period's inventory.
    public var inventory: ComponentSums = [:]
    /// Purchase lines read (in the inventory), and computed ones that were unmapped (0 kg, counted).
    public var purchaseLines = 0
    public var unmappedLines = 0
    /// The run's organisational boundary (company.json): who publishes the customers' footprints.
    public var boundary = OrganisationalBoundary()

    /// The `limit` largest sources of pool `index`, largest first.
    public func majorSources(_ index: Int, limit: Int = 3) -> [String] {
        (poolSources[index] ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map(\.key)
    }
}

/// The Scope 2 figure an allocation passes on.
public enum Scope2Basis: String, Sendable, CaseIterable {
    case market, location
}

extension RunStore {
    /// Sorts the emissions of `run` into pools (`matcher` gives every pool whose selectors match a
    /// source), customers (purchase lines with a customer id pass through first) and the rest.
    public func allocationInputs(
        run: CalculationRun,
        scope2Basis: Scope2Basis,
        matcher: (PoolCandidate) -> [Int]
    ) throws(WorkspaceError)
        -> AllocationInputs
    {
        var inputs = AllocationInputs()
        var matches: [PoolCandidate: [Int]] = [:]
        func place(_ candidate: PoolCandidate, _ component: EmissionComponent, _ nano: Int128, source: String, customer: String? = nil) {
            inputs.inventory[component, default: 0] += nano
            if let customer {
                inputs.direct[customer, default: [:]][component, default: 0] += nano
                return
            }
            let pools: [Int]
            if let known = matches[candidate] {
                pools = known
            } else {
                pools = matcher(candidate)
                matches[candidate] = pools
            }
            if pools.count > 1 {
                inputs.overlaps[pools, default: (0, 0)].lines += 1
                inputs.overlaps[pools, default: (0, 0)].nanoKg += nano
            }
            if let pool = pools.first {
                inputs.pools[pool, default: [:]][component, default: 0] += nano
                inputs.poolSources[pool, default: [:]][source, default: 0] += nano
            } else {
                inputs.unpooled[component, default: 0] += nano
            }
        }
        _ = try runLines(id: run.id) { line in
            guard line.provenance.exclusion == nil else { return }
            inputs.purchaseLines += 1
            guard let method = line.method else {
                inputs.unmappedLines += 1
                return
            }
            let scope3 = line.scope3.rawValue
            let candidate = PoolCandidate(scope: 3, scope3Category: scope3, supplier: line.supplier, category: line.category, site: nil)
            place(
                candidate,
                EmissionComponent(scope: 3, scope3Category: scope3, source: .init(method)),
                AggregateAccumulator.nanoKg(line.kg),
                source: line.supplier,
                customer: line.customer
            )
        }
        let corporate = try corporateInventory(run)
        inputs.boundary = corporate.inventory.boundary
        for line in corporate.activity?.lines ?? [] {
            let scope2 = scope2Basis == .market ? line.scope2MarketKg : line.scope2LocationKg
            for (scope, category, kg) in [(1, 0, line.scope1Kg), (2, 0, scope2), (3, 3, line.category3Kg)] where kg != 0 {
                let candidate = PoolCandidate(scope: scope, scope3Category: category, supplier: nil, category: nil, site: line.site)
                place(
                    candidate,
                    EmissionComponent(scope: scope, scope3Category: category, source: .activity),
                    AggregateAccumulator.nanoKg(kg),
                    source: line.site
                )
            }
        }
        for (category, kg) in corporate.inventory.otherScope3Kg.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where kg != 0 {
            let candidate = PoolCandidate(scope: 3, scope3Category: category.rawValue, supplier: nil, category: nil, site: nil)
            place(
                candidate,
                EmissionComponent(scope: 3, scope3Category: category.rawValue, source: .activity),
                AggregateAccumulator.nanoKg(kg),
                source: "Category \(category.rawValue) activity data"
            )
        }
        return inputs
    }
}
