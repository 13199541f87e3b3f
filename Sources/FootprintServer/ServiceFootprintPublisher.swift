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
///
/// The footprints are made, validated and stored `batchSize` at a time inside one write transaction
/// (`PACTHostStore.publishOwnFootprints(sharedWith:deprecatedJSON:batches:)`): a publication of
/// 100,000 is never in memory at once, and it is still all or none.
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
        /// The footprints published, in brief, in customer then service order.
        public var footprints: [Published]
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
        var source = ServiceFootprintSource(allocation, serviceLife: serviceLife)
        var result: [ServiceFootprint] = []
        while let footprint = source.next() { result.append(footprint) }
        return (result, source.withoutUsage.map { ($0.customer, $0.service) })
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

    /// Publishes the service footprints of `allocation` (see the type's description), all or none,
    /// `batchSize` footprints at a time.
    public static func publish(
        _ allocation: CustomerAllocation,
        serviceLife: ServiceLifeView? = nil,
        store: any PACTHostStore,
        created: Date = Date(),
        batchSize: Int = 2_000
    ) throws -> Outcome {
        let boundary = allocation.inputs.boundary
        guard !boundary.pactCompanyIDs.isEmpty else { throw PublishError.noCompanyIDs }
        let publisher = ServiceFootprint.Publisher(
            name: boundary.company.isEmpty ? "Our company" : boundary.company,
            companyIDs: boundary.pactCompanyIDs
        )
        let clients = Set(try store.pactClients().filter { $0.revokedAt == nil }.map(\.name))
        let earlier = EarlierFootprints(try store.ownFootprintKeys())
        let createdText = PACTDateTime(epochMilliseconds: Int64((created.timeIntervalSince1970 * 1000).rounded(.down))).text
        var source = ServiceFootprintSource(allocation, serviceLife: serviceLife)
        var outcome = Outcome(published: 0, unchanged: 0, superseded: 0, customersWithoutClient: [], withoutUsage: [], footprints: [])
        var withoutClient = Set<String>()
        outcome.published = try store.publishOwnFootprints(sharedWith: [], deprecatedJSON: OwnFootprintPublisher.deprecated) {
            var batch: [OwnFootprintInput] = []
            batch.reserveCapacity(max(1, batchSize))
            while batch.count < max(1, batchSize), let footprint = source.next() {
                guard clients.contains(footprint.customer) else {
                    withoutClient.insert(footprint.customer)
                    continue
                }
                let product = publisher.productID(service: footprint.service.id)
                let id = uuid(publisher.companyIDs.joined(separator: " ") + "\u{1F}" + product + "\u{1F}" + footprint.identityText)
                if earlier.contains(id) {
                    outcome.unchanged += 1
                    continue
                }
                var preceding: [String] = []
                if let previous = earlier.latest(product: product, client: footprint.customer),
                    previous.validFrom <= footprint.referencePeriodEnd.epochMilliseconds
                {
                    preceding = [previous.id]
                }
                guard let input = try input(footprint, id: id, preceding: preceding, publisher: publisher, created: createdText) else { continue }
                batch.append(input)
                outcome.superseded += preceding.count
                outcome.footprints.append(Published(footprint, id: id, preceding: preceding.first))
            }
            return batch.isEmpty ? nil : batch
        }
        outcome.customersWithoutClient = withoutClient.sorted()
        outcome.withoutUsage = source.withoutUsage
        return outcome
    }

    /// The footprint's PACT v3 JSON, validated as every footprint we publish (nil when it reads as
    /// no footprint at all), ready to store and shared with the customer's API client only.
    static func input(
        _ footprint: ServiceFootprint,
        id: String,
        preceding: [String],
        publisher: ServiceFootprint.Publisher,
        created: String
    ) throws(PublishError) -> OwnFootprintInput? {
        let json = footprint.json(id: id, publisher: publisher, preceding: preceding, created: created)
        let entry: PACTDocument.Entry
        do {
            guard let first = try PACTDocument.read(json, file: "service footprint \(footprint.customer)/\(footprint.service.id)").first else {
                return nil
            }
            entry = first
        } catch {
            throw .invalid("the service footprint of \(footprint.customer) for \(footprint.service.id) is not valid PACT v3: \(error)")
        }
        return OwnFootprintInput(
            id: id,
            status: entry.footprint.status.rawValue,
            json: Data(entry.footprint.json.compactData()),
            filterKeys: PACTFilterKeys(entry.footprint).stored,
            preceding: preceding,
            sharedWith: [footprint.customer]
        )
    }
}
