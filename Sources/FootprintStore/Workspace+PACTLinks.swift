import Foundation
import GRDB

/// An explicit link from a supplier's PACT product id to a ledger `product` value.
public struct PACTProductLink: Sendable, Equatable {
    public var supplier: String
    public var productURN: String
    public var product: String
    public var createdAt: String
}

extension Workspace {
    /// Links a product id (URN) of the supplier's PACT footprints to a ledger `product` value, besides
    /// the automatic matches (the product id itself, or its last `:`-segment, case-insensitively).
    /// Linking the same pair again changes nothing.
    public func linkPACTProduct(supplier: String, urn: String, product: String) throws(WorkspaceError) {
        guard !supplier.isEmpty, !urn.isEmpty, !product.isEmpty else { throw .conflict("a link needs a supplier, a product URN and a ledger product") }
        guard urn.lowercased().hasPrefix("urn:") else { throw .conflict("'\(urn)' is not a URN; PACT product ids start with 'urn:'") }
        try transaction { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO pact_product_link (supplier_id, product_urn, product, created_at) VALUES (?, ?, ?, ?)",
                arguments: [supplier, urn, product, Self.timestamp()])
        }
    }

    /// Removes an explicit link; returns false when there was none.
    @discardableResult
    public func unlinkPACTProduct(supplier: String, urn: String, product: String) throws(WorkspaceError) -> Bool {
        try transaction { db in
            try db.execute(
                sql: "DELETE FROM pact_product_link WHERE supplier_id = ? AND product_urn = ? AND product = ?", arguments: [supplier, urn, product])
            return db.changesCount > 0
        }
    }

    /// The explicit links, by supplier, URN and product; of one supplier when given.
    public func productLinks(supplier: String? = nil) throws(WorkspaceError) -> [PACTProductLink] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM pact_product_link WHERE ? IS NULL OR supplier_id = ? ORDER BY supplier_id, product_urn, product",
                arguments: [supplier, supplier]
            ).map { PACTProductLink(supplier: $0["supplier_id"], productURN: $0["product_urn"], product: $0["product"], createdAt: $0["created_at"]) }
        }
    }
}
