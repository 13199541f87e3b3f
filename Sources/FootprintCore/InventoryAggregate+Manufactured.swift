/// The lines of products that have a manufacturer (manufacturers.csv) other than the supplier that
/// invoices them, per Scope 3 category, invoicing supplier and manufacturer: what moves when the
/// engagement KPIs attribute emissions to the manufacturer (`EngagementAttribution.manufacturer`).
/// Each of these lines is also in its invoicing supplier's cells (`supplier`, `supplierScope3`): this
/// grouping says which part of them is the manufacturer's product, it adds nothing to any total.
extension InventoryAggregate {
    /// A cell of `manufactured`: the lines of `supplier` in Scope 3 category `scope3` (1...15) whose
    /// product `manufacturer` makes.
    public struct ManufacturedKey: Sendable, Hashable, Comparable {
        public var scope3: Int
        public var supplier: String
        public var manufacturer: String

        public init(scope3: Int, supplier: String, manufacturer: String) {
            self.scope3 = scope3
            self.supplier = supplier
            self.manufacturer = manufacturer
        }

        public static func < (a: Self, b: Self) -> Bool {
            (a.scope3, a.supplier, a.manufacturer) < (b.scope3, b.supplier, b.manufacturer)
        }
    }

    /// The JSON form of one `manufactured` cell.
    struct ManufacturedEntry: Codable {
        var scope3: Int
        var supplier: String
        var manufacturer: String
        var cell: Cell
    }

    /// Adds (`sign` 1) or subtracts (`sign` -1) another inventory's manufactured cells; an inventory
    /// added to one without them (`hasManufactured` false) has none either.
    mutating func addManufactured(_ other: InventoryAggregate, sign: Int) {
        guard other.hasManufactured, hasManufactured else {
            hasManufactured = false
            manufactured = [:]
            return
        }
        for (key, cell) in other.manufactured {
            var c = manufactured[key] ?? Cell()
            c.add(cell, sign: sign)
            manufactured[key] = c.isZero ? nil : c
        }
    }
}
