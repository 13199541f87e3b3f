import FootprintCore

/// Evaluates packs of purchase lines with one engine, and adds results to an aggregate: the
/// workspace's hot path. Term ids of the workspace are resolved once, into arrays, to the
/// engine's keys, so that a line is a handful of array reads.
struct PackEvaluator: Sendable {
    let engine: InventoryEngine
    let texts: [String?]
    let supplierKey: [Int32]
    let categoryKey: [Int32]
    let productKey: [Int32]
    let unitKey: [Int32]
    let currencyKey: [Int32]
    let currencyCode: [CurrencyCode]
    /// Dense slot per currency term, and the codes of the slots.
    let currencySlot: [Int32]
    let currencies: [CurrencyCode]
    /// Scope 3 category (1...15) by category term: the factor library's default for the category, else 1.
    let categoryScope3: [UInt8]

    init(engine: InventoryEngine, texts: [String?], scope3Defaults: [String: Scope3Category]) {
        self.engine = engine
        self.texts = texts
        let n = texts.count
        var supplierKey = [Int32](repeating: -1, count: n), categoryKey = supplierKey, productKey = supplierKey
        var unitKey = supplierKey, currencyKey = supplierKey, currencySlot = supplierKey
        var currencyCode = [CurrencyCode](repeating: CurrencyCode("XXX")!, count: n)
        var categoryScope3 = [UInt8](repeating: 1, count: n)
        var currencies: [CurrencyCode] = []
        for (id, text) in texts.enumerated() {
            guard let text else { continue }
            supplierKey[id] = engine.supplierKeys.find(text).map(Int32.init) ?? -1
            categoryKey[id] = engine.categoryKeys.find(text).map(Int32.init) ?? -1
            productKey[id] = engine.productKeys.find(text).map(Int32.init) ?? -1
            unitKey[id] = engine.unitKey(for: text)
            if let code = CurrencyCode(text) {
                currencyCode[id] = code
                currencyKey[id] = engine.currencyKey(for: code)
                currencySlot[id] = Int32(currencies.count)
                currencies.append(code)
            }
            if let s = scope3Defaults[text] { categoryScope3[id] = UInt8(s.rawValue) }
        }
        self.supplierKey = supplierKey
        self.categoryKey = categoryKey
        self.productKey = productKey
        self.unitKey = unitKey
        self.currencyKey = currencyKey
        self.currencyCode = currencyCode
        self.currencySlot = currencySlot
        self.currencies = currencies
        self.categoryScope3 = categoryScope3
    }

    func makeAccumulator() -> AggregateAccumulator { AggregateAccumulator(currencyCount: currencies.count) }

    static let spendScale: [Int128] = (0...18).map { p in
        var v: Int128 = 1
        for _ in 0..<(18 - p) { v *= 10 }
        return v
    }

    /// Evaluates every line of `pack` (of supplier term `supplier`), adds them to `accumulator`, returns their results.
    func evaluate(_ pack: PackView, supplier: Int, into accumulator: inout AggregateAccumulator) -> [UInt8] {
        let n = pack.count
        let results = LineResultPack.Writer(lines: n)
        let supplierEngineKey = supplier < supplierKey.count ? supplierKey[supplier] : -1
        var sums = SupplierSums(currencies: currencies.count)
        for i in 0..<n {
            let (status, kg, source) = evaluateLine(pack, i, supplierEngineKey)
            results.set(i, status: status, kg: kg, source: source)
            add(pack, i, status: status, kg: kg, source: source, into: &accumulator, &sums, supplier: supplier)
        }
        accumulator.addSupplier(supplier, lines: sums.lines, nanoKg: sums.nanoKg, spend: sums.spend)
        return results.bytes
    }

    /// Recomputes the lines of `pack` that `needs(line, old status)` selects: their old results go into
    /// `old`, their new ones into `new`, and the pack's results are the stored ones with those lines
    /// replaced. Returns nil when no line needed it.
    func update(
        _ pack: PackView, supplier: Int, stored: LineResultPack.View, needs: (Int, UInt8) -> Bool,
        old: inout AggregateAccumulator, new: inout AggregateAccumulator
    ) -> (bytes: [UInt8], recomputed: Int)? {
        var results: LineResultPack.Writer?
        var recomputed = 0
        let supplierEngineKey = supplier < supplierKey.count ? supplierKey[supplier] : -1
        var oldSums = SupplierSums(currencies: currencies.count), newSums = SupplierSums(currencies: currencies.count)
        for i in 0..<min(pack.count, stored.count) where needs(i, stored.status(i)) {
            let writer = results ?? LineResultPack.Writer(copying: stored)
            results = writer
            add(pack, i, status: stored.status(i), kg: stored.kg(i), source: stored.source(i), into: &old, &oldSums, supplier: supplier)
            let (status, kg, source) = evaluateLine(pack, i, supplierEngineKey)
            writer.set(i, status: status, kg: kg, source: source)
            add(pack, i, status: status, kg: kg, source: source, into: &new, &newSums, supplier: supplier)
            recomputed += 1
        }
        guard let results else { return nil }
        old.addSupplier(supplier, lines: oldSums.lines, nanoKg: oldSums.nanoKg, spend: oldSums.spend)
        new.addSupplier(supplier, lines: newSums.lines, nanoKg: newSums.nanoKg, spend: newSums.spend)
        return (results.bytes, recomputed)
    }

    /// One line through the engine: status (method, or why unmapped), kg, and source index.
    @inline(__always)
    func evaluateLine(_ pack: PackView, _ i: Int, _ supplierEngineKey: Int32) -> (UInt8, Double, Int32) {
        let category = Int(pack.category(i)), currency = Int(pack.currency(i))
        let product = Int(pack.product(i)), unit = Int(pack.unit(i))
        let line = LedgerLine(
            supplier: supplierEngineKey, category: categoryKey[category], product: product >= 0 ? productKey[product] : -1,
            unit: unit >= 0 ? unitKey[unit] : -1, currencyKey: currencyKey[currency], currency: currencyCode[currency],
            year: pack.date(i) / 10000, date: pack.date(i), amount: pack.amount(i), quantity: pack.quantity(i))
        let r = engine.evaluate(line)
        let flag = r.note == .none ? 0 : LineResultPack.fellThrough
        if let method = r.method { return (method.rawValue | flag, r.kg, r.sourceIndex) }
        switch r.failure {
        case .noExchangeRate(let key):
            return (LineResultPack.noExchangeRate | flag, 0, Int32(bitPattern: (key >= 0 ? engine.currencies[Int(key)] : line.currency).packed))
        case .noPriceIndex(let year):
            return (LineResultPack.noPriceIndex | flag, 0, year)
        case .noFactor, .none:
            return (LineResultPack.noFactor | flag, 0, -1)
        }
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

        @inline(__always)
        mutating func add(_ method: Int, _ nano: Int128, _ currency: Int, _ units: Int128, scope3: Int) {
            let s = scope3 & 15
            lines.withUnsafeMutableBufferPointer { $0[s &* 5 &+ method] &+= 1 }
            nanoKg.withUnsafeMutableBufferPointer { $0[s &* 5 &+ method] &+= nano }
            let c = currencies
            spend.withUnsafeMutableBufferPointer { $0[s &* c &+ currency] &+= units }
        }
    }

    /// Adds lines with results already computed (a stored run's), as `evaluate` would have added them.
    func accumulate(_ pack: PackView, supplier: Int, results: LineResultPack.View, into accumulator: inout AggregateAccumulator) {
        var sums = SupplierSums(currencies: currencies.count)
        for i in 0..<min(pack.count, results.count) {
            add(pack, i, status: results.status(i), kg: results.kg(i), source: results.source(i), into: &accumulator, &sums, supplier: supplier)
        }
        accumulator.addSupplier(supplier, lines: sums.lines, nanoKg: sums.nanoKg, spend: sums.spend)
    }

    @inline(__always)
    private func add(
        _ pack: PackView, _ i: Int, status: UInt8, kg: Double, source: Int32, into accumulator: inout AggregateAccumulator,
        _ sums: inout SupplierSums, supplier: Int
    ) {
        let category = Int(pack.category(i)), currency = Int(pack.currency(i))
        let flagged = status & LineResultPack.fellThrough != 0
        let status = LineResultPack.base(status)
        let method = Int(min(status, 4))
        let spend = Int128(pack.amountDigits(i)) * Self.spendScale[Int(pack.amountScale(i))]
        let date = Int(pack.date(i))
        // Months from January 1900; a line dated earlier is counted everywhere but in the grouping by month.
        let month = date >= 1900_01_00 ? (date / 10000 - 1900) * 12 + (date / 100 % 100) - 1 : -1
        let ownScope3 = Int(pack.scope3(i))
        let scope3 = ownScope3 > 0 ? ownScope3 : Int(categoryScope3[category])
        let nano = method < 4 ? AggregateAccumulator.nanoKg(kg) : 0
        let currencyIndex = Int(currencySlot[currency])
        accumulator.add(
            method: method, nanoKg: nano, category: category, scope3: scope3, month: month, customer: Int(pack.customer(i)),
            currency: currencyIndex, spendUnits: spend)
        sums.add(method, nano, currencyIndex, spend, scope3: scope3)
        if flagged {
            let name = supplier >= 0 && supplier < texts.count ? (texts[supplier] ?? "#\(supplier)") : "#\(supplier)"
            accumulator.addFallThrough(
                .footprintNotValidOnDate(supplier: name), method: method, nanoKg: nano, currency: currencyCode[currency], spendUnits: spend)
        }
        if status >= 4 {
            let reason: UnmappedReason
            switch status {
            case LineResultPack.noExchangeRate:
                let packed = UInt32(bitPattern: source)
                let code = CurrencyCode(UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)) ?? currencyCode[currency]
                reason = .noExchangeRate(currency: code, year: date / 10000)
            case LineResultPack.noPriceIndex: reason = .noPriceIndex(year: Int(source))
            default: reason = .noFactor(category: texts[category] ?? "?")
            }
            accumulator.addUnmapped(reason, currency: currencyCode[currency], spendUnits: spend)
        }
    }

    /// The aggregate of an accumulator, with term ids and slots turned into names.
    func aggregate(_ accumulator: AggregateAccumulator) -> InventoryAggregate {
        accumulator.aggregate(currencies: currencies) { dimension, slot in
            switch dimension {
            case .supplier, .category, .customer: slot < texts.count ? (texts[slot] ?? "#\(slot)") : "#\(slot)"
            case .scope3: "3.\(slot)"
            case .supplierScope3: "#\(slot)"  // named by the accumulator from the supplier's name
            case .month:
                "\(slot / 12 + 1900)-\(slot % 12 + 1 < 10 ? "0" : "")\(slot % 12 + 1)"
            }
        }
    }
}
