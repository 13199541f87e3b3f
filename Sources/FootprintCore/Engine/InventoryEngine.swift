/// The method hierarchy of FORMATS.md, compiled from reference data into flat tables so that
/// evaluating a purchase line is a handful of array reads and never allocates.
///
/// Build one engine per set of reference data; it is immutable and safe to share between threads.
public struct InventoryEngine: Sendable {
    public let reference: ReferenceData
    public var factors: [EmissionFactor] { reference.factors }
    public var footprints: [ProductFootprint] { reference.footprints }
    public var disclosures: [SupplierDisclosure] { reference.disclosures }

    /// Keys of the texts the engine knows (`supplierKey(_:)`, `categoryKey(_:)`, `productKey(_:)`).
    let supplierKeys: ByteInterner
    let categoryKeys: ByteInterner
    let productKeys: ByteInterner
    /// Units by canonical symbol; resolve a line's unit text with `unitKey(for:)`.
    public let units: [MeasureUnit]
    public let currencies: [CurrencyCode]

    // Footprints per (supplier, product): packed (start << 32 | count) into `footprintOrder`; bit 31 of the
    // count is set when one of them has a validity period (then `footprintFirstDate`/`footprintEndDate` apply).
    let footprintRanges: FlatKeyTable
    let footprintFirstDate: [Int32]
    let footprintEndDate: [Int32]
    let footprintOrder: [Int32]
    let footprintUnit: [Int32]
    // Disclosures per supplier key, sorted by year: start and count into `disclosureOrder`.
    let disclosureStart: [Int32]
    let disclosureCount: [Int32]
    let disclosureOrder: [Int32]
    let disclosureCurrency: [Int32]
    let disclosureIntensity: [Double]
    let disclosureYear: [Int32]
    /// Per disclosure: whether it is an allocation to the company (`SupplierDisclosure.allocation`),
    /// which applies to its own year only; empty when there is none.
    let disclosureIsAllocation: [Bool]
    // Plain copies of the figures, so that threads read numbers and never touch shared strings' reference counts.
    let footprintKg: [Double]
    let factorKg: [Double]
    // Factors per category key.
    let categoryFigures: [CategoryFigures]
    let activityOrder: [Int32]
    let activityUnit: [Int32]
    /// The manufacturer of a product bought from another supplier (manufacturers.csv): by
    /// (invoicing supplier key, product key), the supplier key `anySupplier` for a row without one, to
    /// (manufacturer key << 32 | the manufacturer's product key). Empty when there is none.
    @usableFromInline let manufacturerOf: [UInt64: UInt64]
    /// Per supplier key: whether it has disclosures but none complete enough for the hybrid method
    /// (`SupplierDisclosure.coversUpstreamScope3`); empty when no supplier is so.
    @usableFromInline let incompleteDisclosure: [Bool]
    /// Per category key: average-data before hybrid (`ReferenceData.activityFirstCategories`); empty when none.
    @usableFromInline let activityFirst: [Bool]
    // unitRatio[from * units.count + to], NaN where not convertible.
    let unitRatio: [Double]
    // rates[currencyKey * yearSpan + year - firstYear], NaN where missing.
    let rates: [Double]
    let priceIndex: [Double]
    /// Per currency key and year (`[key * yearSpan + year - firstYear]`), the currency's own price
    /// index (NaN where missing); empty when no currency has one. `currencyHasIndex` per currency key.
    let currencyIndex: [Double]
    let currencyHasIndex: [Bool]
    let firstYear: Int
    let yearSpan: Int

    /// Whether a disclosure must report upstream Scope 3 (above 0) to serve the hybrid method
    /// (`SupplierDisclosure.coversUpstreamScope3`); runs stored before the rule was set evaluate without it.
    public let hybridNeedsUpstreamScope3: Bool

    /// The disclosures the hybrid method does not use because they report no upstream Scope 3: a
    /// supplier's Scope 1 and 2 per revenue alone would understate its lines 20 to 100 times.
    public var disclosuresWithoutUpstreamScope3: [SupplierDisclosure] {
        hybridNeedsUpstreamScope3 ? reference.disclosures.filter { !$0.coversUpstreamScope3 } : []
    }

    /// `incompleteDisclosureFallThrough`: the lines of a supplier whose disclosures are all incomplete
    /// are counted as a fall-through (`LineResult.Note.disclosureIncomplete`); runs stored before it evaluate without.
    public init(reference: ReferenceData, hybridNeedsUpstreamScope3: Bool = true, incompleteDisclosureFallThrough: Bool = true) {
        self.reference = reference
        self.hybridNeedsUpstreamScope3 = hybridNeedsUpstreamScope3
        var suppliers = ByteInterner()
        var categories = ByteInterner()
        var products = ByteInterner()
        for s in reference.suppliers { _ = suppliers.intern(s.id) }
        for d in reference.disclosures { _ = suppliers.intern(d.supplier) }
        for f in reference.footprints {
            _ = suppliers.intern(f.supplier)
            _ = products.intern(f.product)
        }
        for f in reference.factors { _ = categories.intern(f.category) }
        for m in reference.manufacturers {
            _ = suppliers.intern(m.manufacturer)
            if let s = m.supplier { _ = suppliers.intern(s) }
            _ = products.intern(m.product)
            _ = products.intern(m.makersProduct)
        }

        var units = UnitCatalog.units.map(\.unit)
        func unitKey(_ unit: MeasureUnit) -> Int32 {
            if let i = units.firstIndex(where: { $0.symbol == unit.symbol }) { return Int32(i) }
            units.append(unit)
            return Int32(units.count - 1)
        }
        var currencies: [CurrencyCode] = []
        func currencyKey(_ code: CurrencyCode) -> Int32 {
            if let i = currencies.firstIndex(of: code) { return Int32(i) }
            currencies.append(code)
            return Int32(currencies.count - 1)
        }
        for code in reference.exchangeRates.keys.sorted() { _ = currencyKey(code) }

        // Footprints, in file order within each (supplier, product).
        var grouped: [UInt64: [Int32]] = [:]
        var keyOrder: [UInt64] = []
        var footprintUnit: [Int32] = []
        for (i, f) in reference.footprints.enumerated() {
            let key = UInt64(suppliers.find(f.supplier)!) << 32 | UInt64(products.find(f.product)!)
            if grouped[key] == nil { keyOrder.append(key) }
            grouped[key, default: []].append(Int32(i))
            footprintUnit.append(unitKey(f.unit))
        }
        var footprintRanges: [UInt64: UInt64] = [:]
        var footprintOrder: [Int32] = []
        for key in keyOrder {
            let list = grouped[key]!
            let dated = list.contains { reference.footprints[Int($0)].validity != nil }
            footprintRanges[key] = UInt64(footprintOrder.count) << 32 | UInt64(list.count) | (dated ? Self.datedFlag : 0)
            footprintOrder += list
        }
        footprintFirstDate = reference.footprints.map { $0.validity?.firstDate ?? Int32.min }
        footprintEndDate = reference.footprints.map { $0.validity?.endDate ?? Int32.max }

        // Manufacturers: the first row of a (supplier, product) counts; readers refuse a second one.
        var manufacturerOf: [UInt64: UInt64] = [:]
        for m in reference.manufacturers {
            let s = m.supplier.map { UInt64(suppliers.find($0)!) } ?? Self.anySupplier
            let key = s << 32 | UInt64(products.find(m.product)!)
            if manufacturerOf[key] == nil {
                manufacturerOf[key] = UInt64(suppliers.find(m.manufacturer)!) << 32 | UInt64(products.find(m.makersProduct)!)
            }
        }
        self.manufacturerOf = manufacturerOf

        // Disclosures per supplier, by year.
        let supplierCount = suppliers.count
        var disclosureLists = Array(repeating: [Int32](), count: supplierCount)
        for (i, d) in reference.disclosures.enumerated() where !hybridNeedsUpstreamScope3 || d.coversUpstreamScope3 {
            disclosureLists[suppliers.find(d.supplier)!].append(Int32(i))
        }
        var incompleteDisclosure: [Bool] = []
        if hybridNeedsUpstreamScope3 && incompleteDisclosureFallThrough {
            for d in reference.disclosures where !d.coversUpstreamScope3 {
                let s = suppliers.find(d.supplier)!
                if disclosureLists[s].isEmpty {
                    if incompleteDisclosure.isEmpty { incompleteDisclosure = Array(repeating: false, count: supplierCount) }
                    incompleteDisclosure[s] = true
                }
            }
        }
        self.incompleteDisclosure = incompleteDisclosure
        var disclosureStart = [Int32](repeating: 0, count: supplierCount)
        var disclosureCount = [Int32](repeating: 0, count: supplierCount)
        var disclosureOrder: [Int32] = []
        for s in 0..<supplierCount {
            // By year, a company-wide disclosure before the allocation of the same year: an order that does
            // not depend on the order of the imports, so that a stored rank means the same figure in every
            // run with the same disclosures (`SupplierFigures`).
            let sorted = disclosureLists[s].sorted {
                let a = reference.disclosures[Int($0)]
                let b = reference.disclosures[Int($1)]
                return (a.year, a.allocation == nil ? 0 : 1) < (b.year, b.allocation == nil ? 0 : 1)
            }
            disclosureStart[s] = Int32(disclosureOrder.count)
            disclosureCount[s] = Int32(sorted.count)
            disclosureOrder += sorted
        }
        disclosureCurrency = reference.disclosures.map { currencyKey($0.currency) }
        disclosureIntensity = reference.disclosures.map(\.kgPerCurrencyUnit)
        disclosureYear = reference.disclosures.map { Int32($0.year) }
        disclosureIsAllocation = reference.disclosures.contains { $0.allocation != nil } ? reference.disclosures.map { $0.allocation != nil } : []
        footprintKg = reference.footprints.map(\.kgPerUnit)
        factorKg = reference.factors.map(\.kgPerUnit)

        // Factors per category.
        let categoryCount = categories.count
        var categoryFigures = [CategoryFigures](repeating: CategoryFigures(), count: categoryCount)
        var activityLists = Array(repeating: [Int32](), count: categoryCount)
        var activityUnit = [Int32](repeating: -1, count: reference.factors.count)
        for (i, f) in reference.factors.enumerated() {
            let c = categories.find(f.category)!
            switch f.basis {
            case .spend(let currency, let priceYear):
                if categoryFigures[c].spendFactor < 0 {
                    categoryFigures[c].spendFactor = Int32(i)
                    categoryFigures[c].spendKg = f.kgPerUnit
                    categoryFigures[c].spendCurrency = currencyKey(currency)
                    categoryFigures[c].spendPriceYear = priceYear.map(Int32.init) ?? -1
                }
            case .activity(let unit):
                activityLists[c].append(Int32(i))
                activityUnit[i] = unitKey(unit)
            }
        }
        var activityOrder: [Int32] = []
        for c in 0..<categoryCount {
            categoryFigures[c].activityStart = Int32(activityOrder.count)
            categoryFigures[c].activityCount = Int32(activityLists[c].count)
            activityOrder += activityLists[c]
        }

        // Unit conversions.
        var unitRatio = [Double](repeating: .nan, count: units.count * units.count)
        for (i, from) in units.enumerated() {
            for (j, to) in units.enumerated() {
                unitRatio[i * units.count + j] = from.conversionFactor(to: to) ?? .nan
            }
        }

        // Rates and price index by year.
        let years =
            reference.exchangeRates.values.flatMap(\.keys) + Array(reference.priceIndex.keys)
            + reference.priceIndexByCurrency.values.flatMap(\.keys)
        let firstYear = years.min() ?? 0
        let yearSpan = years.isEmpty ? 0 : (years.max()! - firstYear + 1)
        var rates = [Double](repeating: .nan, count: max(1, currencies.count * yearSpan))
        for (code, byYear) in reference.exchangeRates {
            let c = Int(currencyKey(code))
            for (year, rate) in byYear { rates[c * yearSpan + year - firstYear] = rate }
        }
        var priceIndex = [Double](repeating: .nan, count: max(1, yearSpan))
        for (year, value) in reference.priceIndex { priceIndex[year - firstYear] = value }
        var currencyIndex: [Double] = []
        var currencyHasIndex = [Bool](repeating: false, count: currencies.count)
        for (code, byYear) in reference.priceIndexByCurrency {
            // Only currencies with rates matter: a hybrid line needs both rates before it is deflated.
            guard let c = currencies.firstIndex(of: code) else { continue }
            if currencyIndex.isEmpty { currencyIndex = Array(repeating: .nan, count: max(1, currencies.count * yearSpan)) }
            currencyHasIndex[c] = true
            for (year, value) in byYear { currencyIndex[c * yearSpan + year - firstYear] = value }
        }
        self.currencyIndex = currencyIndex
        self.currencyHasIndex = currencyHasIndex

        self.supplierKeys = suppliers
        self.categoryKeys = categories
        self.productKeys = products
        self.units = units
        self.currencies = currencies
        self.footprintRanges = FlatKeyTable(footprintRanges)
        self.footprintOrder = footprintOrder
        self.footprintUnit = footprintUnit
        self.disclosureStart = disclosureStart
        self.disclosureCount = disclosureCount
        self.disclosureOrder = disclosureOrder
        self.categoryFigures = categoryFigures
        self.activityOrder = activityOrder
        self.activityUnit = activityUnit
        var activityFirst: [Bool] = []
        if !reference.activityFirstCategories.isEmpty {
            activityFirst = Array(repeating: false, count: categories.count)
            for name in reference.activityFirstCategories { if let c = categories.find(name) { activityFirst[c] = true } }
        }
        self.activityFirst = activityFirst
        self.unitRatio = unitRatio
        self.rates = rates
        self.priceIndex = priceIndex
        self.firstYear = firstYear
        self.yearSpan = yearSpan
    }

    /// Bit of a footprint range's count: one of the (supplier, product)'s footprints has a validity period.
    static let datedFlag: UInt64 = 1 << 31
    /// The supplier half of a `manufacturerOf` key of a row that applies to every invoicing supplier.
    @usableFromInline static let anySupplier: UInt64 = 0xFFFF_FFFF
    /// Bit of `LineResult.rank`: the figure is the manufacturer's (`manufacturer(supplier:product:)`), not
    /// the invoicing supplier's; the rank is among the manufacturer's footprints or disclosures.
    public static let manufacturerRank: Int32 = 1 << 30

    /// The manufacturer and its product id of product `product` invoiced by `supplier`: the row for that
    /// supplier, else the row for every supplier; nil when manufacturers.csv names none.
    @inlinable @inline(__always)
    public func manufacturer(supplier: SupplierKey, product: ProductKey) -> (supplier: SupplierKey, product: ProductKey)? {
        guard !manufacturerOf.isEmpty, !product.isNone else { return nil }
        let p = UInt64(UInt32(product.index))
        let found =
            (supplier.isNone ? nil : manufacturerOf[UInt64(UInt32(supplier.index)) << 32 | p]) ?? manufacturerOf[Self.anySupplier << 32 | p]
        guard let found else { return nil }
        return (SupplierKey(Int32(found >> 32)), ProductKey(Int32(found & 0xFFFF_FFFF)))
    }

    /// What the engine's keys are: equal key spaces give every text the same supplier, category,
    /// product, unit and currency key (whatever the figures behind them), so that what was resolved
    /// against one engine's keys holds for the other (`PackEvaluator.TermTables`).
    public struct KeySpace: Equatable, Sendable {
        let suppliers: ByteInterner
        let categories: ByteInterner
        let products: ByteInterner
        let units: [MeasureUnit]
        let currencies: [CurrencyCode]
    }

    public var keySpace: KeySpace {
        KeySpace(suppliers: supplierKeys, categories: categoryKeys, products: productKeys, units: units, currencies: currencies)
    }

    /// The key of a supplier id, `none` when no reference data mentions the supplier.
    public func supplierKey(_ id: String) -> SupplierKey { SupplierKey(supplierKeys.find(id).map(Int32.init) ?? -1) }

    /// The key of a category, `none` when no factor has it.
    public func categoryKey(_ category: String) -> CategoryKey { CategoryKey(categoryKeys.find(category).map(Int32.init) ?? -1) }

    /// The key of a product, `none` when no footprint names it.
    public func productKey(_ product: String) -> ProductKey { ProductKey(productKeys.find(product).map(Int32.init) ?? -1) }

    /// The key of a unit given as text (symbol or alias), `none` when no footprint or factor can use it.
    public func unitKey(for text: String) -> UnitKey {
        let symbol = MeasureUnit(parsing: text).symbol
        return UnitKey(units.firstIndex { $0.symbol == symbol }.map(Int32.init) ?? -1)
    }

    /// The key of a currency, `none` when the engine has no rate or factor in it.
    public func currencyKey(for code: CurrencyCode) -> CurrencyKey {
        CurrencyKey(currencies.firstIndex(of: code).map(Int32.init) ?? -1)
    }

    /// The exchange rate (units per USD) of a currency key in a year, or NaN.
    @inline(__always)
    func rate(_ currencyKey: Int32, _ year: Int32) -> Double {
        let y = Int(year) - firstYear
        guard currencyKey >= 0, y >= 0, y < yearSpan else { return .nan }
        return rates[Int(currencyKey) * yearSpan + y]
    }

    /// `amount` in currency `from` as an amount in currency `to` at the rates of `year` (rates.csv),
    /// or nil when either rate is missing.
    public func convert(_ amount: Double, from: CurrencyKey, to: CurrencyKey, year: Int32) -> Double? {
        let a = rate(from.index, year)
        let b = rate(to.index, year)
        guard !a.isNaN, !b.isNaN else { return nil }
        return from == to ? amount : amount / a * b
    }

    /// The price index of a currency key's economy in a year, or NaN.
    @inline(__always)
    func index(currency: Int32, _ year: Int32) -> Double {
        let y = Int(year) - firstYear
        guard currency >= 0, y >= 0, y < yearSpan else { return .nan }
        return currencyIndex[Int(currency) * yearSpan + y]
    }

    /// The price index of a year, or NaN.
    @inline(__always)
    func index(_ year: Int32) -> Double {
        let y = Int(year) - firstYear
        guard y >= 0, y < yearSpan else { return .nan }
        return priceIndex[y]
    }

    @inline(__always)
    func ratio(_ from: Int32, _ to: Int32) -> Double {
        unitRatio[Int(from) * units.count + Int(to)]
    }
}
