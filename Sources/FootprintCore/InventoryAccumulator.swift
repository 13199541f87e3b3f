/// Accumulates line results into dense arrays indexed by the caller's slots (one per distinct
/// category, supplier, customer and currency text), so that adding a line allocates nothing.
/// `summary` turns the slots back into names. Give each thread its own accumulator and merge
/// the summaries.
public struct InventoryAccumulator: Sendable {
    var methodLines = [Int](repeating: 0, count: 5)
    var categoryKg: [CompensatedSum] = []
    var supplierKg: [CompensatedSum] = []
    var customerKg: [CompensatedSum] = []
    // kg by Scope 3 category (1...15) and method, at [scope3 * 4 + method]; a category's kg is the sum of its
    // methods', and a method's kg the sum of its categories' (`summary`), so that a line adds its kg here once.
    var scope3MethodKg = [CompensatedSum](repeating: CompensatedSum(), count: 64)
    // Spend by row: the method (0...3), unmapped (4), outside the period (5), then one row per exclusion slot (6...).
    @usableFromInline var spend = SpendTable(rows: 6)
    @usableFromInline static let outsidePeriodRow = 5
    @usableFromInline static let firstExclusionRow = 6
    // Lines outside the period, and excluded lines by exclusion slot.
    @usableFromInline var outsidePeriodLines = 0
    @usableFromInline var excludedLines: [Int] = []
    // Unmapped lines by reason key.
    var unmapped: [UnmappedKey: Tally] = [:]
    // Lines that fell through a rule (`LineResult.Note`), by note and supplier slot.
    var fellThrough: [FallThroughKey: FallThrough.Tally] = [:]

    struct FallThroughKey: Hashable {
        var note: LineResult.Note
        var supplier: Int
    }

    /// What an unmapped line is missing, with the category as a slot until names are known (only a
    /// line without a factor is grouped by its category).
    public struct UnmappedKey: Hashable, Sendable {
        var cause: UnmappedCause
        var categorySlot: Int

        @usableFromInline
        init(_ cause: UnmappedCause, categorySlot: Int) {
            self.cause = cause
            self.categorySlot = cause == .noFactor ? categorySlot : -1
        }
    }

    struct Tally: Sendable {
        var lines = 0
        var spend: [CurrencyCode: DecimalSum] = [:]
    }

    public init() {}

    /// Adds one line. `customer` is -1 for a line bought for no customer; `scope3` (1...15) is the
    /// Scope 3 category its kg count in when it is computed.
    /// The amount is `amountDigits` x 10^-`amountScale` in `currency` (slot `currencySlot`).
    @inlinable @inline(__always)
    public mutating func add(
        _ result: LineResult,
        line: LedgerLine,
        category: Int,
        supplier: Int,
        customer: Int,
        scope3: Int = Scope3Category.purchasedGoodsAndServices.rawValue,
        currencySlot: Int,
        amountDigits: Int64,
        amountScale: Int
    ) {
        let outcome = result.outcome
        spend.add(row: outcome.status.methodSlot, currencySlot: currencySlot, digits: amountDigits, scale: amountScale)
        if outcome.fellThrough { addNote(result, supplier: supplier, currency: line.currency, digits: amountDigits, scale: amountScale) }
        guard let method = outcome.method else {
            addUnmapped(
                UnmappedKey(result.unmapped ?? .noFactor, categorySlot: category),
                currency: line.currency,
                digits: amountDigits,
                scale: amountScale
            )
            return
        }
        addComputed(method: Int(method.rawValue), kg: result.kg, category: category, supplier: supplier, customer: customer, scope3: scope3)
    }

    /// Adds a line dated outside the reporting period: counted with its spend, never evaluated.
    @inlinable @inline(__always)
    public mutating func addOutsidePeriod(currencySlot: Int, amountDigits: Int64, amountScale: Int) {
        outsidePeriodLines += 1
        spend.add(row: Self.outsidePeriodRow, currencySlot: currencySlot, digits: amountDigits, scale: amountScale)
    }

    /// Adds a line of an excluded category, by the caller's slot of the exclusion's reason: counted
    /// with its spend, never evaluated.
    @inlinable @inline(__always)
    public mutating func addExcluded(exclusion: Int, currencySlot: Int, amountDigits: Int64, amountScale: Int) {
        if exclusion >= excludedLines.count { excludedLines += Array(repeating: 0, count: exclusion + 1 - excludedLines.count) }
        excludedLines[exclusion] += 1
        spend.add(row: Self.firstExclusionRow + exclusion, currencySlot: currencySlot, digits: amountDigits, scale: amountScale)
    }

    @usableFromInline
    mutating func addComputed(method: Int, kg: Double, category: Int, supplier: Int, customer: Int, scope3: Int) {
        scope3MethodKg[(scope3 & 15) * 4 + (method & 3)].add(kg)
        methodLines[method] += 1
        if category >= categoryKg.count { categoryKg += Array(repeating: CompensatedSum(), count: category + 16 - categoryKg.count) }
        categoryKg[category].add(kg)
        if supplier >= supplierKg.count { supplierKg += Array(repeating: CompensatedSum(), count: supplier + 64 - supplierKg.count) }
        supplierKg[supplier].add(kg)
        if customer >= 0 {
            if customer >= customerKg.count { customerKg += Array(repeating: CompensatedSum(), count: customer + 64 - customerKg.count) }
            customerKg[customer].add(kg)
        }
    }

    @usableFromInline
    mutating func addNote(_ result: LineResult, supplier: Int, currency: CurrencyCode, digits: Int64, scale: Int) {
        let key = FallThroughKey(note: result.note, supplier: supplier)
        var tally = fellThrough[key] ?? FallThrough.Tally()
        tally.lines += 1
        if result.method != nil { tally.kg.add(result.kg) }
        tally.spend[currency, default: DecimalSum()].add(digits: digits, scale: scale)
        fellThrough[key] = tally
    }

    @usableFromInline
    mutating func addUnmapped(_ key: UnmappedKey, currency: CurrencyCode, digits: Int64, scale: Int) {
        methodLines[4] += 1
        unmapped[key, default: Tally()].lines += 1
        unmapped[key, default: Tally()].spend[currency, default: DecimalSum()].add(digits: digits, scale: scale)
    }

    /// The accumulated figures with slots replaced by their names (`exclusions`: the reasons by
    /// exclusion slot), for the reporting period `period` (nil: every date).
    public func summary(
        categories: [String],
        suppliers: [String],
        customers: [String],
        currencies: [CurrencyCode],
        exclusions: [String] = [],
        period: ReportingPeriod? = nil
    )
        -> InventorySummary
    {
        var s = InventorySummary()
        s.period = period
        var methodKg = [CompensatedSum](repeating: CompensatedSum(), count: 4)
        for row in 0..<16 {
            for method in CalculationMethod.allCases where scope3MethodKg[row * 4 + Int(method.rawValue)] != CompensatedSum() {
                let sum = scope3MethodKg[row * 4 + Int(method.rawValue)]
                methodKg[Int(method.rawValue)].add(sum)
                guard let scope3 = Scope3Category(rawValue: row) else { continue }
                s.kgByScope3Method[scope3, default: [:]][method] = sum
                s.kgByScope3[scope3, default: CompensatedSum()].add(sum)
            }
        }
        s.outsidePeriod.lines = outsidePeriodLines
        s.outsidePeriod.spend = spend.sums(row: Self.outsidePeriodRow, currencies: currencies)
        for (slot, lines) in excludedLines.enumerated() where lines > 0 && slot < exclusions.count {
            var t = InventorySummary.UnmappedTally()
            t.lines = lines
            t.spend = spend.sums(row: Self.firstExclusionRow + slot, currencies: currencies)
            s.excluded[exclusions[slot], default: InventorySummary.UnmappedTally()].add(t)
        }
        for method in CalculationMethod.allCases where methodLines[Int(method.rawValue)] > 0 {
            s.kgByMethod[method] = methodKg[Int(method.rawValue)]
            s.linesByMethod[method] = methodLines[Int(method.rawValue)]
        }
        for (slot, sum) in categoryKg.enumerated() where slot < categories.count && sum != CompensatedSum() {
            s.kgByCategory[categories[slot], default: CompensatedSum()].add(sum)
        }
        for (slot, sum) in supplierKg.enumerated() where slot < suppliers.count && sum != CompensatedSum() {
            s.kgBySupplier[suppliers[slot], default: CompensatedSum()].add(sum)
        }
        for (slot, sum) in customerKg.enumerated() where slot < customers.count && sum != CompensatedSum() {
            s.kgByCustomer[customers[slot], default: CompensatedSum()].add(sum)
        }
        for m in 0..<5 {
            let method: CalculationMethod? = m < 4 ? CalculationMethod(rawValue: UInt8(m)) : nil
            for (currency, sum) in spend.sums(row: m, currencies: currencies) {
                s.spendByMethod[method, default: [:]][currency, default: DecimalSum()].add(sum)
            }
        }
        for (key, tally) in fellThrough where key.supplier < suppliers.count {
            guard let reason = FallThrough(key.note, supplier: suppliers[key.supplier]) else { continue }
            s.fallThrough[reason, default: FallThrough.Tally()].add(tally)
        }
        for (key, tally) in unmapped {
            let reason = UnmappedReason(key.cause, category: categories[key.categorySlot])
            var t = InventorySummary.UnmappedTally()
            t.lines = tally.lines
            t.spend = tally.spend
            s.unmapped[reason, default: InventorySummary.UnmappedTally()].lines += t.lines
            for (currency, amount) in t.spend {
                s.unmapped[reason, default: InventorySummary.UnmappedTally()].spend[currency, default: DecimalSum()].add(amount)
            }
        }
        return s
    }
}
