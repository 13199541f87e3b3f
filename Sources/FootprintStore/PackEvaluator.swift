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
    func evaluate(_ pack: PurchasePack, supplier: Int, into accumulator: inout AggregateAccumulator) -> LineResultPack {
        var results = LineResultPack()
        let n = pack.count
        results.status.reserveCapacity(n)
        results.kg.reserveCapacity(n)
        results.source.reserveCapacity(n)
        let supplierEngineKey = supplier < supplierKey.count ? supplierKey[supplier] : -1
        var sums = SupplierSums(currencies: currencies.count)
        for i in 0..<n {
            let category = Int(pack.categories[i]), currency = Int(pack.currencies[i])
            let product = Int(pack.products[i]), unit = Int(pack.units[i])
            let line = LedgerLine(
                supplier: supplierEngineKey, category: categoryKey[category], product: product >= 0 ? productKey[product] : -1,
                unit: unit >= 0 ? unitKey[unit] : -1, currencyKey: currencyKey[currency], currency: currencyCode[currency],
                year: pack.dates[i] / 10000, amount: pack.amount(i), quantity: pack.quantities[i])
            let r = engine.evaluate(line)
            var status: UInt8
            var source = r.sourceIndex
            if let method = r.method {
                status = method.rawValue
            } else {
                switch r.failure {
                case .noExchangeRate(let key):
                    status = LineResultPack.noExchangeRate
                    source = Int32(bitPattern: (key >= 0 ? engine.currencies[Int(key)] : line.currency).packed)
                case .noPriceIndex(let year):
                    status = LineResultPack.noPriceIndex
                    source = year
                case .noFactor, .none:
                    status = LineResultPack.noFactor
                    source = -1
                }
            }
            let kg = r.method == nil ? 0 : r.kg
            results.status.append(status)
            results.kg.append(kg)
            results.source.append(source)
            add(pack, i, status: status, kg: kg, source: source, into: &accumulator, &sums)
        }
        accumulator.addSupplier(supplier, lines: sums.lines, nanoKg: sums.nanoKg, spend: sums.spend)
        return results
    }

    /// A pack's lines summed for its supplier's cell.
    struct SupplierSums {
        var lines = [Int](repeating: 0, count: 5)
        var nanoKg = [Int128](repeating: 0, count: 5)
        var spend: [Int128]
        init(currencies: Int) { spend = Array(repeating: 0, count: max(1, currencies)) }
    }

    /// Adds lines with results already computed (a stored run's), as `evaluate` would have added them.
    func accumulate(_ pack: PurchasePack, supplier: Int, results: LineResultPack, into accumulator: inout AggregateAccumulator) {
        var sums = SupplierSums(currencies: currencies.count)
        for i in 0..<min(pack.count, results.status.count) {
            add(pack, i, status: results.status[i], kg: results.kg[i], source: results.source[i], into: &accumulator, &sums)
        }
        accumulator.addSupplier(supplier, lines: sums.lines, nanoKg: sums.nanoKg, spend: sums.spend)
    }

    @inline(__always)
    private func add(
        _ pack: PurchasePack, _ i: Int, status: UInt8, kg: Double, source: Int32, into accumulator: inout AggregateAccumulator,
        _ sums: inout SupplierSums
    ) {
        let category = Int(pack.categories[i]), currency = Int(pack.currencies[i])
        let method = Int(min(status, 4))
        let spend = Int128(pack.amountDigits[i]) * Self.spendScale[Int(pack.amountScales[i])]
        let date = Int(pack.dates[i])
        // Months from January 1900; a line dated earlier is counted everywhere but in the grouping by month.
        let month = date >= 1900_01_00 ? (date / 10000 - 1900) * 12 + (date / 100 % 100) - 1 : -1
        let flagged = Int(pack.scope3[i])
        let scope3 = flagged > 0 ? flagged : Int(categoryScope3[category])
        let nano = method < 4 ? AggregateAccumulator.nanoKg(kg) : 0
        let currencyIndex = Int(currencySlot[currency])
        accumulator.add(
            method: method, nanoKg: nano, category: category, scope3: scope3, month: month, customer: Int(pack.customers[i]),
            currency: currencyIndex, spendUnits: spend)
        sums.lines[method] &+= 1
        sums.nanoKg[method] &+= nano
        sums.spend[currencyIndex] &+= spend
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
            case .month:
                "\(slot / 12 + 1900)-\(slot % 12 + 1 < 10 ? "0" : "")\(slot % 12 + 1)"
            }
        }
    }
}
