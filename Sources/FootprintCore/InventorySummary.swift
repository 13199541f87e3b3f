/// The inventory of a ledger: totals by method, category, supplier and customer, spend by method,
/// and every unmapped line counted with its spend and reason. Summaries of parts of a ledger merge
/// into the summary of the whole.
public struct InventorySummary: Sendable, Equatable {
    /// Lines and spend of the unmapped lines that share one reason.
    public struct UnmappedTally: Sendable, Equatable {
        public var lines = 0
        public var spend: [CurrencyCode: DecimalSum] = [:]
        public init() {}
    }

    public var kgByMethod: [CalculationMethod: CompensatedSum] = [:]
    public var linesByMethod: [CalculationMethod: Int] = [:]
    public var kgByCategory: [String: CompensatedSum] = [:]
    public var kgBySupplier: [String: CompensatedSum] = [:]
    public var kgByCustomer: [String: CompensatedSum] = [:]
    /// Spend by method (`nil` for unmapped lines) and currency, exact.
    public var spendByMethod: [CalculationMethod?: [CurrencyCode: DecimalSum]] = [:]
    public var unmapped: [UnmappedReason: UnmappedTally] = [:]
    /// Lines that fell through a rule they looked eligible for (e.g. `footprint-not-valid-on-date`),
    /// also counted under the method that computed them.
    public var fallThrough: [FallThrough: FallThrough.Tally] = [:]

    public init() {}

    /// Total kg CO2e of all computed lines.
    public var totalKg: Double {
        var sum = CompensatedSum()
        for method in CalculationMethod.allCases { sum.add(kgByMethod[method] ?? CompensatedSum()) }
        return sum.value
    }

    public var unmappedLines: Int { unmapped.values.reduce(0) { $0 + $1.lines } }

    /// Every line read, computed or not.
    public var lines: Int { linesByMethod.values.reduce(0, +) + unmappedLines }

    /// Spend of the unmapped lines, by currency.
    public var unmappedSpend: [CurrencyCode: DecimalSum] {
        var spend: [CurrencyCode: DecimalSum] = [:]
        for tally in unmapped.values {
            for (currency, amount) in tally.spend { spend[currency, default: DecimalSum()].add(amount) }
        }
        return spend
    }

    /// Share of the total computed from supplier data (supplier-specific and hybrid), 0...1.
    public var supplierDataShare: Double {
        let total = totalKg
        guard total != 0 else { return 0 }
        let supplier = (kgByMethod[.supplierSpecific]?.value ?? 0) + (kgByMethod[.hybrid]?.value ?? 0)
        return supplier / total
    }

    /// Adds another summary's figures to this one.
    public mutating func merge(_ other: InventorySummary) {
        for (k, v) in other.kgByMethod { kgByMethod[k, default: CompensatedSum()].add(v) }
        for (k, v) in other.linesByMethod { linesByMethod[k, default: 0] += v }
        for (k, v) in other.kgByCategory { kgByCategory[k, default: CompensatedSum()].add(v) }
        for (k, v) in other.kgBySupplier { kgBySupplier[k, default: CompensatedSum()].add(v) }
        for (k, v) in other.kgByCustomer { kgByCustomer[k, default: CompensatedSum()].add(v) }
        for (method, spend) in other.spendByMethod {
            for (currency, amount) in spend { spendByMethod[method, default: [:]][currency, default: DecimalSum()].add(amount) }
        }
        for (reason, tally) in other.fallThrough { fallThrough[reason, default: FallThrough.Tally()].add(tally) }
        for (reason, tally) in other.unmapped {
            unmapped[reason, default: UnmappedTally()].lines += tally.lines
            for (currency, amount) in tally.spend {
                unmapped[reason, default: UnmappedTally()].spend[currency, default: DecimalSum()].add(amount)
            }
        }
    }
}
