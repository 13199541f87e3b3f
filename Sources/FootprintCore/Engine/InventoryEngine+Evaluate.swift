extension InventoryEngine {
    /// Computes one purchase line by the first rule of the hierarchy that applies:
    /// supplier-specific, hybrid, average-data, spend-based; otherwise the line is unmapped. For a
    /// category whose measured activity comes first (`ReferenceData.activityFirstCategories`),
    /// average-data is tried before hybrid.
    ///
    /// A product with a manufacturer (manufacturers.csv) bought from another supplier: after the
    /// invoicing supplier's own footprint, the manufacturer's footprint; for hybrid, the manufacturer's
    /// disclosure before the invoicing supplier's (a distributor's revenue intensity blends all it
    /// sells). Such a result's rank carries `manufacturerRank`.
    @inlinable
    public func evaluate(_ line: LedgerLine) -> LineResult {
        var result = LineResult()
        let maker = manufacturer(supplier: line.supplier, product: line.product)
        if line.hasQuantity && !line.unit.isNone {
            if !line.product.isNone {
                if !line.supplier.isNone && supplierSpecific(line, supplier: line.supplier, product: line.product, &result) { return result }
                if let maker, supplierSpecific(line, supplier: maker.supplier, product: maker.product, &result) {
                    result.rank |= Self.manufacturerRank
                    result.note = .none
                    return result
                }
            }
            if !activityFirst.isEmpty && !line.category.isNone && activityFirst[Int(line.category.index)] && averageData(line, &result) {
                return result
            }
        }
        if let maker, hybrid(line, supplier: maker.supplier, &result) {
            result.rank |= Self.manufacturerRank
            return result
        }
        if !line.supplier.isNone {
            if hybrid(line, supplier: line.supplier, &result) { return result }
            // The supplier's only disclosures are incomplete: counted as a fall-through to the next rule.
            if !incompleteDisclosure.isEmpty && incompleteDisclosure[Int(line.supplier.index)] && result.note == .none {
                result.note = .disclosureIncomplete
            }
        }
        if line.hasQuantity && !line.unit.isNone && !line.category.isNone && averageData(line, &result) { return result }
        spendBased(line, &result)
        return result
    }

    /// Rule 1: quantity x the footprint of `supplier` (the invoicing supplier or the manufacturer) for `product`, in the line's unit after conversion.
    /// A footprint in exactly the line's unit is preferred; otherwise the first convertible one, in file order.
    /// Footprints with a validity period that does not cover the line's date are skipped; when that
    /// leaves none, the line falls through to the next rule with the note `.footprintNotValidOnDate`.
    @usableFromInline
    func supplierSpecific(_ line: LedgerLine, supplier: SupplierKey, product: ProductKey, _ result: inout LineResult) -> Bool {
        let key = UInt64(UInt32(supplier.index)) << 32 | UInt64(UInt32(product.index))
        guard let range = footprintRanges[key] else { return false }
        let start = Int(range >> 32)
        let count = Int(range & 0x7FFF_FFFF)
        let dated = range & Self.datedFlag != 0
        var chosen = -1
        var chosenRank = -1
        var factor = Double.nan
        var outOfDate = false
        for i in start..<start + count {
            let index = Int(footprintOrder[i])
            let r = ratio(line.unit.index, footprintUnit[index])
            if dated && (line.date < footprintFirstDate[index] || line.date >= footprintEndDate[index]) {
                if !r.isNaN { outOfDate = true }
                continue
            }
            if r == 1 && footprintUnit[index] == line.unit.index {
                chosen = index
                chosenRank = i - start
                factor = 1
                break
            }
            if chosen < 0 && !r.isNaN {
                chosen = index
                chosenRank = i - start
                factor = r
            }
        }
        guard chosen >= 0 else {
            if outOfDate { result.note = .footprintNotValidOnDate }
            return false
        }
        result.method = .supplierSpecific
        result.sourceIndex = Int32(chosen)
        result.rank = Int32(chosenRank)
        result.unitFactor = factor
        result.activity = factor == 1 ? line.quantity : line.quantity * factor
        result.kg = result.activity * footprintKg[chosen]
        return true
    }

    /// Rule 2: the line's amount, in the disclosure's currency at the line year's rates, times the
    /// intensity of `supplier` (the manufacturer or the invoicing supplier): the emissions it allocated
    /// to the company for the line's year, else its latest disclosure not after the line's year (else the earliest).
    /// Only disclosures that report upstream Scope 3 are listed (`hybridNeedsUpstreamScope3`).
    @usableFromInline
    func hybrid(_ line: LedgerLine, supplier: SupplierKey, _ result: inout LineResult) -> Bool {
        let s = Int(supplier.index)
        let count = Int(disclosureCount[s])
        guard count > 0 else { return false }
        let start = Int(disclosureStart[s])
        // The allocation of the line's own year (supplier_allocations.csv) comes first; otherwise the
        // latest company-wide disclosure not after the year, else the earliest. Sorted by year, so the
        // scan stops at the first later year.
        var chosen = -1
        var chosenRank = -1
        var earliest = -1
        var earliestRank = -1
        for i in start..<start + count {
            let index = Int(disclosureOrder[i])
            if disclosureYear[index] > line.year { break }
            if !disclosureIsAllocation.isEmpty && disclosureIsAllocation[index] {
                if disclosureYear[index] == line.year {
                    chosen = index
                    chosenRank = i - start
                    break
                }
                continue
            }
            if earliest < 0 {
                earliest = index
                earliestRank = i - start
            }
            chosen = index
            chosenRank = i - start
        }
        if chosen < 0 {
            // Every company-wide disclosure is after the line's year: the earliest of them.
            for i in start..<start + count where disclosureIsAllocation.isEmpty || !disclosureIsAllocation[Int(disclosureOrder[i])] {
                earliest = Int(disclosureOrder[i])
                earliestRank = i - start
                break
            }
            guard earliest >= 0 else { return false }
            chosen = earliest
            chosenRank = earliestRank
        }
        let target = disclosureCurrency[chosen]
        let from = rate(line.currencyKey.index, line.year)
        let to = rate(target, line.year)
        guard !from.isNaN, !to.isNaN else { return false }
        // Both rates must exist (FORMATS.md), even when the currencies are the same; then the amount is used as is.
        var converted = target == line.currencyKey.index ? line.amount : line.amount / from * to
        // In the disclosure year's prices, when the disclosure's currency has its own price index: an
        // intensity per NOK of 2022 applied to NOK of 2024 would count inflation as emissions. A series
        // that lacks either year sends the line to the next rule, as a missing rate does.
        let chosenYear = disclosureYear[chosen]
        if !currencyIndex.isEmpty, chosenYear != line.year, target >= 0, currencyHasIndex[Int(target)] {
            let then = index(currency: target, chosenYear)
            let now = index(currency: target, line.year)
            guard !then.isNaN, !now.isNaN else { return false }
            result.priceFactor = then / now
            converted *= result.priceFactor
        }
        result.fromRate = from
        result.toRate = to
        result.method = .hybrid
        result.sourceIndex = Int32(chosen)
        result.rank = Int32(chosenRank)
        result.activity = converted
        result.kg = converted * disclosureIntensity[chosen]
        return true
    }

    /// Rule 3: quantity x the category's average-data factor in the line's unit after conversion.
    @usableFromInline
    func averageData(_ line: LedgerLine, _ result: inout LineResult) -> Bool {
        let figures = categoryFigures[Int(line.category.index)]
        let start = Int(figures.activityStart)
        var chosen = -1
        var factor = Double.nan
        for i in start..<start + Int(figures.activityCount) {
            let index = Int(activityOrder[i])
            let unit = activityUnit[index]
            if unit == line.unit.index {
                chosen = index
                factor = 1
                break
            }
            let r = ratio(line.unit.index, unit)
            if chosen < 0 && !r.isNaN {
                chosen = index
                factor = r
            }
        }
        guard chosen >= 0 else { return false }
        result.method = .averageData
        result.sourceIndex = Int32(chosen)
        result.rank = Int32(chosen)
        result.unitFactor = factor
        result.activity = factor == 1 ? line.quantity : line.quantity * factor
        result.kg = result.activity * factorKg[chosen]
        return true
    }

    /// Rule 4: the amount in the factor's currency at the line year's rates, adjusted to the factor's
    /// price year, times the spend-based factor. Missing rates or indices leave the line unmapped.
    @usableFromInline
    func spendBased(_ line: LedgerLine, _ result: inout LineResult) {
        guard !line.category.isNone, case let figures = categoryFigures[Int(line.category.index)], figures.spendFactor >= 0 else {
            result.unmapped = .noFactor
            return
        }
        let factorIndex = Int(figures.spendFactor)
        let target = figures.spendCurrency
        let from = rate(line.currencyKey.index, line.year)
        guard !from.isNaN else {
            result.unmapped = .noExchangeRate(currency: line.currency, year: line.year)
            return
        }
        let to = rate(target, line.year)
        guard !to.isNaN else {
            result.unmapped = .noExchangeRate(currency: target >= 0 ? currencies[Int(target)] : line.currency, year: line.year)
            return
        }
        // Both rates must exist (FORMATS.md), even when the currencies are the same; then the amount is used as is.
        var converted = target == line.currencyKey.index ? line.amount : line.amount / from * to
        result.fromRate = from
        result.toRate = to
        let priceYear = figures.spendPriceYear
        if priceYear >= 0 {
            let base = index(line.year)
            guard !base.isNaN else {
                result.unmapped = .noPriceIndex(year: line.year)
                return
            }
            let target = index(priceYear)
            guard !target.isNaN else {
                result.unmapped = .noPriceIndex(year: priceYear)
                return
            }
            result.priceFactor = target / base
            converted *= result.priceFactor
        }
        result.method = .spendBased
        result.sourceIndex = Int32(factorIndex)
        result.rank = Int32(factorIndex)
        result.activity = converted
        result.kg = converted * figures.spendKg
    }
}
