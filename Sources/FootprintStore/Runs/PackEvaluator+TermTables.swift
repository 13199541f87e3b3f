import FootprintCore

extension PackEvaluator {
    /// What the workspace's terms (by id) are to one engine under one boundary: the engine's keys of
    /// each term as a supplier, category, product, unit and currency, and the boundary's treatment of
    /// each as a category. Made once per evaluator, in one pass over every term; a process that
    /// calculates again and again keeps the last ones (`CalculationCache.termTables`) and makes them
    /// again only when their `Key` changes.
    struct TermTables: Sendable {
        /// By term id: the term's key in the engine as a supplier, a category (through the boundary's
        /// factor category), a product, a unit and a currency (`.none` when the engine has none).
        var supplierKey: [SupplierKey]
        var categoryKey: [CategoryKey]
        var productKey: [ProductKey]
        var unitKey: [UnitKey]
        var currencyKey: [CurrencyKey]
        var currencyCode: [CurrencyCode]
        /// Dense slot per currency term, and the codes of the slots.
        var currencySlot: [Int32]
        var currencies: [CurrencyCode]
        /// Scope 3 category (1...15) by category term, for lines without their own flag
        /// (`InventoryBoundary.Treatment.fixedScope3`); 0 for a category whose lines are placed by a
        /// capitalisation threshold, whose treatment is then in `thresholdTreatment`.
        var categoryScope3: [UInt8]
        var thresholdTreatment: [Int: InventoryBoundary.Treatment]
        /// By unit term: whether the unit counts items (`piece`, `pcs`, ...), for the cost of one item.
        var unitCountsItems: [Bool]
        /// By category term: the number of its exclusion's reason in `exclusionReasons`, or -1 when its
        /// lines are in the inventory.
        var categoryExclusion: [Int32]
        /// The reasons of the excluded categories, sorted.
        var exclusionReasons: [String]

        /// Everything the tables are made from besides the terms' texts, which never change by id (a
        /// workspace's terms are only ever added): the number of terms, the engine's key spaces, and
        /// the boundary's rules and the library's Scope 3 defaults. Equal keys make equal tables.
        struct Key: Equatable, Sendable {
            var terms: Int
            var keySpace: InventoryEngine.KeySpace
            var rules: CategoryRules
            var scope3Defaults: [String: Scope3Category]

            init(terms: Int, engine: InventoryEngine, boundary: InventoryBoundary) {
                self.terms = terms
                keySpace = engine.keySpace
                rules = boundary.rules
                scope3Defaults = boundary.scope3Defaults
            }
        }

        init(engine: InventoryEngine, texts: [String?], boundary: InventoryBoundary) {
            let rules = boundary.rules
            let reasons = Set(rules.byCategory.values.compactMap(\.exclusion)).sorted()
            let reasonNumber = Dictionary(uniqueKeysWithValues: reasons.enumerated().map { ($0.element, Int32($0.offset)) })
            let n = texts.count
            exclusionReasons = reasons
            categoryExclusion = [Int32](repeating: -1, count: n)
            supplierKey = [SupplierKey](repeating: .none, count: n)
            categoryKey = [CategoryKey](repeating: .none, count: n)
            productKey = [ProductKey](repeating: .none, count: n)
            unitKey = [UnitKey](repeating: .none, count: n)
            currencyKey = [CurrencyKey](repeating: .none, count: n)
            currencySlot = [Int32](repeating: -1, count: n)
            currencyCode = [CurrencyCode](repeating: .unknown, count: n)
            categoryScope3 = [UInt8](repeating: 1, count: n)
            thresholdTreatment = [:]
            unitCountsItems = [Bool](repeating: false, count: n)
            currencies = []
            for (id, text) in texts.enumerated() {
                guard let text else { continue }
                supplierKey[id] = engine.supplierKey(text)
                categoryKey[id] = engine.categoryKey(boundary.factorCategory(of: text))
                productKey[id] = engine.productKey(text)
                unitKey[id] = engine.unitKey(for: text)
                if let code = CurrencyCode(text) {
                    currencyCode[id] = code
                    currencyKey[id] = engine.currencyKey(for: code)
                    currencySlot[id] = Int32(currencies.count)
                    currencies.append(code)
                }
                let treatment = boundary.treatment(of: text)
                categoryScope3[id] = treatment.fixedScope3
                if treatment.capitalisation != nil { thresholdTreatment[id] = treatment }
                if let reason = treatment.exclusion { categoryExclusion[id] = reasonNumber[reason] ?? -1 }
                unitCountsItems[id] = UnitCatalog.countsItems(text)
            }
        }
    }
}
