import FootprintCore
import FootprintPACT
import FootprintStore

/// The service footprints of an allocation, made one at a time in customer then service order, so
/// that a publication of 100,000 never holds them all: per customer and service, the customer's
/// share of the service's pools and what it used (the most of any pool of the service), with the
/// pairs that have a share but no usage (revenue only) set aside in `withoutUsage`.
struct ServiceFootprintSource: IteratorProtocol {
    /// A service with the pools shared among its customers.
    struct Entry {
        var service: Service
        /// Indices in `pools` of the service's pools that have customers.
        var pools: [Int]
        var keys: [String]
        var poolIDs: [String]
        var capitalGoodsNote: String?
    }

    let allocation: CustomerAllocation
    let pools: [ServiceAllocation.PoolResult]
    /// By service id, the services the allocation knows.
    let services: [Entry]
    /// Every customer with a share of a pool, sorted.
    let customers: [String]
    private(set) var withoutUsage: [(customer: String, service: String)] = []
    private var customer = 0
    private var service = 0
    private var customerName = ""

    init(_ allocation: CustomerAllocation, serviceLife: ServiceLifeView?) {
        self.allocation = allocation
        let pools = (serviceLife?.allocation ?? allocation.allocation).pools
        self.pools = pools
        var spread: [String: Set<Int>] = [:]
        for pool in allocation.data.pools {
            for life in pool.selectors.compactMap(\.serviceLifeYears) { spread[pool.service, default: []].insert(life) }
        }
        var byService: [String: (pools: [Int], keys: Set<String>)] = [:]
        var customers = Set<String>()
        for (index, pool) in pools.enumerated() where !pool.customers.isEmpty {
            byService[pool.pool.service, default: ([], [])].pools.append(index)
            byService[pool.pool.service, default: ([], [])].keys.insert(pool.keyUsed.rawValue)
            customers.formUnion(pool.customers.keys)
        }
        var services: [Entry] = []
        for (id, found) in byService.sorted(by: { $0.key < $1.key }) {
            // A pool's service the customer files do not know gets no footprint.
            guard let service = allocation.data.service(id: id) else { continue }
            var note: String?
            if let serviceLife, let lives = spread[id] {
                let years = lives.sorted().map(String.init).joined(separator: ", ")
                let missing = serviceLife.missingPeriods
                note =
                    "Hardware with a service life (\(years) years) is charged straight-line over it, a share of each purchase per year of its life"
                    + (missing.isEmpty
                        ? "." : "; the periods \(missing.joined(separator: ", ")) have no calculation run, so their purchases are not in the charge.")
            }
            services.append(
                Entry(
                    service: service,
                    pools: found.pools,
                    keys: found.keys.sorted(),
                    poolIDs: found.pools.map { pools[$0].pool.id },
                    capitalGoodsNote: note
                )
            )
        }
        self.services = services
        self.customers = customers.sorted()
    }

    mutating func next() -> ServiceFootprint? {
        while customer < customers.count {
            let id = customers[customer]
            if service == 0 { customerName = allocation.data.customer(id: id)?.name ?? id }
            while service < services.count {
                let entry = services[service]
                service += 1
                var sums: ComponentSums = [:]
                var quantity = 0.0
                var shared = false
                for index in entry.pools {
                    guard let share = pools[index].customers[id] else { continue }
                    shared = true
                    sums.add(share)
                    quantity = max(quantity, pools[index].quantities[id] ?? 0)
                }
                guard shared else { continue }
                guard quantity > 0 else {
                    withoutUsage.append((id, entry.service.id))
                    continue
                }
                var footprint = ServiceFootprint(
                    customer: id,
                    customerName: customerName,
                    service: entry.service,
                    period: allocation.period,
                    sums: sums,
                    quantity: quantity,
                    keys: entry.keys,
                    pools: entry.poolIDs,
                    runID: allocation.run.id
                )
                if let note = entry.capitalGoodsNote { footprint.capitalGoodsNote = note }
                return footprint
            }
            customer += 1
            service = 0
        }
        return nil
    }
}
