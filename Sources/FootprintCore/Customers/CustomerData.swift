/// The customers, services, service pools and service usage in force (customers.csv, services.csv,
/// service_pools.csv, service_usage.csv), with lookups by id. Empty when none is given.
public struct CustomerData: Sendable, Equatable {
    public let customers: [Customer]
    public let services: [Service]
    public let pools: [ServicePool]
    public let usage: [ServiceUsage]
    private let customerIndex: [String: Int]
    private let serviceIndex: [String: Int]
    private let poolIndex: [String: Int]

    public init(customers: [Customer] = [], services: [Service] = [], pools: [ServicePool] = [], usage: [ServiceUsage] = []) {
        self.customers = customers
        self.services = services
        self.pools = pools
        self.usage = usage
        customerIndex = Dictionary(customers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        serviceIndex = Dictionary(services.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        poolIndex = Dictionary(pools.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public var isEmpty: Bool { customers.isEmpty && services.isEmpty && pools.isEmpty && usage.isEmpty }

    public func customer(id: String) -> Customer? { customerIndex[id].map { customers[$0] } }
    public func service(id: String) -> Service? { serviceIndex[id].map { services[$0] } }
    public func pool(id: String) -> ServicePool? { poolIndex[id].map { pools[$0] } }
    /// The pools that feed a service, in file order.
    public func pools(service: String) -> [ServicePool] { pools.filter { $0.service == service } }
    /// A service's usage rows, in file order.
    public func usage(service: String) -> [ServiceUsage] { usage.filter { $0.service == service } }
    /// A customer's usage rows, in file order.
    public func usage(customer: String) -> [ServiceUsage] { usage.filter { $0.customer == customer } }
}
