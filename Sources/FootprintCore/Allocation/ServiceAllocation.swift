/// The allocation of a period's emissions to customers, in the GHG Protocol's order (Scope 3
/// Standard, ch. 8, and its allocation guidance): purchases made for one customer pass through to it
/// directly; each service platform's pool is shared by a physical key (the customers' usage in the
/// service's unit), with the platform's unsold capacity kept as an explicit share of the company;
/// revenue only when there is no usage to share by; and a pool nobody used or paid for stays with
/// the company, with the reason. Every share is an exact integer of nano-kg, and for every pool and
/// component the customers' shares, the unsold capacity and what stays with the company add up to
/// the pool exactly (`checkConservation`).
public struct ServiceAllocation: Sendable {
    /// A pool's emissions for the period and how to share them.
    public struct Pool: Sendable {
        public var id: String
        public var service: String
        /// The key the pool asks for.
        public var key: AllocationKey
        /// The platform's capacity over the period in the service's unit (capacity per month x months), if stated.
        public var capacity: Double?
        public var sums: ComponentSums
        /// The largest sources of the pool (supplier names or sites), largest first.
        public var majorSources: [String]

        public init(id: String, service: String, key: AllocationKey, capacity: Double?, sums: ComponentSums, majorSources: [String] = []) {
            self.id = id
            self.service = service
            self.key = key
            self.capacity = capacity
            self.sums = sums
            self.majorSources = majorSources
        }
    }

    /// What one customer used of one service over the period, and paid (in the reporting currency).
    public struct Use: Sendable {
        public var customer: String
        public var service: String
        public var quantity: Double
        public var revenue: Double

        public init(customer: String, service: String, quantity: Double, revenue: Double) {
            self.customer = customer
            self.service = service
            self.quantity = quantity
            self.revenue = revenue
        }
    }

    /// The key a pool was shared by.
    public enum KeyUsed: String, Sendable, Hashable {
        case usage, revenue
        /// Nothing to share by: the pool stays with the company.
        case none
    }

    /// One pool, shared.
    public struct PoolResult: Sendable {
        public var pool: Pool
        public var keyUsed: KeyUsed
        /// Why the key used is not the key asked for, or why nothing was shared; nil when as asked.
        public var note: String?
        /// Each customer's share, by component.
        public var customers: [String: ComponentSums]
        /// Each customer's quantity of the service and revenue over the period.
        public var quantities: [String: Double]
        public var revenues: [String: Double]
        /// The unsold capacity's share, kept by the company.
        public var unsold: ComponentSums
        /// What stays with the company because nothing could be shared by (key `none`).
        public var kept: ComponentSums
        /// Usage over the period, all customers.
        public var usedQuantity: Double
    }

    public var pools: [PoolResult]
    /// Purchases made for one customer (lines with its id), passed through whole.
    public var direct: [String: ComponentSums]
    /// Purchases that name a customer the register does not know: kept with the company, counted.
    public var unknownCustomers: [String: ComponentSums]
    /// Emissions of the period in no pool and for no customer: they stay with the company.
    public var unpooled: ComponentSums

    /// Shares out `pools` by `uses` and passes `direct` through; `knownCustomers` decides which
    /// direct purchases reach a customer (the others are kept and counted).
    public init(
        pools: [Pool],
        uses: [Use],
        direct: [String: ComponentSums],
        unpooled: ComponentSums,
        knownCustomers: Set<String>
    ) throws(AllocationError) {
        var byService: [String: [Use]] = [:]
        for use in uses { byService[use.service, default: []].append(use) }
        self.pools = []
        for pool in pools {
            self.pools.append(Self.share(pool, byService[pool.service] ?? []))
        }
        self.direct = direct.filter { knownCustomers.contains($0.key) }
        unknownCustomers = direct.filter { !knownCustomers.contains($0.key) }
        self.unpooled = unpooled
        try checkConservation()
    }

    /// One pool: usage first, revenue when there is no usage, else nothing shared.
    static func share(_ pool: Pool, _ uses: [Use]) -> PoolResult {
        // One participant per customer (usage summed over the period), in customer order.
        var quantity: [String: Double] = [:]
        var revenue: [String: Double] = [:]
        for use in uses {
            quantity[use.customer, default: 0] += use.quantity
            revenue[use.customer, default: 0] += use.revenue
        }
        let customers = quantity.keys.sorted()
        let used = customers.reduce(0.0) { $0 + quantity[$1]! }
        var result = PoolResult(
            pool: pool,
            keyUsed: .none,
            note: nil,
            customers: [:],
            quantities: quantity,
            revenues: revenue,
            unsold: [:],
            kept: [:],
            usedQuantity: used
        )
        var weights: [Int64] = []
        var unsoldWeight: Int64 = 0
        let usageWeights = customers.map { Apportionment.weight(quantity[$0]!) }
        let revenueWeights = customers.map { Apportionment.weight(revenue[$0]!) }
        if pool.key == .usage && usageWeights.contains(where: { $0 > 0 }) {
            result.keyUsed = .usage
            weights = usageWeights
            if let capacity = pool.capacity {
                if capacity > used {
                    unsoldWeight = Apportionment.weight(capacity - used)
                } else if capacity < used {
                    result.note = "usage (\(used)) is above the stated capacity (\(capacity)): no unsold capacity"
                }
            }
        } else if revenueWeights.contains(where: { $0 > 0 }) {
            result.keyUsed = .revenue
            weights = revenueWeights
            if pool.key == .usage {
                result.note = "no usage of \(pool.service) in the period: shared by revenue"
            }
        } else {
            result.note = "no customer used or paid for \(pool.service) in the period: the pool stays with the company"
            result.kept = pool.sums
            return result
        }
        let participants = weights + (unsoldWeight > 0 ? [unsoldWeight] : [])
        for (component, nano) in pool.sums.sorted(by: { $0.key < $1.key }) {
            guard let shares = Apportionment.shares(of: nano, weights: participants) else { continue }
            for (i, customer) in customers.enumerated() where shares[i] != 0 {
                result.customers[customer, default: [:]][component, default: 0] += shares[i]
            }
            if unsoldWeight > 0, shares[customers.count] != 0 {
                result.unsold[component, default: 0] += shares[customers.count]
            }
        }
        return result
    }

    /// Checks, for every pool and component, that the customers' shares, the unsold capacity and
    /// what stays with the company add up to the pool exactly.
    public func checkConservation() throws(AllocationError) {
        for result in pools {
            var sum: ComponentSums = [:]
            for shares in result.customers.values { sum.add(shares) }
            sum.add(result.unsold)
            sum.add(result.kept)
            for (component, nano) in result.pool.sums where sum[component, default: 0] != nano {
                throw .conservationBroken(pool: result.pool.id, component: component.label, poolNanoKg: nano, shared: sum[component, default: 0])
            }
            for component in sum.keys where result.pool.sums[component] == nil && sum[component] != 0 {
                throw .conservationBroken(pool: result.pool.id, component: component.label, poolNanoKg: 0, shared: sum[component]!)
            }
        }
    }

    /// Every customer with a share (from a pool or passed through), sorted.
    public var customerIDs: [String] {
        var ids = Set(direct.keys)
        for result in pools { ids.formUnion(result.customers.keys) }
        return ids.sorted()
    }

    /// The customers' shares in total, by component.
    public var allocatedSums: ComponentSums {
        var sum: ComponentSums = [:]
        for shares in direct.values { sum.add(shares) }
        for result in pools { for shares in result.customers.values { sum.add(shares) } }
        return sum
    }

    /// What stays with the company, by component: unsold capacity, pools nobody used, purchases for
    /// unknown customers, and what is in no pool.
    public var companySums: (unsold: ComponentSums, kept: ComponentSums, unknownCustomers: ComponentSums, unpooled: ComponentSums) {
        var unsold: ComponentSums = [:]
        var kept: ComponentSums = [:]
        var unknown: ComponentSums = [:]
        for result in pools {
            unsold.add(result.unsold)
            kept.add(result.kept)
        }
        for shares in unknownCustomers.values { unknown.add(shares) }
        return (unsold, kept, unknown, unpooled)
    }

    /// Allocated plus everything the company keeps: equal to the period's inventory (the allocation's input).
    public var totalNanoKg: Int128 {
        let company = companySums
        return allocatedSums.totalNanoKg + company.unsold.totalNanoKg + company.kept.totalNanoKg + company.unknownCustomers.totalNanoKg
            + company.unpooled.totalNanoKg
    }
}

/// Why an allocation failed.
public enum AllocationError: Error, Sendable, Equatable, CustomStringConvertible {
    case conservationBroken(pool: String, component: String, poolNanoKg: Int128, shared: Int128)

    public var description: String {
        switch self {
        case .conservationBroken(let pool, let component, let total, let shared):
            "the allocation of pool '\(pool)' does not conserve its emissions: \(component) is \(total) nano-kg in the pool but \(shared) nano-kg shared out and kept; nothing was stored"
        }
    }
}
