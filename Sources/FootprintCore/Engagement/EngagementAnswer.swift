/// The data a supplier answers an `energy` or `take-back` request with, typed and validated, kept as
/// the decimal texts given (docs/suppliers.md). Recorded with the `received` event of the request;
/// the figures are for later use (sold products' use phase and end of life, take-back), not yet read
/// by any calculation.
public enum EngagementAnswer: Sendable, Hashable {
    case energy(EnergyAnswer)
    case takeBack(TakeBackAnswer)

    /// The request kind the answer belongs to.
    public var kind: EngagementRequest.Kind {
        switch self {
        case .energy: .energy
        case .takeBack: .takeBack
        }
    }

    /// What is wrong with the answer, each naming its field: empty when it is valid.
    public func problems() -> [String] {
        switch self {
        case .energy(let a): a.problems()
        case .takeBack(let a): a.problems()
        }
    }

    /// The answer in a few words: `2025: electricity 120000 kWh, 64% renewable, other energy 8000 kWh`.
    public var summary: String {
        switch self {
        case .energy(let a):
            var parts = ["electricity \(a.electricityKWh) kWh, \(a.renewablePercent)% renewable, other energy \(a.otherEnergyKWh) kWh"]
            if let product = a.product {
                parts.append(
                    "product \(product)" + (a.typicalPowerW.map { ": typical power \($0) W" } ?? "")
                        + (a.lifetimeYears.map { ", lifetime \($0) years" } ?? "")
                )
            }
            return "\(a.year): " + parts.joined(separator: "; ")
        case .takeBack(let a):
            var parts: [String] = []
            if let u = a.unitsReturned { parts.append("\(u) units") }
            if let kg = a.kgReturned { parts.append("\(kg) kg") }
            var shares: [String] = []
            for (name, value) in [
                ("reused", a.reusedPercent), ("refurbished", a.refurbishedPercent), ("recycled", a.recycledPercent), ("residual", a.residualPercent),
            ] {
                if let value { shares.append("\(value)% \(name)") }
            }
            return "\(a.year): returned " + (parts.isEmpty ? "(no amount)" : parts.joined(separator: ", "))
                + (shares.isEmpty ? "" : "; " + shares.joined(separator: ", "))
        }
    }

    /// A non-negative decimal text (`120000`, `0.5`): digits with at most one point.
    static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), text.filter({ $0 == "." }).count <= 1,
            text != "."
        else { return nil }
        return Double(text)
    }

    static func yearProblem(_ year: Int) -> String? {
        (1990...2100).contains(year) ? nil : "year \(year) is not a reporting year; expected a year such as 2025"
    }

    static func amountProblem(_ field: String, _ text: String, unit: String) -> String? {
        decimal(text) == nil ? "\(field) '\(text)' is not an amount in \(unit); expected a number of 0 or more, such as 120000" : nil
    }

    static func shareProblem(_ field: String, _ text: String) -> String? {
        guard let v = decimal(text), v <= 100 else {
            return "\(field) '\(text)' is not a share in percent; expected a number from 0 to 100, such as 28"
        }
        return nil
    }
}

/// A supplier's energy use in a reporting year, and optionally a product's use-phase figures.
public struct EnergyAnswer: Sendable, Hashable, Codable {
    public var year: Int
    /// Electricity used, kWh.
    public var electricityKWh: String
    /// Of that electricity, the share from renewable sources, percent (0-100).
    public var renewablePercent: String
    /// Other energy (fuels, district heating), kWh.
    public var otherEnergyKWh: String
    /// A product the use-phase figures are for (a product id, such as a PACT product URN).
    public var product: String?
    /// The product's typical power in use, watts.
    public var typicalPowerW: String?
    /// The product's lifetime, years.
    public var lifetimeYears: String?

    public init(
        year: Int,
        electricityKWh: String,
        renewablePercent: String,
        otherEnergyKWh: String = "0",
        product: String? = nil,
        typicalPowerW: String? = nil,
        lifetimeYears: String? = nil
    ) {
        self.year = year
        self.electricityKWh = electricityKWh
        self.renewablePercent = renewablePercent
        self.otherEnergyKWh = otherEnergyKWh
        self.product = product
        self.typicalPowerW = typicalPowerW
        self.lifetimeYears = lifetimeYears
    }

    enum CodingKeys: String, CodingKey {
        case year, product
        case electricityKWh = "electricity_kwh"
        case renewablePercent = "renewable_percent"
        case otherEnergyKWh = "other_energy_kwh"
        case typicalPowerW = "typical_power_w"
        case lifetimeYears = "lifetime_years"
    }

    public func problems() -> [String] {
        var problems: [String] = []
        if let p = EngagementAnswer.yearProblem(year) { problems.append(p) }
        if let p = EngagementAnswer.amountProblem("electricity_kwh", electricityKWh, unit: "kWh") { problems.append(p) }
        if let p = EngagementAnswer.shareProblem("renewable_percent", renewablePercent) { problems.append(p) }
        if let p = EngagementAnswer.amountProblem("other_energy_kwh", otherEnergyKWh, unit: "kWh") { problems.append(p) }
        if let w = typicalPowerW, let p = EngagementAnswer.amountProblem("typical_power_w", w, unit: "watts") { problems.append(p) }
        if let y = lifetimeYears {
            if let v = EngagementAnswer.decimal(y), v > 0 {
            } else {
                problems.append("lifetime_years '\(y)' is not a lifetime in years; expected a number above 0, such as 5")
            }
        }
        if product == nil && (typicalPowerW != nil || lifetimeYears != nil) {
            problems.append("typical_power_w and lifetime_years are a product's: give the product id (product)")
        }
        return problems
    }
}

/// What a supplier took back in a year and what became of it: shares of all that was returned.
public struct TakeBackAnswer: Sendable, Hashable, Codable {
    public var year: Int
    /// Units returned (a whole number), and their mass in kg.
    public var unitsReturned: String?
    public var kgReturned: String?
    /// Shares of all returned, percent (0-100; together at most 100, give or take rounding).
    public var reusedPercent: String?
    public var refurbishedPercent: String?
    public var recycledPercent: String?
    public var residualPercent: String?

    /// How far the shares may add up above 100 from rounding, percentage points.
    public static let roundingAllowance = 0.5

    public init(
        year: Int,
        unitsReturned: String? = nil,
        kgReturned: String? = nil,
        reusedPercent: String? = nil,
        refurbishedPercent: String? = nil,
        recycledPercent: String? = nil,
        residualPercent: String? = nil
    ) {
        self.year = year
        self.unitsReturned = unitsReturned
        self.kgReturned = kgReturned
        self.reusedPercent = reusedPercent
        self.refurbishedPercent = refurbishedPercent
        self.recycledPercent = recycledPercent
        self.residualPercent = residualPercent
    }

    enum CodingKeys: String, CodingKey {
        case year
        case unitsReturned = "units_returned"
        case kgReturned = "kg_returned"
        case reusedPercent = "reused_percent"
        case refurbishedPercent = "refurbished_percent"
        case recycledPercent = "recycled_percent"
        case residualPercent = "residual_percent"
    }

    /// The shares given, by field name.
    public var shares: [(field: String, text: String)] {
        [
            ("reused_percent", reusedPercent), ("refurbished_percent", refurbishedPercent), ("recycled_percent", recycledPercent),
            ("residual_percent", residualPercent),
        ].compactMap { f in f.1.map { (f.0, $0) } }
    }

    public func problems() -> [String] {
        var problems: [String] = []
        if let p = EngagementAnswer.yearProblem(year) { problems.append(p) }
        if unitsReturned == nil && kgReturned == nil {
            problems.append("give what was returned: units_returned, kg_returned or both")
        }
        if let u = unitsReturned, !(u.allSatisfy { $0.isASCII && $0.isNumber } && !u.isEmpty) {
            problems.append("units_returned '\(u)' is not a number of units; expected a whole number of 0 or more, such as 1200")
        }
        if let kg = kgReturned, let p = EngagementAnswer.amountProblem("kg_returned", kg, unit: "kg") { problems.append(p) }
        var sum = 0.0
        var valid = true
        for (field, text) in shares {
            if let p = EngagementAnswer.shareProblem(field, text) {
                problems.append(p)
                valid = false
            } else {
                sum += EngagementAnswer.decimal(text) ?? 0
            }
        }
        if valid && sum > 100 + Self.roundingAllowance {
            problems.append(
                "the shares add up to \(Self.format(sum))%: reused_percent, refurbished_percent, recycled_percent and residual_percent are shares of all returned and together at most 100"
            )
        }
        return problems
    }

    static func format(_ v: Double) -> String {
        let rounded = (v * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// In JSON: `kind` (`energy` or `take-back`) beside the answer's own fields.
extension EngagementAnswer: Codable {
    enum KindKey: String, CodingKey { case kind }

    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: KindKey.self).decode(String.self, forKey: .kind)
        switch kind {
        case EngagementRequest.Kind.energy.rawValue: self = .energy(try EnergyAnswer(from: decoder))
        case EngagementRequest.Kind.takeBack.rawValue: self = .takeBack(try TakeBackAnswer(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind,
                in: try decoder.container(keyedBy: KindKey.self),
                debugDescription: "'\(kind)' is not an answer kind; expected energy or take-back"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: KindKey.self)
        try c.encode(kind.rawValue, forKey: .kind)
        switch self {
        case .energy(let a): try a.encode(to: encoder)
        case .takeBack(let a): try a.encode(to: encoder)
        }
    }
}
