import FootprintPACT
import FootprintStore

/// Our footprints published before, as a publication of service footprints needs them: every id
/// (a footprint made again with the same figures is already published), and per product id and
/// API client the newest Active footprint, which a new footprint of the product for that client
/// supersedes.
struct EarlierFootprints {
    private var ids = Set<String>()
    private var latest: [String: (id: String, seq: Int64, validFrom: Int64)] = [:]

    init(_ keys: [OwnFootprintKey]) {
        ids.reserveCapacity(keys.count)
        for row in keys {
            ids.insert(row.id)
            guard row.status == "Active", let filterKeys = row.filterKeys.flatMap(PACTFilterKeys.init(stored:)) else { continue }
            for product in filterKeys.productIds {
                for client in row.sharedWith where client != "*" {
                    let key = Self.key(product: product, client: client)
                    if (latest[key]?.seq ?? -1) < row.seq { latest[key] = (row.id, row.seq, filterKeys.validityStart) }
                }
            }
        }
    }

    func contains(_ id: String) -> Bool { ids.contains(id) }

    /// The newest Active footprint of `product` shared with `client`: its id and when it is valid from
    /// (epoch milliseconds). Filter keys hold product ids lower-cased.
    func latest(product: String, client: String) -> (id: String, validFrom: Int64)? {
        latest[Self.key(product: product.lowercased(), client: client)].map { ($0.id, $0.validFrom) }
    }

    private static func key(product: String, client: String) -> String { product + "\u{1F}" + client }
}
