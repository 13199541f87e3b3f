/// Short texts that say where a figure came from, made once per engine for the per-line output.
public struct ProvenanceLabels: Sendable {
    public let footprints: [String]
    public let disclosures: [String]
    public let factors: [String]
    /// The boundary of each footprint and factor (a disclosure's is always `.hybridRevenueIntensity`).
    public let footprintBoundaries: [MethodBoundary]
    public let factorBoundaries: [MethodBoundary]

    public init(engine: InventoryEngine) {
        footprints = engine.footprints.map { f in
            "footprint \(f.supplier)/\(f.product) per \(f.unit.symbol) (\(f.location?.description ?? f.source))"
                + (f.usePhaseShare == nil ? "" : "; \(f.boundaryText)") + (f.pactID != nil || f.scopeText.isEmpty ? "" : "; \(f.scopeText)")
                + (f.refurbished ? "; refurbished unit: its own footprint, not a new one's" : "")
        }
        disclosures = engine.disclosures.map { d in
            d.label + " (\(d.location?.description ?? "supplier emissions"))" + (d.evidenceText.isEmpty ? "" : "; \(d.evidenceText)")
        }
        factors = engine.factors.map { f in
            var label = "factor \(f.category) '\(f.name)'"
            if case .spend(_, let priceYear?) = f.basis { label += " at \(priceYear) prices" }
            label += " (\(f.location?.description ?? "factors"); \(f.source))"
            return label
        }
        footprintBoundaries = engine.footprints.map(MethodBoundary.init(footprint:))
        factorBoundaries = engine.factors.map(MethodBoundary.init(factor:))
    }

    /// The boundary of the method and figure a line used; nil for a line no method computed.
    public func boundary(for result: LineResult) -> MethodBoundary? {
        guard let method = result.method, result.sourceIndex >= 0 else { return nil }
        let i = Int(result.sourceIndex)
        switch method {
        case .supplierSpecific: return footprintBoundaries[i]
        case .hybrid: return .hybridRevenueIntensity
        case .averageData, .spendBased: return factorBoundaries[i]
        }
    }

    /// The label of the figure a line used.
    public func label(for result: LineResult) -> String {
        guard let method = result.method, result.sourceIndex >= 0 else { return "" }
        let i = Int(result.sourceIndex)
        // A manufacturer's figure reaching a line invoiced by another supplier (manufacturers.csv).
        let maker = result.rank >= 0 && result.rank & InventoryEngine.manufacturerRank != 0 ? "; the product's manufacturer (manufacturers.csv)" : ""
        switch method {
        case .supplierSpecific: return footprints[i] + maker
        case .hybrid: return disclosures[i] + maker
        case .averageData, .spendBased: return factors[i]
        }
    }
}
