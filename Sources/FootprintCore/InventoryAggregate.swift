/// The inventory of a calculation run, kept so that it can be added to and subtracted from
/// exactly: emissions in whole nano-kilograms (10^-9 kg CO2e) and spend in 10^-18 currency units,
/// both as integers. Sums of integers do not depend on their order, so an inventory updated
/// incrementally (minus the old lines of one supplier, plus their new results) is bit for bit the
/// inventory a full recalculation gives. Rounding each line to 10^-9 kg changes a total of n lines
/// by at most n x 0.5 x 10^-9 kg.
///
/// Each grouping (supplier, factor category, Scope 3 category, month, customer) keeps, per value,
/// lines and emissions per method and spend per currency: enough for totals, shares and method mix.
/// One cross grouping, supplier x Scope 3 category (`supplierScope3`, keys `3.1 SUPPLIER`), gives the
/// exact Category 1 and 2 figures of each supplier, also for a supplier whose lines span categories.
public struct InventoryAggregate: Sendable, Equatable, Codable {
    /// The groupings a run keeps.
    public enum Dimension: String, Sendable, CaseIterable, Codable {
        case supplier, category, scope3, month, customer
        /// Supplier x Scope 3 category: keys `3.N SUPPLIER` (`supplierScope3Key`).
        case supplierScope3 = "supplier-scope3"
    }

    /// The key of a supplier's cell in Scope 3 category `scope3` (1...15): `3.1 SUP-0001`.
    public static func supplierScope3Key(supplier: String, scope3: Int) -> String { "3.\(scope3) \(supplier)" }

    /// Splits a `supplierScope3` key into its Scope 3 category number and supplier; nil for another shape.
    public static func splitSupplierScope3Key(_ key: String) -> (scope3: Int, supplier: String)? {
        guard key.hasPrefix("3."), let space = key.firstIndex(of: " "), let n = Int(key[key.index(key.startIndex, offsetBy: 2)..<space]) else {
            return nil
        }
        return (n, String(key[key.index(after: space)...]))
    }

    /// False for a run stored before the supplier x Scope 3 category grouping existed (its
    /// `supplierScope3` cells are absent, not zero); an inventory added to such a one is one too.
    public var hasSupplierScope3 = true

    /// Figures of one group. Index 0...3 are the methods (`CalculationMethod.rawValue`), 4 is unmapped.
    public struct Cell: Sendable, Equatable, Codable {
        public var lines: [Int] = Array(repeating: 0, count: 5)
        public var nanoKg: [Int128] = Array(repeating: 0, count: 5)
        /// Spend by currency, in 10^-18 units.
        public var spend: [CurrencyCode: Int128] = [:]

        public init() {}

        public var totalLines: Int { lines.reduce(0, +) }
        public var totalNanoKg: Int128 { nanoKg.reduce(0, +) }
        public var kg: Double { Double(totalNanoKg) / 1e9 }
        public func kg(_ method: CalculationMethod) -> Double { Double(nanoKg[Int(method.rawValue)]) / 1e9 }
        public var isZero: Bool { lines.allSatisfy { $0 == 0 } && nanoKg.allSatisfy { $0 == 0 } && spend.values.allSatisfy { $0 == 0 } }

        public mutating func add(_ other: Cell, sign: Int = 1) {
            for m in 0..<5 {
                lines[m] += sign * other.lines[m]
                nanoKg[m] += Int128(sign) * other.nanoKg[m]
            }
            for (currency, units) in other.spend {
                let value = spend[currency, default: 0] + Int128(sign) * units
                spend[currency] = value == 0 ? nil : value
            }
        }

        public func spendSums() -> [CurrencyCode: DecimalSum] {
            var result: [CurrencyCode: DecimalSum] = [:]
            for (currency, units) in spend {
                var sum = DecimalSum()
                sum.units = units
                result[currency] = sum
            }
            return result
        }

        enum CodingKeys: String, CodingKey { case lines, kg, spend }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            lines = try c.decode([Int].self, forKey: .lines)
            nanoKg = try c.decode([String].self, forKey: .kg).map { Int128($0) ?? 0 }
            let text = try c.decode([String: String].self, forKey: .spend)
            for (k, v) in text { if let code = CurrencyCode(k), let units = Int128(v) { spend[code] = units } }
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(lines, forKey: .lines)
            try c.encode(nanoKg.map { String($0) }, forKey: .kg)
            try c.encode(Dictionary(uniqueKeysWithValues: spend.map { ($0.key.description, String($0.value)) }), forKey: .spend)
        }
    }

    /// The whole inventory.
    public var total = Cell()
    /// Per grouping, per value (supplier id, category, `3.1`, `2024-03`, customer id).
    public var groups: [Dimension: [String: Cell]] = [:]
    /// Unmapped lines by reason.
    public var unmapped: [UnmappedReason: Cell] = [:]
    /// Lines that fell through a rule they looked eligible for, by reason (`footprint-not-valid-on-date` /
    /// supplier), with lines, kg per the method that computed them, and spend.
    public var fallThrough: [FallThrough: Cell] = [:]
    /// The reporting period the inventory covers; nil when every line counts whatever its date (runs
    /// stored before periods, and `--period all`).
    public var period: ReportingPeriod?
    /// Lines dated outside `period`, left out of every other figure: lines (at the unmapped index, 4)
    /// and spend per currency.
    public var outsidePeriod = Cell()
    /// Lines of categories excluded from the inventory (`CategoryRules`), by the exclusion's reason,
    /// left out of every other figure: lines (at index 4) and spend per currency.
    public var excluded: [String: Cell] = [:]
    /// The lines of products made by another company than their invoicing supplier (manufacturers.csv),
    /// per Scope 3 category, supplier and manufacturer (`InventoryAggregate+Manufactured.swift`).
    public var manufactured: [ManufacturedKey: Cell] = [:]
    /// False for a run stored before that grouping existed (binary version 5 and earlier): its
    /// manufactured lines are unknown, not absent.
    public var hasManufactured = true
    /// The purchase lines by what a customer allocation's pools select (`InventoryAggregate+PoolSources.swift`).
    public var poolSources: [PoolSourceKey: Cell] = [:]
    /// False for a run stored before that grouping existed (binary version 6 and earlier): an
    /// allocation then reads the run's lines instead.
    public var hasPoolSources = true

    public init() {}

    /// Lines of the ledger the inventory read: in it (`total`), outside the period and excluded.
    public var ledgerLines: Int { total.totalLines + outsidePeriod.totalLines + excluded.values.reduce(0) { $0 + $1.totalLines } }

    enum CodingKeys: String, CodingKey {
        case total, groups, unmapped
        case fallThrough = "fall_through"
        case methodSpend = "method_spend"
        case hasSupplierScope3 = "has_supplier_scope3"
        case period
        case outsidePeriod = "outside_period"
        case excluded, manufactured
        case hasManufactured = "has_manufactured"
        case poolSources = "pool_sources"
        case hasPoolSources = "has_pool_sources"
    }
    /// The period in the JSON form: its fiscal year and start month.
    struct PeriodEntry: Codable {
        var year: Int
        var startMonth: Int
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        total = try c.decode(Cell.self, forKey: .total)
        hasSupplierScope3 = try c.decodeIfPresent(Bool.self, forKey: .hasSupplierScope3) ?? false
        let named = try c.decode([String: [String: Cell]].self, forKey: .groups)
        for (name, cells) in named { if let d = Dimension(rawValue: name) { groups[d] = cells } }
        for entry in try c.decode([ReasonEntry].self, forKey: .unmapped) {
            guard let reason = UnmappedReason(code: entry.key.code, subject: entry.key.subject) else {
                throw DecodingError.dataCorruptedError(forKey: .unmapped, in: c, debugDescription: "unknown reason '\(entry.key.code)'")
            }
            unmapped[reason] = entry.cell
        }
        for entry in try c.decodeIfPresent([ReasonEntry].self, forKey: .fallThrough) ?? [] {
            fallThrough[FallThrough(code: entry.key.code, subject: entry.key.subject)] = entry.cell
        }
        if let p = try c.decodeIfPresent(PeriodEntry.self, forKey: .period) { period = ReportingPeriod(fiscalYear: p.year, startMonth: p.startMonth) }
        outsidePeriod = try c.decodeIfPresent(Cell.self, forKey: .outsidePeriod) ?? Cell()
        excluded = try c.decodeIfPresent([String: Cell].self, forKey: .excluded) ?? [:]
        hasManufactured = try c.decodeIfPresent(Bool.self, forKey: .hasManufactured) ?? false
        for entry in try c.decodeIfPresent([ManufacturedEntry].self, forKey: .manufactured) ?? [] {
            manufactured[ManufacturedKey(scope3: entry.scope3, supplier: entry.supplier, manufacturer: entry.manufacturer)] = entry.cell
        }
        hasPoolSources = try c.decodeIfPresent(Bool.self, forKey: .hasPoolSources) ?? false
        for entry in try c.decodeIfPresent([PoolSourceEntry].self, forKey: .poolSources) ?? [] {
            let key = PoolSourceKey(scope3: entry.scope3, supplier: entry.supplier, category: entry.category, customer: entry.customer)
            poolSources[key] = entry.cell
        }
        let spend = try c.decode([[String: String]].self, forKey: .methodSpend)
        for (m, table) in spend.enumerated() where m < 5 {
            for (k, v) in table { if let code = CurrencyCode(k), let units = Int128(v) { methodSpendUnits[m][code] = units } }
        }
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(total, forKey: .total)
        try c.encode(hasSupplierScope3, forKey: .hasSupplierScope3)
        try c.encode(Dictionary(uniqueKeysWithValues: groups.map { ($0.key.rawValue, $0.value) }), forKey: .groups)
        try c.encode(
            unmapped.sortedByKey().map { ReasonEntry($0.key.code, $0.key.subject, $0.key.explanation, $0.value) },
            forKey: .unmapped
        )
        if !fallThrough.isEmpty {
            try c.encode(
                fallThrough.sortedByKey().map { ReasonEntry($0.key.code, $0.key.subject, $0.key.explanation, $0.value) },
                forKey: .fallThrough
            )
        }
        if let period { try c.encode(PeriodEntry(year: period.year, startMonth: period.startMonth), forKey: .period) }
        if !outsidePeriod.isZero { try c.encode(outsidePeriod, forKey: .outsidePeriod) }
        if !excluded.isEmpty { try c.encode(excluded, forKey: .excluded) }
        try c.encode(hasManufactured, forKey: .hasManufactured)
        try c.encode(hasPoolSources, forKey: .hasPoolSources)
        if !poolSources.isEmpty {
            try c.encode(
                poolSourcesInOrder().map {
                    PoolSourceEntry(
                        scope3: $0.key.scope3,
                        supplier: $0.key.supplier,
                        category: $0.key.category,
                        customer: $0.key.customer,
                        cell: $0.value
                    )
                },
                forKey: .poolSources
            )
        }
        if !manufactured.isEmpty {
            try c.encode(
                manufactured.sortedByKey().map {
                    ManufacturedEntry(scope3: $0.key.scope3, supplier: $0.key.supplier, manufacturer: $0.key.manufacturer, cell: $0.value)
                },
                forKey: .manufactured
            )
        }
        try c.encode(
            methodSpendUnits.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.description, String($0.value)) }) },
            forKey: .methodSpend
        )
    }
    /// A reason in the JSON form: its code, subject and explanation, and its cell.
    struct ReasonEntry: Codable {
        struct Key: Codable {
            var code: String
            var subject: String
            var explanation: String
        }
        var key: Key
        var cell: Cell
        init(_ code: String, _ subject: String, _ explanation: String, _ cell: Cell) {
            key = Key(code: code, subject: subject, explanation: explanation)
            self.cell = cell
        }
    }

    public func cells(_ dimension: Dimension) -> [String: Cell] { groups[dimension] ?? [:] }

    /// Adds (`sign` 1) or subtracts (`sign` -1) another inventory; groups that fall to zero disappear.
    public mutating func add(_ other: InventoryAggregate, sign: Int = 1) {
        total.add(other.total, sign: sign)
        if !other.hasSupplierScope3 || !hasSupplierScope3 {
            hasSupplierScope3 = false
            groups[.supplierScope3] = nil
        }
        for (dimension, cells) in other.groups where dimension != .supplierScope3 || hasSupplierScope3 {
            var mine = groups[dimension] ?? [:]
            for (key, cell) in cells {
                var c = mine[key] ?? Cell()
                c.add(cell, sign: sign)
                mine[key] = c.isZero ? nil : c
            }
            groups[dimension] = mine
        }
        for (key, cell) in other.unmapped {
            var c = unmapped[key] ?? Cell()
            c.add(cell, sign: sign)
            unmapped[key] = c.isZero ? nil : c
        }
        for (key, cell) in other.fallThrough {
            var c = fallThrough[key] ?? Cell()
            c.add(cell, sign: sign)
            fallThrough[key] = c.isZero ? nil : c
        }
        if period == nil { period = other.period }
        outsidePeriod.add(other.outsidePeriod, sign: sign)
        for (key, cell) in other.excluded {
            var c = excluded[key] ?? Cell()
            c.add(cell, sign: sign)
            excluded[key] = c.isZero ? nil : c
        }
        addManufactured(other, sign: sign)
        addPoolSources(other, sign: sign)
        for m in 0..<5 {
            for (currency, units) in other.methodSpendUnits[m] {
                let value = methodSpendUnits[m][currency, default: 0] + Int128(sign) * units
                methodSpendUnits[m][currency] = value == 0 ? nil : value
            }
        }
    }

    /// The figures in the shape of `calculate`'s summary (same keys, same meaning).
    public func summary() -> InventorySummary {
        var s = InventorySummary()
        for method in CalculationMethod.allCases where total.lines[Int(method.rawValue)] > 0 {
            s.kgByMethod[method] = CompensatedSum(total.kg(method))
            s.linesByMethod[method] = total.lines[Int(method.rawValue)]
        }
        for (dimension, cells) in groups {
            for (key, cell) in cells where cell.totalLines - cell.lines[4] > 0 {
                switch dimension {
                case .category: s.kgByCategory[key] = CompensatedSum(cell.kg)
                case .supplier: s.kgBySupplier[key] = CompensatedSum(cell.kg)
                case .customer: s.kgByCustomer[key] = CompensatedSum(cell.kg)
                case .scope3:
                    if let n = Int(key.dropFirst(2)), let category = Scope3Category(rawValue: n) {
                        s.kgByScope3[category, default: CompensatedSum()].add(CompensatedSum(cell.kg))
                        for method in CalculationMethod.allCases where cell.nanoKg[Int(method.rawValue)] != 0 {
                            s.kgByScope3Method[category, default: [:]][method, default: CompensatedSum()].add(CompensatedSum(cell.kg(method)))
                        }
                    }
                case .month, .supplierScope3: break
                }
            }
        }
        s.spendByMethod = spendByMethod
        for (key, cell) in fallThrough {
            var tally = FallThrough.Tally()
            tally.lines = cell.totalLines
            tally.spend = cell.spendSums()
            tally.kg = CompensatedSum(cell.kg)
            s.fallThrough[key] = tally
        }
        for (reason, cell) in unmapped {
            var tally = InventorySummary.UnmappedTally()
            tally.lines = cell.totalLines
            tally.spend = cell.spendSums()
            s.unmapped[reason] = tally
        }
        s.period = period
        s.outsidePeriod.lines = outsidePeriod.totalLines
        s.outsidePeriod.spend = outsidePeriod.spendSums()
        for (reason, cell) in excluded {
            var tally = InventorySummary.UnmappedTally()
            tally.lines = cell.totalLines
            tally.spend = cell.spendSums()
            s.excluded[reason] = tally
        }
        return s
    }

    /// Spend by method is kept apart from the groups, since a cell's spend is not split by method.
    public var spendByMethod: [CalculationMethod?: [CurrencyCode: DecimalSum]] {
        var result: [CalculationMethod?: [CurrencyCode: DecimalSum]] = [:]
        for (m, spend) in methodSpendUnits.enumerated() where !spend.isEmpty {
            let method: CalculationMethod? = m < 4 ? CalculationMethod(rawValue: UInt8(m)) : nil
            var sums: [CurrencyCode: DecimalSum] = [:]
            for (currency, units) in spend {
                var sum = DecimalSum()
                sum.units = units
                sums[currency] = sum
            }
            result[method] = sums
        }
        return result
    }

    /// Spend per method index (0...3, 4 unmapped) and currency, in 10^-18 units.
    public var methodSpendUnits: [[CurrencyCode: Int128]] = Array(repeating: [:], count: 5)
}
