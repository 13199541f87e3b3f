/// One row of `avoided_emissions.csv`: a comparison against a reference scenario, reported apart from
/// the inventory as avoided emissions and never subtracted from it (GHG Protocol Scope 3 Standard:
/// avoided emissions are reported separately from the scopes).
public struct AvoidedEmissionComparison: Sendable, Hashable {
    public enum Comparison: Sendable, Hashable {
        /// An old installed base replaced by new equipment: kWh per year per unit of each, over `years`,
        /// at the location-based grid factor of `country`.
        case replacement(oldKWhPerYear: Double, newKWhPerYear: Double, years: Double, country: String)
        /// Re-used or refurbished equipment instead of new: the footprint of a new unit against the
        /// re-use's own emissions per unit (refurbishment, transport; 0 when not given, stated).
        case reuse(newKgPerUnit: Double, reusedKgPerUnit: Double?)

        /// `replacement` or `reuse`, as the file's `comparison` column names it.
        public var name: String {
            switch self {
            case .replacement: "replacement"
            case .reuse: "reuse"
            }
        }
    }

    public var location: SourceLocation
    /// YYYYMMDD: the comparison counts in the period it is dated in.
    public var date: Int32
    /// What is compared (`SW-48P replacing SW-24 (2012)`).
    public var product: String
    public var units: Double
    public var comparison: Comparison
    /// Where the figures come from.
    public var source: String
    /// The comparison's assumptions, in the company's words.
    public var assumptions: String?

    public init(
        location: SourceLocation,
        date: Int32,
        product: String,
        units: Double,
        comparison: Comparison,
        source: String,
        assumptions: String? = nil
    ) {
        self.location = location
        self.date = date
        self.product = product
        self.units = units
        self.comparison = comparison
        self.source = source
        self.assumptions = assumptions
    }
}

/// One comparison's avoided emissions with its steps.
public struct AvoidedEmissionLine: Sendable, Hashable {
    public var location: SourceLocation
    public var comparison: String
    public var product: String
    public var units: Double
    /// kWh avoided (replacement), nil for re-use.
    public var kwh: Double?
    /// kg CO2e avoided; negative when the reference scenario emits less (stated, not hidden).
    public var kg: Double
    /// The grid factor (replacement); nil for re-use.
    public var factor: LineFactor?
    public var steps: [String]
    public var source: String
    public var assumptions: [String]
}

/// Avoided emissions of a period: reported apart from the inventory, never netted against any scope,
/// category or total (`CorporateInventory` never reads them).
public struct AvoidedEmissionsResult: Sendable, Hashable {
    public var period: ReportingPeriod
    public var lines: [AvoidedEmissionLine] = []
    public var outsidePeriod = 0
    public var warnings: [String] = []

    public init(period: ReportingPeriod) { self.period = period }

    public var kg: Double { lines.reduce(0) { $0 + $1.kg } }
    public var replacementKg: Double { lines.filter { $0.comparison == "replacement" }.reduce(0) { $0 + $1.kg } }
    public var replacementKWh: Double { lines.reduce(0) { $0 + ($1.kwh ?? 0) } }
    public var reuseKg: Double { lines.filter { $0.comparison == "reuse" }.reduce(0) { $0 + $1.kg } }
    public var reuseUnits: Double { lines.filter { $0.comparison == "reuse" }.reduce(0) { $0 + $1.units } }

    /// The assumptions every comparison rests on, stated with the figures.
    public static let assumptions = [
        "reported apart from the inventory: never subtracted from Scope 1, 2 or 3 or from any total",
        "replacement: the old installed base would have run for the years given had it not been replaced; "
            + "kWh avoided = units × (old - new kWh per year) × years, at the location-based grid factor of the country, "
            + "the latest not after the year of the comparison, held constant over the years",
        "reuse: each re-used or refurbished unit replaces the purchase of one new unit; "
            + "kg avoided = units × (footprint of a new unit - emissions of the re-use per unit)",
    ]
}

public enum AvoidedEmissionsCalculator {
    /// The comparisons dated in `period`; a country without a location-based grid factor is an error
    /// naming the row.
    public static func calculate(
        _ rows: [AvoidedEmissionComparison],
        period: ReportingPeriod,
        gridFactors: [GridFactor] = []
    ) throws(DownstreamCalculationError) -> AvoidedEmissionsResult {
        var result = AvoidedEmissionsResult(period: period)
        let grid = GridFactorSet(overrides: gridFactors)
        for row in rows {
            guard period.contains(row.date) else {
                result.outsidePeriod += 1
                continue
            }
            var line = AvoidedEmissionLine(
                location: row.location,
                comparison: row.comparison.name,
                product: row.product,
                units: row.units,
                kwh: nil,
                kg: 0,
                factor: nil,
                steps: [],
                source: row.source,
                assumptions: row.assumptions.map { [$0] } ?? []
            )
            switch row.comparison {
            case .replacement(let old, let new, let years, let country):
                let year = Int(row.date / 10000)
                let factor = try DownstreamCalculator.gridFactor(grid, country: country, year: year, at: row.location)
                let kwh = row.units * (old - new) * years
                line.kwh = kwh
                line.kg = kwh * factor.kgPerKWh
                line.factor = LineFactor(factor)
                line.steps = [
                    "\(row.units.downstreamText) units × (\(old.downstreamText) kWh per year old - \(new.downstreamText) kWh per year new) "
                        + "× \(years.downstreamText) years = \(kwh.downstreamText) kWh avoided",
                    "× \(factor.kgPerKWh.downstreamText) kg CO2e/kWh (\(line.factor!.name), country \(country), year \(year)) "
                        + "= \(line.kg.downstreamText) kg CO2e avoided",
                ]
                if new > old {
                    result.warnings.append(
                        "\(row.location): the replacement uses more energy than the old equipment (\(new.downstreamText) against "
                            + "\(old.downstreamText) kWh per year): \(line.kg.downstreamText) kg CO2e, more emitted, not avoided"
                    )
                }
            case .reuse(let newKg, let reusedKg):
                let per = newKg - (reusedKg ?? 0)
                line.kg = row.units * per
                line.steps = [
                    "\(row.units.downstreamText) units × (\(newKg.downstreamText) kg CO2e per new unit - \((reusedKg ?? 0).downstreamText) kg CO2e "
                        + "per re-used unit) = \(line.kg.downstreamText) kg CO2e avoided"
                ]
                if reusedKg == nil {
                    line.assumptions.append("the re-use's own emissions (refurbishment, transport) were not given: 0 kg CO2e per unit assumed")
                }
            }
            result.lines.append(line)
        }
        return result
    }
}

extension AvoidedEmissionsResult {
    /// `avoided_emissions` of the JSON output: totals, the assumptions and each line with its steps.
    public func json() -> JSONValue {
        .object([
            ("period", period.json()),
            ("reported_apart", .bool(true)),
            ("netted", .bool(false)),
            ("kgco2e", .number(kg)),
            ("replacement_kgco2e", .number(replacementKg)), ("replacement_kwh", .number(replacementKWh)),
            ("reuse_kgco2e", .number(reuseKg)), ("reuse_units", .number(reuseUnits)),
            ("outside_period", .object([("lines", .integer(outsidePeriod))])),
            ("assumptions", .array(Self.assumptions.map { .string($0) })),
            (
                "lines",
                .array(
                    lines.map { l in
                        var m: [(String, JSONValue)] = [
                            ("file", .string(l.location.file)), ("line", .integer(l.location.line)), ("comparison", .string(l.comparison)),
                            ("product", .string(l.product)), ("units", .number(l.units)),
                            ("kwh_avoided", l.kwh.map { .number($0) } ?? .null), ("kgco2e_avoided", .number(l.kg)),
                        ]
                        if let f = l.factor {
                            m += [
                                ("factor", .string(f.name)), ("factor_kgco2e_per_unit", .number(f.kgPerUnit)), ("factor_unit", .string(f.unit)),
                                ("factor_source", .string(f.source)),
                            ]
                        }
                        m += [
                            ("source", .string(l.source)), ("assumptions", .array(l.assumptions.map { .string($0) })),
                            ("steps", .array(l.steps.map { .string($0) })),
                        ]
                        return .object(m)
                    }
                )
            ),
            ("warnings", .array(warnings.map { .string($0) })),
        ])
    }

    /// The section of the text report, apart from the inventory.
    public func text() -> String {
        func kg(_ v: Double) -> String { TravelResult.grouped(v) + " kg" }
        var out = ["Avoided emissions, \(period) (reported apart: not subtracted from any scope, category or total)"]
        out.append(
            "  \(kg(self.kg)) CO2e avoided: replacement of an installed base \(kg(replacementKg)) (\(TravelResult.grouped(replacementKWh)) kWh), "
                + "re-use instead of new \(kg(reuseKg)) (\(reuseUnits.downstreamText) units); \(lines.count) comparisons, \(outsidePeriod) outside the period, left out"
        )
        for l in lines {
            out.append("  \(l.location): \(l.comparison) \(l.product): \(kg(l.kg)) CO2e avoided (source: \(l.source))")
            out += l.steps.map { "    \($0)" }
            out += l.assumptions.map { "    assumption: \($0)" }
        }
        out += Self.assumptions.map { "  assumption: \($0)" }
        out += warnings.map { "warning: \($0)" }
        return out.joined(separator: "\n") + "\n"
    }
}
