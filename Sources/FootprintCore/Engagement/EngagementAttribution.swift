/// Whom the engagement KPIs credit with a line's emissions: the supplier that invoices it, or the
/// company that makes its product (manufacturers.csv). Only the credit moves: every total, and the
/// figure of every engagement boundary, is the inventory's under either attribution.
///
/// The rule, `manufacturer`: a line whose product has a manufacturer in manufacturers.csv (the row for
/// its invoicing supplier, else the row for every supplier, as the calculation reads it) counts toward
/// the manufacturer's status (its SBTi target, tier and supplier data); every other line stays with its
/// invoicing supplier. A manufacturer that is not in the supplier register has no status: its lines
/// count as without targets set, and are reported as "manufacturer not in the register" with their kg.
public enum EngagementAttribution: String, Sendable, Hashable, Codable, CaseIterable {
    case supplier
    case manufacturer

    /// The rule as every KPI output states it.
    public var rule: String {
        switch self {
        case .supplier: "each line counts toward the supplier that invoices it"
        case .manufacturer:
            "a line whose product has a manufacturer in manufacturers.csv counts toward the manufacturer; other lines toward the supplier that invoices them"
        }
    }
}

/// An inventory's supplier and supplier x Scope 3 category cells with each line credited per an
/// `EngagementAttribution`: for `supplier` the inventory's own cells, for `manufacturer` the cells of
/// its manufactured lines (`InventoryAggregate.manufactured`) moved from their invoicing supplier to
/// their manufacturer. The moves are exact (integers): the cells add up to the inventory's totals
/// under either attribution.
public struct AttributedCells: Sendable {
    public var attribution: EngagementAttribution
    /// By credited supplier (or manufacturer).
    public var bySupplier: [String: InventoryAggregate.Cell]
    /// By `InventoryAggregate.supplierScope3Key` of the credited supplier.
    public var bySupplierScope3: [String: InventoryAggregate.Cell]
    /// The kg (nano-kg) moved from an invoicing supplier to a manufacturer, all categories.
    public var movedNanoKg: Int128 = 0
    /// The manufacturers that received lines.
    public var manufacturers: Set<String> = []

    /// nil for `manufacturer` when the inventory does not know its manufactured lines (a run stored
    /// before they were kept: binary version 5 and earlier).
    public init?(aggregate: InventoryAggregate, attribution: EngagementAttribution) {
        self.attribution = attribution
        bySupplier = aggregate.cells(.supplier)
        bySupplierScope3 = aggregate.cells(.supplierScope3)
        guard attribution == .manufacturer else { return }
        guard aggregate.hasManufactured else { return nil }
        for (key, cell) in aggregate.manufactured where key.supplier != key.manufacturer {
            Self.move(cell, from: key.supplier, to: key.manufacturer, in: &bySupplier)
            if aggregate.hasSupplierScope3 {
                Self.move(
                    cell,
                    from: InventoryAggregate.supplierScope3Key(supplier: key.supplier, scope3: key.scope3),
                    to: InventoryAggregate.supplierScope3Key(supplier: key.manufacturer, scope3: key.scope3),
                    in: &bySupplierScope3
                )
            }
            movedNanoKg += cell.totalNanoKg
            manufacturers.insert(key.manufacturer)
        }
    }

    private static func move(_ cell: InventoryAggregate.Cell, from: String, to: String, in cells: inout [String: InventoryAggregate.Cell]) {
        var source = cells[from] ?? InventoryAggregate.Cell()
        source.add(cell, sign: -1)
        cells[from] = source.isZero ? nil : source
        cells[to, default: InventoryAggregate.Cell()].add(cell)
    }
}
