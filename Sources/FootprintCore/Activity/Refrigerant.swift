/// A refrigerant or other fugitive gas `refrigerants.csv` accepts: a pure gas, or an ASHRAE
/// blend whose GWP is the mass-weighted sum of its components' (docs/activity.md).
public enum Refrigerant: String, Sendable, Hashable, CaseIterable {
    case r32 = "R-32"
    case r125 = "R-125"
    case r134a = "R-134a"
    case r143a = "R-143a"
    case r744 = "R-744"
    case r1234yf = "R-1234yf"
    case sf6 = "SF6"
    case r410a = "R-410A"
    case r404a = "R-404A"
    case r407c = "R-407C"

    /// Reads `R-410A`, `R410A`, `HFC-134a`, `CO2`, `SF6` (any case, with or without the hyphen).
    public init?(parsing text: String) {
        var key = String(text.uppercased().filter { $0 != "-" && $0 != " " })
        let aliases = ["HFC32": "R32", "HFC125": "R125", "HFC134A": "R134A", "HFC143A": "R143A", "CO2": "R744", "HFO1234YF": "R1234YF"]
        key = aliases[key] ?? key
        guard let gas = Refrigerant.allCases.first(where: { $0.rawValue.uppercased().filter { $0 != "-" } == key }) else { return nil }
        self = gas
    }

    /// The components of a blend by mass fraction (ASHRAE Standard 34 compositions); a pure gas is itself at 1.
    public var composition: [(gas: Refrigerant, fraction: Double)] {
        switch self {
        case .r410a: [(.r32, 0.5), (.r125, 0.5)]
        case .r404a: [(.r125, 0.44), (.r143a, 0.52), (.r134a, 0.04)]
        case .r407c: [(.r32, 0.23), (.r125, 0.25), (.r134a, 0.52)]
        default: [(self, 1)]
        }
    }

    /// The GWP-100 in `set`, or nil when the set has no figure for the gas (or for one of a blend's components).
    public func gwp(_ set: GWPSet) -> CitedFigure? {
        if composition.count == 1 { return Self.pure[set]?[self] }
        var total = 0.0
        var verified = true
        var parts: [String] = []
        for (gas, fraction) in composition {
            guard let figure = Self.pure[set]?[gas] else { return nil }
            total += fraction * figure.value
            verified = verified && figure.verified
            parts.append("\(Int(fraction * 100 + 0.5))% \(gas.rawValue)")
        }
        return CitedFigure(
            total,
            source: "\(set.rawValue) GWP-100 of the components by mass (\(parts.joined(separator: ", ")); ASHRAE Standard 34)",
            verified: verified
        )
    }
}
