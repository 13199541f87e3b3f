/// Why a purchase line could not be computed. Such a line carries no emissions but is counted,
/// with its spend and this reason, in every result.
public enum UnmappedReason: Sendable, Hashable, Comparable {
    /// No product footprint, disclosure, average-data factor or spend-based factor applies.
    case noFactor(category: String)
    /// A spend-based factor exists, but the exchange rate of `currency` in `year` is missing.
    case noExchangeRate(currency: CurrencyCode, year: Int)
    /// A spend-based factor exists, but the price index of `year` is missing.
    case noPriceIndex(year: Int)

    /// A stable code for grouping: `no-factor`, `no-exchange-rate`, `no-price-index`.
    public var code: String {
        switch self {
        case .noFactor: "no-factor"
        case .noExchangeRate: "no-exchange-rate"
        case .noPriceIndex: "no-price-index"
        }
    }

    /// What the reason is about: the category, `CUR year`, or the year.
    public var subject: String {
        switch self {
        case .noFactor(let category): category
        case .noExchangeRate(let currency, let year): "\(currency) \(year)"
        case .noPriceIndex(let year): String(year)
        }
    }

    /// A sentence for people, saying what is missing and how to fix it.
    public var explanation: String {
        switch self {
        case .noFactor(let category):
            "no factor for category '\(category)': add a spend-based factor (or an average-data factor and quantities) to factors.csv"
        case .noExchangeRate(let currency, let year):
            "no exchange rate for \(currency) in \(year): add '\(currency),\(year),<units per USD>' to rates.csv"
        case .noPriceIndex(let year):
            "no price index for \(year): add '\(year),<index>' to price_index.csv"
        }
    }

    /// Ordered by code, then subject.
    public static func < (a: Self, b: Self) -> Bool { (a.code, a.subject) < (b.code, b.subject) }

    /// Reads a reason from its code and subject, as inventories stored before reasons were kept
    /// typed (binary versions 1 and 3, and the JSON form) hold it; nil for an unknown code or subject.
    public init?(code: String, subject: String) {
        switch code {
        case "no-factor": self = .noFactor(category: subject)
        case "no-exchange-rate":
            let parts = subject.split(separator: " ")
            guard parts.count == 2, let currency = CurrencyCode(parts[0]), let year = Int(parts[1]) else { return nil }
            self = .noExchangeRate(currency: currency, year: year)
        case "no-price-index":
            guard let year = Int(subject) else { return nil }
            self = .noPriceIndex(year: year)
        default: return nil
        }
    }
}
