import FootprintCore

/// Evaluates packs of purchase lines with one engine, and adds results to an aggregate: the
/// workspace's hot path. Term ids of the workspace are resolved once, into arrays, to the
/// engine's keys, so that a line is a handful of array reads.
struct PackEvaluator: Sendable {
    let engine: InventoryEngine
    let texts: [String?]
    /// The terms' keys in `engine` and their treatment by the boundary (`TermTables`, where each is
    /// described); read through the properties below, which the hot loops use.
    let terms: TermTables
    var supplierKey: [SupplierKey] { terms.supplierKey }
    var categoryKey: [CategoryKey] { terms.categoryKey }
    var productKey: [ProductKey] { terms.productKey }
    var unitKey: [UnitKey] { terms.unitKey }
    var currencyKey: [CurrencyKey] { terms.currencyKey }
    var currencyCode: [CurrencyCode] { terms.currencyCode }
    var currencySlot: [Int32] { terms.currencySlot }
    var currencies: [CurrencyCode] { terms.currencies }
    var categoryScope3: [UInt8] { terms.categoryScope3 }
    var thresholdTreatment: [Int: InventoryBoundary.Treatment] { terms.thresholdTreatment }
    var unitCountsItems: [Bool] { terms.unitCountsItems }
    var categoryExclusion: [Int32] { terms.categoryExclusion }
    var exclusionReasons: [String] { terms.exclusionReasons }
    /// The reporting period (nil: every line counts), and its bounds as YYYYMMDD (the widest when nil).
    let period: ReportingPeriod?
    let periodStart: Int32
    let periodEnd: Int32
    /// The credit notes that name their invoice, with the invoice (`CreditNoteLinks`); empty when none does.
    var credits = CreditNoteLinks()
    /// By product term: whether manufacturers.csv names a manufacturer of the product (for some
    /// supplier); empty when it names none. Only such lines ask the engine for their manufacturer.
    let productHasManufacturer: [Bool]
    /// The manufacturers of manufacturers.csv, and by the engine's supplier key index the number of each
    /// (`InventoryAggregate.manufactured`).
    let manufacturers: [String]
    let manufacturerNumber: [Int32: Int]

    /// The boundary's rules place lines in their Scope 3 category and exclude categories; its period
    /// leaves out the lines dated outside it. Both are counted, not evaluated
    /// (`LineOutcome.Status.outsidePeriod`, `.excluded`): a line outside the period is counted there,
    /// whatever its category.
    ///
    /// `tables`: the term tables for this engine, texts and boundary when the caller has them
    /// (`CalculationCache.termTables`); made here otherwise.
    init(engine: InventoryEngine, texts: [String?], boundary: InventoryBoundary, tables: TermTables? = nil) {
        self.engine = engine
        self.texts = texts
        period = boundary.period
        (periodStart, periodEnd) = boundary.dateBounds
        terms = tables ?? TermTables(engine: engine, texts: texts, boundary: boundary)
        let made = engine.reference.manufacturers
        manufacturers = Array(Set(made.map(\.manufacturer))).sorted()
        manufacturerNumber = Dictionary(
            uniqueKeysWithValues: manufacturers.enumerated().map { (engine.supplierKey($0.element).index, $0.offset) }
        )
        if made.isEmpty {
            productHasManufacturer = []
        } else {
            let products = Set(made.map(\.product))
            productHasManufacturer = texts.map { $0.map(products.contains) ?? false }
        }
    }

    func makeAccumulator() -> AggregateAccumulator { AggregateAccumulator(currencyCount: currencies.count) }

    /// The number (in `manufacturers`) of the manufacturer of product term `product` invoiced by supplier
    /// term `supplier`, when it is another company than the supplier; -1 otherwise.
    @inline(__always)
    func manufacturer(product: Int, supplier: Int) -> Int {
        guard product >= 0 && product < productHasManufacturer.count && productHasManufacturer[product] else { return -1 }
        let key = supplierKey(supplier)
        guard let maker = engine.manufacturer(supplier: key, product: productKey[product]), maker.supplier != key else { return -1 }
        return manufacturerNumber[maker.supplier.index] ?? -1
    }

    static let spendScale: [Int128] = (0...18).map { p in
        var v: Int128 = 1
        for _ in 0..<(18 - p) { v *= 10 }
        return v
    }

    /// Evaluates every line of `pack` (of supplier term `supplier`), adds them to `accumulator`, returns
    /// their activity results (`LineResultPack`).
    func evaluate(_ pack: PackView, supplier: Int, into accumulator: inout AggregateAccumulator) -> [UInt8] {
        let n = pack.count
        let results = LineResultPack.Writer(lines: n)
        let supplierEngineKey = supplierKey(supplier)
        var sums = SupplierSums(currencies: currencies.count)
        for i in 0..<n {
            let (outcome, kg, activity, source) = evaluateLine(pack, i, supplierEngineKey)
            results.set(i, outcome: outcome, activity: activity, source: source)
            add(pack, i, outcome: outcome, kg: kg, source: source, into: &accumulator, &sums, supplier: supplier)
        }
        addSupplier(supplier, sums, into: &accumulator)
        return results.bytes
    }

    /// The engine's key of supplier term `supplier`.
    @inline(__always)
    func supplierKey(_ supplier: Int) -> SupplierKey { supplier >= 0 && supplier < supplierKey.count ? supplierKey[supplier] : .none }

    /// The kg of stored line `i` of `pack`: as stored (kg results), or its activity times the figure its
    /// source names in this evaluator's reference data (activity results).
    @inline(__always)
    func kg(_ stored: LineResultPack.View, _ i: Int, _ pack: PackView, supplierEngineKey: SupplierKey) -> Double {
        kg(stored, i, product: Int(pack.product(i)), supplierEngineKey: supplierEngineKey)
    }

    /// The same, for a line of product term `product` (-1: none).
    @inline(__always)
    func kg(_ stored: LineResultPack.View, _ i: Int, product: Int, supplierEngineKey: SupplierKey) -> Double {
        guard stored.isActivity else { return stored.value(i) }
        guard let method = stored.outcome(i).method else { return 0 }
        let activity = stored.value(i)
        let figure = engine.figure(
            method: method,
            supplier: supplierEngineKey,
            product: product >= 0 ? productKey[product] : .none,
            rank: stored.source(i)
        )
        // A price-only rebate (`LineResult.Note.priceOnlyRebate`) keeps its invoice's figure, which its own
        // line (without quantity, perhaps without product) may not name: 0 activity is 0 kg.
        return figure.isNaN && activity == 0 && stored.outcome(i).note == .priceOnlyRebate ? 0 : activity * figure
    }

    /// Recomputes the lines of `pack` that `needs(line, old status)` selects: their old results go into
    /// `old`, their new ones into `new`, and the pack's results are the stored ones with those lines
    /// replaced. Returns nil when no line needed it. Stored kg results are replaced whole (every line
    /// evaluated again), as activity results.
    func update(
        _ pack: PackView,
        supplier: Int,
        stored: LineResultPack.View,
        oldFigures: PackEvaluator,
        needs: (Int, LineOutcome) -> Bool,
        old: inout AggregateAccumulator,
        new: inout AggregateAccumulator
    ) -> (bytes: [UInt8], recomputed: Int)? {
        var results: LineResultPack.Writer?
        var recomputed = 0
        let supplierEngineKey = supplierKey(supplier)
        let oldSupplierKey = oldFigures.supplierKey(supplier)
        let all = !stored.isActivity
        var oldSums = SupplierSums(currencies: currencies.count)
        var newSums = SupplierSums(currencies: currencies.count)
        for i in 0..<min(pack.count, stored.count) where all || needs(i, stored.outcome(i)) {
            let writer = results ?? (all ? LineResultPack.Writer(lines: pack.count) : LineResultPack.Writer(copying: stored))
            results = writer
            let oldKg = oldFigures.kg(stored, i, pack, supplierEngineKey: oldSupplierKey)
            add(pack, i, outcome: stored.outcome(i), kg: oldKg, source: stored.source(i), into: &old, &oldSums, supplier: supplier)
            let (outcome, kg, activity, source) = evaluateLine(pack, i, supplierEngineKey)
            writer.set(i, outcome: outcome, activity: activity, source: source)
            add(pack, i, outcome: outcome, kg: kg, source: source, into: &new, &newSums, supplier: supplier)
            recomputed += 1
        }
        guard let results else { return nil }
        addSupplier(supplier, oldSums, into: &old)
        addSupplier(supplier, newSums, into: &new)
        return (results.bytes, recomputed)
    }

    /// Whether a line of `date` (YYYYMMDD) and category term `category` is left out of the inventory,
    /// and why: dated outside the period (first), or of an excluded category. Nil when it is evaluated.
    @inline(__always)
    func leftOut(date: Int32, category: Int) -> LineOutcome.Status? {
        if date < periodStart || date > periodEnd { return .outsidePeriod }
        if categoryExclusion[category] >= 0 { return .excluded }
        return nil
    }

    /// Why a line left out with `status` (of category term `category`) is, as people read it.
    func leftOutReason(_ status: LineOutcome.Status, category: Int) -> LineExclusion {
        if status == .outsidePeriod, let period { return .outsidePeriod(period) }
        let n = Int(categoryExclusion[category])
        return .excluded(reason: n >= 0 && n < exclusionReasons.count ? exclusionReasons[n] : "excluded category")
    }

    /// Line `i` of `pack` as the engine reads it.
    @inline(__always)
    func ledgerLine(_ pack: PackView, _ i: Int, _ supplierEngineKey: SupplierKey) -> LedgerLine {
        let currency = Int(pack.currency(i))
        let product = Int(pack.product(i))
        let unit = Int(pack.unit(i))
        return LedgerLine(
            supplier: supplierEngineKey,
            category: categoryKey[Int(pack.category(i))],
            product: product >= 0 ? productKey[product] : .none,
            unit: unit >= 0 ? unitKey[unit] : .none,
            currencyKey: currencyKey[currency],
            currency: currencyCode[currency],
            year: pack.date(i) / 10000,
            date: pack.date(i),
            amount: pack.amount(i),
            quantity: pack.quantity(i)
        )
    }

    /// One line through the engine: its outcome, kg, activity, and source (`LineResult.storedSource`).
    @inline(__always)
    func evaluateLine(_ pack: PackView, _ i: Int, _ supplierEngineKey: SupplierKey) -> (LineOutcome, Double, Double, Int32) {
        if let status = leftOut(date: pack.date(i), category: Int(pack.category(i))) { return (LineOutcome(status), 0, 0, -1) }
        let line = ledgerLine(pack, i, supplierEngineKey)
        let r = credits.isEmpty ? engine.evaluate(line) : evaluate(line, row: pack.row(i))
        return r.method != nil ? (r.outcome, r.kg, r.activity, r.rank) : (r.outcome, 0, 0, r.storedSource)
    }

    /// Purchase row `row` as `line`: a credit note that names its invoice as the invoice was
    /// (`InventoryEngine.evaluate(_:correcting:)`), any other line by the hierarchy.
    func evaluate(_ line: LedgerLine, row: Int64) -> LineResult {
        guard let link = credits.link(row) else { return engine.evaluate(line) }
        return engine.evaluate(line, correcting: link)
    }

    /// The year whose figures computed row `row` dated `date` (YYYYMMDD): its invoice's for a credit note
    /// that names one in the ledger, else its own. An unmapped line's reason names it.
    @inline(__always)
    func figureYear(row: Int64, date: Int) -> Int32 {
        guard !credits.isEmpty, let link = credits.link(row), let invoice = link else { return Int32(date / 10000) }
        return invoice.date / 10000
    }

    /// The Scope 3 category (1...15) of a computed line: `InventoryBoundary.Treatment.scope3(flag:line:countsItems:engine:)`,
    /// in its fast form first (the line's flag, the category's fixed category). `line` is asked for only
    /// for a category placed by a capitalisation threshold.
    @inline(__always)
    func scope3(flag: Int, category: Int, unit: Int, line: () -> LedgerLine) -> Int {
        if flag > 0 { return flag }
        let fixed = Int(categoryScope3[category])
        if fixed > 0 { return fixed }
        return placeByThreshold(category: category, unit: unit, line: line())
    }

    @inline(never)
    private func placeByThreshold(category: Int, unit: Int, line: LedgerLine) -> Int {
        guard let treatment = thresholdTreatment[category] else { return 1 }
        let countsItems = unit >= 0 && unit < unitCountsItems.count && unitCountsItems[unit]
        return treatment.scope3(flag: 0, line: line, countsItems: countsItems, engine: engine)
    }

    /// A pack's lines summed for its supplier's cell, per Scope 3 category (0...15): lines and nano-kg
    /// at `[scope3 * 5 + method]`, spend at `[scope3 * currencies + currency]`.
    struct SupplierSums {
        var lines = [Int](repeating: 0, count: 16 * 5)
        var nanoKg = [Int128](repeating: 0, count: 16 * 5)
        var spend: [Int128]
        let currencies: Int
        init(currencies: Int) {
            self.currencies = max(1, currencies)
            spend = Array(repeating: 0, count: 16 * self.currencies)
        }

        /// The supplier's lines made for no customer, by ledger category and Scope 3 category
        /// (`AggregateAccumulator.addSupplierCategories`): keys `category << 4 | scope3`, lines and
        /// nano-kg at `[k * 5 + method]`; a pack has a few, searched from the one last found.
        var categoryKeys: [Int] = []
        var categoryLines: [Int] = []
        var categoryNanoKg: [Int128] = []
        var lastCategory = 0

        @inline(__always)
        mutating func add(_ method: Int, _ nano: Int128, _ currency: Int, _ units: Int128, scope3: Int) {
            let s = scope3 & 15
            lines.withUnsafeMutableBufferPointer { $0[s &* 5 &+ method] &+= 1 }
            nanoKg.withUnsafeMutableBufferPointer { $0[s &* 5 &+ method] &+= nano }
            let c = currencies
            spend.withUnsafeMutableBufferPointer { $0[s &* c &+ currency] &+= units }
        }

        @inline(__always)
        mutating func addCategory(_ category: Int, scope3: Int, _ method: Int, _ nano: Int128) {
            let key = InventoryAggregate.PoolSourceKey.categoryKey(category: category, scope3: scope3)
            if lastCategory >= categoryKeys.count || categoryKeys[lastCategory] != key {
                if let found = categoryKeys.firstIndex(of: key) {
                    lastCategory = found
                } else {
                    lastCategory = categoryKeys.count
                    categoryKeys.append(key)
                    categoryLines += repeatElement(0, count: 5)
                    categoryNanoKg += repeatElement(0, count: 5)
                }
            }
            categoryLines[lastCategory &* 5 &+ method] &+= 1
            categoryNanoKg[lastCategory &* 5 &+ method] &+= nano
        }
    }

    /// Adds a pack's supplier sums (`SupplierSums`) to `accumulator`.
    @inline(__always)
    private func addSupplier(_ supplier: Int, _ sums: SupplierSums, into accumulator: inout AggregateAccumulator) {
        accumulator.addSupplier(supplier, lines: sums.lines, nanoKg: sums.nanoKg, spend: sums.spend)
        accumulator.addSupplierCategories(supplier, keys: sums.categoryKeys, lines: sums.categoryLines, nanoKg: sums.categoryNanoKg)
    }

    @inline(__always)
    private func add(
        _ pack: PackView,
        _ i: Int,
        outcome: LineOutcome,
        kg: Double,
        source: Int32,
        into accumulator: inout AggregateAccumulator,
        _ sums: inout SupplierSums,
        supplier: Int
    ) {
        let category = Int(pack.category(i))
        let currency = Int(pack.currency(i))
        let method = outcome.status.methodSlot
        let spend = Int128(pack.amountDigits(i)) * Self.spendScale[Int(pack.amountScale(i))]
        // A line left out of the inventory is counted there only: in no grouping, not in its supplier's figures.
        guard outcome.status.isInInventory else {
            if outcome.status == .outsidePeriod {
                accumulator.addOutsidePeriod(currency: Int(currencySlot[currency]), spendUnits: spend)
            } else {
                accumulator.addExcluded(reason: max(0, Int(categoryExclusion[category])), currency: Int(currencySlot[currency]), spendUnits: spend)
            }
            return
        }
        let date = Int(pack.date(i))
        // Months from January 1900; a line dated earlier is counted everywhere but in the grouping by month.
        let month = date >= 1900_01_00 ? (date / 10000 - 1900) * 12 + (date / 100 % 100) - 1 : -1
        let scope3 = self.scope3(flag: Int(pack.scope3(i)), category: category, unit: Int(pack.unit(i))) {
            ledgerLine(pack, i, supplierKey(supplier))
        }
        let nano = method < 4 ? AggregateAccumulator.nanoKg(kg) : 0
        let currencyIndex = Int(currencySlot[currency])
        accumulator.add(
            method: method,
            nanoKg: nano,
            category: category,
            scope3: scope3,
            month: month,
            customer: Int(pack.customer(i)),
            currency: currencyIndex,
            spendUnits: spend
        )
        sums.add(method, nano, currencyIndex, spend, scope3: scope3)
        if pack.customer(i) < 0 { sums.addCategory(category, scope3: scope3, method, nano) }
        let maker = manufacturer(product: Int(pack.product(i)), supplier: supplier)
        if maker >= 0 && supplier >= 0 {
            accumulator.addManufactured(
                supplier: supplier,
                manufacturer: maker,
                scope3: scope3,
                method: method,
                nanoKg: nano,
                currency: currencyIndex,
                spendUnits: spend
            )
        }
        if outcome.fellThrough {
            let name = supplier >= 0 && supplier < texts.count ? (texts[supplier] ?? "#\(supplier)") : "#\(supplier)"
            accumulator.addFallThrough(
                FallThrough(outcome.note, supplier: name)!,
                method: method,
                nanoKg: nano,
                currency: currencyCode[currency],
                spendUnits: spend
            )
        }
        if let cause = UnmappedCause(
            status: outcome.status,
            storedSource: source,
            lineYear: figureYear(row: pack.row(i), date: date),
            lineCurrency: currencyCode[currency]
        ) {
            accumulator.addUnmapped(UnmappedReason(cause, category: texts[category] ?? "?"), currency: currencyCode[currency], spendUnits: spend)
        }
    }

    /// The aggregate of an accumulator, with term ids and slots turned into names.
    func aggregate(_ accumulator: AggregateAccumulator) -> InventoryAggregate {
        accumulator.aggregate(
            currencies: currencies,
            name: slotName,
            period: period,
            exclusionReasons: exclusionReasons,
            manufacturers: manufacturers
        )
    }

    /// The name of a slot of a grouping: the text of a supplier, category or customer term, `3.N`, `YYYY-MM`.
    func slotName(_ dimension: InventoryAggregate.Dimension, _ slot: Int) -> String {
        switch dimension {
        case .supplier, .category, .customer: slot < texts.count ? (texts[slot] ?? "#\(slot)") : "#\(slot)"
        case .scope3: "3.\(slot)"
        case .supplierScope3: "#\(slot)"  // named by the accumulator from the supplier's name
        case .month:
            "\(slot / 12 + 1900)-\(slot % 12 + 1 < 10 ? "0" : "")\(slot % 12 + 1)"
        }
    }

    /// Adds figure changes (`refigure`) to an inventory; returns the cells they changed.
    @discardableResult
    func apply(_ delta: NanoKgDelta, to aggregate: inout InventoryAggregate) -> InventoryAggregate.ChangedCells {
        delta.apply(to: &aggregate, name: slotName) { supplier in .footprintNotValidOnDate(supplier: slotName(.supplier, supplier)) }
    }
}
