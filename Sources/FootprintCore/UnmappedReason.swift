/// Why a purchase line could not be computed. Such a line carries no emissions but is counted,
/// with its spend and this reason, in every result.
public enum UnmappedReason: Sendable, Hashable {
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
}
