/// The boundary of the figure that computed a line: what the method counts and what it leaves out.
///
/// Methods differ in what they count. A spend-based factor per purchaser price includes the transport
/// and trade margins between the producer and the buyer; one per producer (or basic) price does not.
/// A product footprint is cradle-to-gate; a vendor's whole-life sheet counts here with its
/// cradle-to-gate part only. A supplier's revenue intensity (hybrid) covers its Scopes 1, 2 and
/// upstream 3. Moving a line from one boundary to another changes its figure without any change in
/// emissions: `runs diff` counts such a change as a method switch, and the per-line output names the
/// boundary of every computed line (column `method_boundary`).
public enum MethodBoundary: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A product footprint as given (CSV cradle-to-gate, or PACT).
    case supplierCradleToGate = 0
    /// The cradle-to-gate part of a whole-life (cradle-to-grave) footprint: the use phase left out.
    case supplierWholeLifeGatePart = 1
    /// A supplier's (Scope 1 + Scope 2 + upstream Scope 3) per revenue.
    case hybridRevenueIntensity = 2
    /// An average-data factor per unit of activity.
    case averageData = 3
    /// A spend-based factor per purchaser price ("with margins").
    case spendPurchaserPrice = 4
    /// A spend-based factor per producer or basic price ("without margins").
    case spendProducerPrice = 5
    /// A spend-based factor whose source does not say which price it is per.
    case spendPriceNotStated = 6

    /// The text of the per-line output's `method_boundary` column.
    public var label: String {
        switch self {
        case .supplierCradleToGate: "supplier-specific, cradle-to-gate"
        case .supplierWholeLifeGatePart: "supplier-specific, cradle-to-gate part of a cradle-to-grave figure (use phase excluded)"
        case .hybridRevenueIntensity: "hybrid (supplier's Scopes 1, 2 and upstream 3 per revenue)"
        case .averageData: "average-data (cradle-to-gate)"
        case .spendPurchaserPrice: "spend-based (purchaser price, incl. transport and trade margins)"
        case .spendProducerPrice: "spend-based (producer price, excl. transport and trade margins)"
        case .spendPriceNotStated: "spend-based (price basis not stated by the factor's source)"
        }
    }

    public var description: String { label }

    /// The method the boundary belongs to.
    public var method: CalculationMethod {
        switch self {
        case .supplierCradleToGate, .supplierWholeLifeGatePart: .supplierSpecific
        case .hybridRevenueIntensity: .hybrid
        case .averageData: .averageData
        case .spendPurchaserPrice, .spendProducerPrice, .spendPriceNotStated: .spendBased
        }
    }

    /// The boundary of a product footprint: whole-life when it names a use-phase share.
    public init(footprint: ProductFootprint) {
        self = footprint.usePhaseShare == nil ? .supplierCradleToGate : .supplierWholeLifeGatePart
    }

    /// The boundary of a factor: average-data, or spend-based per the price its `source` names.
    /// "without margins", "producer price" or "basic price" mean a producer price; "with margins" or
    /// "purchaser price" a purchaser price (the US EPA factors this product imports are "with
    /// margins"); a source that names neither leaves the price basis unstated.
    public init(factor: EmissionFactor) {
        guard case .spend = factor.basis else {
            self = .averageData
            return
        }
        let source = factor.source.lowercased()
        let producer = ["without margins", "excluding margins", "producer price", "producers' price", "basic price"]
        let purchaser = ["with margins", "including margins", "purchaser price", "purchasers' price"]
        if producer.contains(where: { source.contains($0) }) {
            self = .spendProducerPrice
        } else if purchaser.contains(where: { source.contains($0) }) {
            self = .spendPurchaserPrice
        } else {
            self = .spendPriceNotStated
        }
    }
}
