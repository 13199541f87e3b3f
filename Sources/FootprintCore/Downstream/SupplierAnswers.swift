/// Suppliers' answers to data requests that the sold-products calculation uses (docs/downstream.md,
/// "Suppliers' answers"): the energy answers' product figures (typical power in use, lifetime) and the
/// take-back answers' outcome shares. A workspace gives those recorded when the run was made; a data
/// folder has none.
public struct SupplierAnswers: Sendable, Hashable {
    public var products: [SupplierProductAnswer]
    public var takeBack: [SupplierTakeBackAnswer]

    public init(products: [SupplierProductAnswer] = [], takeBack: [SupplierTakeBackAnswer] = []) {
        self.products = products
        self.takeBack = takeBack
    }
}

/// Which answer a figure comes from: the supplier, the request, the reporting year and the day it was received.
public struct SupplierAnswerOrigin: Sendable, Hashable, Comparable {
    public var supplier: String
    public var request: Int64
    /// The `received` event that carries the answer: of two answers received the same day, the later one.
    public var event: Int64
    public var year: Int
    /// YYYY-MM-DD.
    public var on: String

    public init(supplier: String, request: Int64, event: Int64, year: Int, on: String) {
        self.supplier = supplier
        self.request = request
        self.event = event
        self.year = year
        self.on = on
    }

    /// `SUP-0004's answer to request #3, received 2025-01-20, for 2024`.
    public var text: String { "\(supplier)'s answer to request #\(request), received \(on), for \(year)" }

    /// Newer: of a later reporting year, then received later, then recorded later.
    public static func < (a: Self, b: Self) -> Bool { (a.year, a.on, a.event) < (b.year, b.on, b.event) }
}

/// An energy answer's figures for one product (`requests answer --product --typical-power-w --lifetime-years`).
public struct SupplierProductAnswer: Sendable, Hashable {
    public var origin: SupplierAnswerOrigin
    /// The product's id, as `product_use.csv` names it.
    public var product: String
    public var typicalPowerW: Double?
    public var lifetimeYears: Double?

    public init(origin: SupplierAnswerOrigin, product: String, typicalPowerW: Double?, lifetimeYears: Double?) {
        self.origin = origin
        self.product = product
        self.typicalPowerW = typicalPowerW
        self.lifetimeYears = lifetimeYears
    }
}

/// A take-back answer's outcome shares, in percent of all returned: a vendor programme's figures.
public struct SupplierTakeBackAnswer: Sendable, Hashable {
    public var origin: SupplierAnswerOrigin
    public var reusedPercent: Double?
    public var refurbishedPercent: Double?
    public var recycledPercent: Double?
    /// What is neither reused, refurbished nor recycled: taken as landfill (the higher of the two
    /// disposal factors), since the answer does not split it between incineration and landfill.
    public var residualPercent: Double?

    public init(
        origin: SupplierAnswerOrigin,
        reusedPercent: Double? = nil,
        refurbishedPercent: Double? = nil,
        recycledPercent: Double? = nil,
        residualPercent: Double? = nil
    ) {
        self.origin = origin
        self.reusedPercent = reusedPercent
        self.refurbishedPercent = refurbishedPercent
        self.recycledPercent = recycledPercent
        self.residualPercent = residualPercent
    }

    /// The shares as returns.csv would give them (residual as landfill); an error naming the answer
    /// when they do not add up to 100 (within 0.01), as a returns.csv row's shares must.
    public func shares(for location: SourceLocation) throws(DownstreamCalculationError) -> TreatmentShares {
        let percent: [(String, Double?, Treatment)] = [
            ("reused_percent", reusedPercent, .reuse), ("refurbished_percent", refurbishedPercent, .refurbishment),
            ("recycled_percent", recycledPercent, .recycling), ("residual_percent", residualPercent, .landfill),
        ]
        let sum = percent.reduce(0) { $0 + ($1.1 ?? 0) }
        guard abs(sum - 100) <= 0.01 else {
            let parts = percent.compactMap { name, value, _ in value.map { "\(name) \($0.downstreamText)" } }.joined(separator: " + ")
            throw DownstreamCalculationError(
                "\(location): the take-back shares of \(origin.text) add up to \((sum * 1e6).rounded() / 1e6)% (\(parts.isEmpty ? "none given" : parts)); "
                    + "expected 100%: every returned kilogram has one outcome. Record a corrected answer "
                    + "(footprint engagement requests answer \(origin.request) --year \(origin.year) ...), or give the row's shares (<outcome>_pct)"
            )
        }
        var fractions: [Treatment: Double] = [:]
        for (_, value, treatment) in percent { if let value { fractions[treatment, default: 0] += value / 100 } }
        return TreatmentShares(fractions)
    }
}
