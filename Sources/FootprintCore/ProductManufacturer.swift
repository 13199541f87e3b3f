/// Who made a product that the company buys from someone else (manufacturers.csv): the manufacturer's
/// product footprints and disclosures then reach the lines of that product whichever distributor
/// invoices them.
///
/// `supplier` limits the row to the lines of one invoicing supplier (a distributor's own article
/// number); nil: the lines of every supplier. `manufacturerProduct` is the manufacturer's id of the
/// product where it differs from the ledger's (a distributor's article number for the maker's part
/// number); nil: the same id.
public struct ProductManufacturer: Sendable, Hashable {
    public var product: String
    public var manufacturer: String
    public var manufacturerProduct: String?
    public var supplier: String?
    public var location: SourceLocation?

    public init(product: String, manufacturer: String, manufacturerProduct: String? = nil, supplier: String? = nil, location: SourceLocation? = nil) {
        self.product = product
        self.manufacturer = manufacturer
        self.manufacturerProduct = manufacturerProduct
        self.supplier = supplier
        self.location = location
    }

    /// The manufacturer's id of the product.
    public var makersProduct: String { manufacturerProduct ?? product }

    /// `manufacturer Cisco (part C9300-48P) per manufacturers.csv:3`: how a line's provenance names the row.
    public var text: String {
        var parts = "manufacturer \(manufacturer)"
        if let manufacturerProduct { parts += " (product \(manufacturerProduct))" }
        if let location { parts += " per \(location.file):\(location.line)" }
        return parts
    }
}
