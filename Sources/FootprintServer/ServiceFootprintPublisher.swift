import Crypto
public import FootprintCore
public import FootprintPACT
public import FootprintStore
import Foundation

/// Publishes the customers' service footprints of an allocation over PACT (`footprint customers
/// publish`): per customer and service, the customer's share of the service's pools per declared
/// unit, validated like every footprint we publish, shared with that customer's API client only
/// (the client named by the customer's id), and superseding the customer's previous footprint of the
/// service (an earlier period, or the same period before a restatement) through `precedingPfIds`.
/// Publishing the same figures again changes nothing: a footprint's id is made from what it says.
public enum ServiceFootprintPublisher {
    public struct Outcome: Sendable {
        public var published: Int
        /// Footprints already published with the same figures.
        public var unchanged: Int
        /// Earlier footprints now Deprecated.
        public var superseded: Int
        /// Customers with a share but no API client named by their id: nothing published for them.
        public var customersWithoutClient: [String]
        /// Customer and service pairs with a share but no usage in the service's unit (revenue only).
        public var withoutUsage: [(customer: String, service: String)]
        public var footprints: [ServiceFootprint]
    }

    public enum PublishError: Error, CustomStringConvertible {
        case noCompanyIDs
        case invalid(String)

        public var description: String {
            switch self {
            case .noCompanyIDs:
                "company.json gives no pact_company_ids: a PACT footprint names its company by companyIds (URNs); add for example \"pact_company_ids\": [\"urn:lei:...\"] to company.json, import it and calculate the period again"
            case .invalid(let text): text
            }
        }
    }

    /// The footprints of `allocation`, one per customer and service with usage, in customer then service order.
    public static func footprints(
        _ allocation: CustomerAllocation,
        serviceLife: ServiceLifeView? = nil
    ) -> (footprints: [ServiceFootprint], withoutUsage: [(String, String)]) {
        struct Key: Hashable {
            var customer: String
            var service: String
        }
        var sums: [Key: ComponentSums] = [:]
        var quantity: [Key: Double] = [:]
        var keys: [String: Set<String>] = [:]
        var pools: [String: [String]] = [:]
        var spread: [String: Set<Int>] = [:]
        for pool in allocation.data.pools {
            for life in pool.selectors.compactMap(\.serviceLifeYears) { spread[pool.service, default: []].insert(life) }
        }
        for pool in (serviceLife?.allocation ?? allocation.allocation).pools {
            let service = pool.pool.service
            if !pool.customers.isEmpty {
                keys[service, default: []].insert(pool.keyUsed.rawValue)
                pools[service, default: []].append(pool.pool.id)
            }
            for (customer, share) in pool.customers {
                let key = Key(customer: customer, service: service)
                sums[key, default: [:]].add(share)
                quantity[key] = max(quantity[key] ?? 0, pool.quantities[customer] ?? 0)
            }
        }
        var result: [ServiceFootprint] = []
        var withoutUsage: [(String, String)] = []
        for key in sums.keys.sorted(by: { ($0.customer, $0.service) < ($1.customer, $1.service) }) {
            guard let service = allocation.data.service(id: key.service) else { continue }
            let q = quantity[key] ?? 0
            guard q > 0 else {
                withoutUsage.append((key.customer, key.service))
                continue
            }
            var footprint = ServiceFootprint(
                customer: key.customer,
                customerName: allocation.data.customer(id: key.customer)?.name ?? key.customer,
                service: service,
                period: allocation.period,
                sums: sums[key]!,
                quantity: q,
                keys: (keys[key.service] ?? []).sorted(),
                pools: pools[key.service] ?? [],
                runID: allocation.run.id
            )
            if serviceLife != nil, let lives = spread[key.service] {
                let years = lives.sorted().map(String.init).joined(separator: ", ")
                let missing = serviceLife?.missingPeriods ?? []
                footprint.capitalGoodsNote =
                    "Hardware with a service life (\(years) years) is charged straight-line over it, a share of each purchase per year of its life"
                    + (missing.isEmpty
                        ? "." : "; the periods \(missing.joined(separator: ", ")) have no calculation run, so their purchases are not in the charge.")
            }
            result.append(footprint)
        }
        return (result, withoutUsage)
    }

    /// A UUID made from `text` (SHA-256, with the version 8 and variant bits of RFC 9562).
    static func uuid(_ text: String) -> String {
        var bytes = Array(SHA256.hash(data: Data(text.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let c = Array(hex)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-\(String(c[12..<16]))-\(String(c[16..<20]))-\(String(c[20..<32]))"
    }

    /// Publishes the service footprints of `allocation` (see the type's description), all or none.
    public static func publish(
        _ allocation: CustomerAllocation,
        serviceLife: ServiceLifeView? = nil,
        store: PACTStore,
        created: Date = Date()
    ) throws -> Outcome {
        let boundary = allocation.inputs.boundary
        guard !boundary.pactCompanyIDs.isEmpty else { throw PublishError.noCompanyIDs }
        let publisher = ServiceFootprint.Publisher(
            name: boundary.company.isEmpty ? "Our company" : boundary.company,
            companyIDs: boundary.pactCompanyIDs
        )
        let (all, withoutUsage) = footprints(allocation, serviceLife: serviceLife)
        let clients = Set(try store.pactClients().filter { $0.revokedAt == nil }.map(\.name))
        // Our footprints so far: their ids, and per product id and client the newest Active one.
        var existing = Set<String>()
        var latest: [String: (id: String, seq: Int64, validFrom: Int64)] = [:]
        for row in try store.ownFootprints() {
            existing.insert(row.id)
            guard row.status == "Active", let keys = row.filterKeys.flatMap(PACTFilterKeys.init(stored:)) else { continue }
            for product in keys.productIds {
                for client in row.sharedWith where client != "*" {
                    let key = product + "\u{1F}" + client
                    if (latest[key]?.seq ?? -1) < row.seq { latest[key] = (row.id, row.seq, keys.validityStart) }
                }
            }
        }
        let createdText = PACTDateTime(epochMilliseconds: Int64((created.timeIntervalSince1970 * 1000).rounded(.down))).text
        var inputs: [OwnFootprintInput] = []
        var published: [ServiceFootprint] = []
        var unchanged = 0
        var superseded = 0
        var withoutClient = Set<String>()
        for footprint in all {
            guard clients.contains(footprint.customer) else {
                withoutClient.insert(footprint.customer)
                continue
            }
            let product = publisher.productID(service: footprint.service.id)
            let id = uuid(publisher.companyIDs.joined(separator: " ") + "\u{1F}" + product + "\u{1F}" + footprint.identityText)
            if existing.contains(id) {
                unchanged += 1
                continue
            }
            var preceding: [String] = []
            let validFrom = footprint.referencePeriodEnd.epochMilliseconds
            if let previous = latest[product.lowercased() + "\u{1F}" + footprint.customer], previous.validFrom <= validFrom {
                preceding = [previous.id]
                superseded += 1
            }
            let json = footprint.json(id: id, publisher: publisher, preceding: preceding, created: createdText)
            let entry: PACTDocument.Entry
            do {
                guard let first = try PACTDocument.read(json, file: "service footprint \(footprint.customer)/\(footprint.service.id)").first else {
                    continue
                }
                entry = first
            } catch {
                throw PublishError.invalid(
                    "the service footprint of \(footprint.customer) for \(footprint.service.id) is not valid PACT v3: \(error)"
                )
            }
            inputs.append(
                OwnFootprintInput(
                    id: id,
                    status: entry.footprint.status.rawValue,
                    json: Data(entry.footprint.json.compactData()),
                    filterKeys: PACTFilterKeys(entry.footprint).stored,
                    preceding: preceding,
                    sharedWith: [footprint.customer]
                )
            )
            published.append(footprint)
        }
        if !inputs.isEmpty {
            _ = try store.publishOwnFootprints(inputs, sharedWith: [], returningRows: false, deprecatedJSON: OwnFootprintPublisher.deprecated)
        }
        return Outcome(
            published: inputs.count,
            unchanged: unchanged,
            superseded: superseded,
            customersWithoutClient: withoutClient.sorted(),
            withoutUsage: withoutUsage,
            footprints: published
        )
    }
}
