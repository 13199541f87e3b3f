/// The inventory of a ledger: totals by method, category, supplier and customer, spend by method,
/// and every unmapped line counted with its spend and reason. Summaries of parts of a ledger merge
/// into the summary of the whole.
public struct InventorySummary: Sendable, Equatable {
    /// Lines and spend of lines that share one reason (unmapped, excluded or outside the period).
    public struct UnmappedTally: Sendable, Equatable {
        public var lines = 0
        public var spend: [CurrencyCode: DecimalSum] = [:]
        public init() {}

        public mutating func add(_ other: UnmappedTally) {
            lines += other.lines
            for (currency, amount) in other.spend { spend[currency, default: DecimalSum()].add(amount) }
        }
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
    /// Emissions of the computed lines by Scope 3 category (`CategoryRules.scope3`).
    public var kgByScope3: [Scope3Category: CompensatedSum] = [:]
    /// The same by method: what each Scope 3 category's figure rests on (supplier data or averages).
    public var kgByScope3Method: [Scope3Category: [CalculationMethod: CompensatedSum]] = [:]
    /// The reporting period the inventory covers; nil when every line counts, whatever its date.
    public var period: ReportingPeriod?
    /// Lines dated outside `period`: left out of the inventory, counted.
    public var outsidePeriod = UnmappedTally()
    /// Lines of excluded categories (`CategoryRules`), by the exclusion's reason: left out, counted.
    public var excluded: [String: UnmappedTally] = [:]

    public init() {}

    /// Total kg CO2e of all computed lines.
    public var totalKg: Double {
        var sum = CompensatedSum()
        for method in CalculationMethod.allCases { sum.add(kgByMethod[method] ?? CompensatedSum()) }
        return sum.value
    }

    public var unmappedLines: Int { unmapped.values.reduce(0) { $0 + $1.lines } }

    /// Every line in the inventory's scope (in the period, not excluded), computed or not.
    public var lines: Int { linesByMethod.values.reduce(0, +) + unmappedLines }

    /// Lines and spend of all excluded lines.
    public var excludedTotal: UnmappedTally {
        var total = UnmappedTally()
        for tally in excluded.values { total.add(tally) }
        return total
    }

    /// Spend of the lines in the inventory's scope (computed and unmapped), by currency.
    public var includedSpend: [CurrencyCode: DecimalSum] {
        var spend: [CurrencyCode: DecimalSum] = [:]
        for byCurrency in spendByMethod.values {
            for (currency, amount) in byCurrency { spend[currency, default: DecimalSum()].add(amount) }
        }
        return spend
    }

    /// The ledger: every valid line read, in the inventory or not. Its spend per currency is exactly
    /// `includedSpend` + `excludedTotal.spend` + `outsidePeriod.spend`.
    public var ledger: UnmappedTally {
        var total = UnmappedTally()
        total.lines = lines
        total.spend = includedSpend
        total.add(excludedTotal)
        total.add(outsidePeriod)
        return total
    }

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
        for (k, v) in other.kgByScope3 { kgByScope3[k, default: CompensatedSum()].add(v) }
        for (k, methods) in other.kgByScope3Method {
            for (m, v) in methods { kgByScope3Method[k, default: [:]][m, default: CompensatedSum()].add(v) }
        }
        outsidePeriod.add(other.outsidePeriod)
        for (reason, tally) in other.excluded { excluded[reason, default: UnmappedTally()].add(tally) }
        if period == nil { period = other.period }
        for (reason, tally) in other.unmapped {
            unmapped[reason, default: UnmappedTally()].lines += tally.lines
            for (currency, amount) in tally.spend {
                unmapped[reason, default: UnmappedTally()].spend[currency, default: DecimalSum()].add(amount)
            }
        }
    }
}
