import Foundation
import GRDB

/// An explicit link from a supplier's PACT product id to a ledger `product` value.
public struct PACTProductLink: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "pact_product_link"
    public var supplier: String
    public var productURN: String
    public var product: String
    public var createdAt: String
    enum CodingKeys: String, CodingKey {
        case supplier = "supplier_id"
        case productURN = "product_urn"
        case product
        case createdAt = "created_at"
    }
}

extension PACTStore {
    /// Links a product id (URN) of the supplier's PACT footprints to a ledger `product` value, besides
    /// the automatic matches (the product id itself, or its last `:`-segment, case-insensitively).
    /// Linking the same pair again changes nothing.
    public func linkPACTProduct(supplier: String, urn: String, product: String) throws(WorkspaceError) {
        guard !supplier.isEmpty, !urn.isEmpty, !product.isEmpty else {
            throw .conflict("a link needs a supplier, a product URN and a ledger product")
        }
        guard urn.lowercased().hasPrefix("urn:") else { throw .conflict("'\(urn)' is not a URN; PACT product ids start with 'urn:'") }
        let link = PACTProductLink(supplier: supplier, productURN: urn, product: product, createdAt: Workspace.timestamp())
        try workspace.transaction { db in try link.insert(db, onConflict: .ignore) }
    }

    /// Removes an explicit link; returns false when there was none.
    @discardableResult
    public func unlinkPACTProduct(supplier: String, urn: String, product: String) throws(WorkspaceError) -> Bool {
        try workspace.transaction { db in
            try db.execute(
                sql: "DELETE FROM pact_product_link WHERE supplier_id = ? AND product_urn = ? AND product = ?",
                arguments: [supplier, urn, product]
            )
            return db.changesCount > 0
        }
    }

    /// The explicit links, by supplier, URN and product; of one supplier when given.
    public func productLinks(supplier: String? = nil) throws(WorkspaceError) -> [PACTProductLink] {
        try workspace.read { db in
            try PACTProductLink.fetchAll(
                db,
                sql: "SELECT * FROM pact_product_link WHERE ? IS NULL OR supplier_id = ? ORDER BY supplier_id, product_urn, product",
                arguments: [supplier, supplier]
            )
        }
    }
}
