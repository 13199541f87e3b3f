/// Why the engine could not compute a line, with every figure resolved but the category's name
/// (which the caller knows by its own slot or term): what `LineResult` carries, what accumulators
/// count by, and what runs store with the line (`status` and `storedSource`). `UnmappedReason`
/// names it for people.
public enum UnmappedCause: Hashable, Sendable {
    /// No product footprint, disclosure, average-data or spend-based factor applies to the category.
    case noFactor
    /// A spend-based factor exists, but the exchange rate of `currency` (the line's or the factor's) in `year` is missing.
    case noExchangeRate(currency: CurrencyCode, year: Int32)
    /// A spend-based factor exists, but the price index of `year` (the line's or the factor's price year) is missing.
    case noPriceIndex(year: Int32)

    /// The outcome status of a line unmapped for this cause.
    @inlinable
    public var status: LineOutcome.Status {
        switch self {
        case .noFactor: .noFactor
        case .noExchangeRate: .noExchangeRate
        case .noPriceIndex: .noPriceIndex
        }
    }

    /// The figure stored beside the status: the packed currency code, the year, or -1.
    public var storedSource: Int32 {
        switch self {
        case .noFactor: -1
        case .noExchangeRate(let currency, _): Int32(bitPattern: currency.packed)
        case .noPriceIndex(let year): year
        }
    }

    /// Reads what `status` and `storedSource` stored for a line of year `lineYear`; nil for a status
    /// that is a method or a line left out of the inventory. A stored currency that cannot be read falls back to `lineCurrency`.
    public init?(status: LineOutcome.Status, storedSource: Int32, lineYear: Int32, lineCurrency: CurrencyCode) {
        switch status {
        case .noFactor: self = .noFactor
        case .noExchangeRate:
            self = .noExchangeRate(currency: CurrencyCode(packed: UInt32(bitPattern: storedSource)) ?? lineCurrency, year: lineYear)
        case .noPriceIndex: self = .noPriceIndex(year: storedSource)
        case .supplierSpecific, .hybrid, .averageData, .spendBased, .outsidePeriod, .excluded: return nil
        }
    }
}

extension UnmappedReason {
    /// The reason people read for a line of category `category` unmapped for `cause`: the one place
    /// where an engine's cause becomes a reason.
    public init(_ cause: UnmappedCause, category: @autoclosure () -> String) {
        switch cause {
        case .noFactor: self = .noFactor(category: category())
        case .noExchangeRate(let currency, let year): self = .noExchangeRate(currency: currency, year: Int(year))
        case .noPriceIndex(let year): self = .noPriceIndex(year: Int(year))
        }
    }
}
