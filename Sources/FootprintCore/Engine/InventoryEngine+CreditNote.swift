extension InventoryEngine {
    /// What a credit note needs of the invoice it names (column `invoice`): the invoice's date, and the
    /// invoice's own result (its method and figure).
    public struct Invoice: Sendable, Equatable {
        /// The invoice's date as YYYYMMDD.
        public var date: Int32
        /// The invoice evaluated on its own (`evaluate(_:)`).
        public var result: LineResult

        public init(date: Int32, result: LineResult) {
            self.date = date
            self.result = result
        }
    }

    /// The invoice `line` as a credit note of it needs it: its date and its own result.
    @inlinable
    public func invoice(_ line: LedgerLine) -> Invoice { Invoice(date: line.date, result: evaluate(line)) }

    /// Computes a credit note that names its invoice: as the invoice was computed
    /// (docs/methods.md#credit-notes).
    ///
    /// - `invoice` nil (the ledger has no line with that id): the credit note on its own date, by the
    ///   hierarchy, with the note `.invoiceNotInLedger`, so that it is counted and never silent.
    /// - Otherwise on the invoice's date (its year's rates, price index, disclosure and a footprint's
    ///   validity) and by the invoice's method, with the credit note's own amount and quantity.
    /// - A credit note without quantity whose invoice was computed from its quantity
    ///   (supplier-specific, average-data) is a price-only rebate: the goods are the same, so it gets
    ///   the invoice's method and figure with 0 activity and 0 kg, and the note `.priceOnlyRebate`; its
    ///   spend is counted. A rebate of an amount-based invoice (hybrid, spend-based) reduces that
    ///   method's emissions, the amount being its activity.
    /// - When the invoice's rule cannot compute the credit note (another unit, say), or the invoice is
    ///   unmapped, the hierarchy on the invoice's date.
    @inlinable
    public func evaluate(_ credit: LedgerLine, correcting invoice: Invoice?) -> LineResult {
        guard let invoice else {
            var result = evaluate(credit)
            result.note = .invoiceNotInLedger
            return result
        }
        var line = credit
        line.date = invoice.date
        line.year = invoice.date / 10000
        guard let method = invoice.result.method else { return evaluate(line) }
        if !line.hasQuantity && (method == .supplierSpecific || method == .averageData) {
            var result = invoice.result
            result.activity = 0
            result.kg = 0
            result.note = .priceOnlyRebate
            return result
        }
        var result = LineResult()
        if follow(method, line, rank: invoice.result.rank, &result) { return result }
        return evaluate(line)
    }

    /// Computes `line` by `method` alone (the manufacturer's figure when `rank` carries
    /// `manufacturerRank`): false when that rule does not apply to it.
    @usableFromInline
    func follow(_ method: CalculationMethod, _ line: LedgerLine, rank: Int32, _ result: inout LineResult) -> Bool {
        let maker = rank >= 0 && rank & Self.manufacturerRank != 0 ? manufacturer(supplier: line.supplier, product: line.product) : nil
        switch method {
        case .supplierSpecific:
            guard line.hasQuantity, !line.unit.isNone, !line.product.isNone else { return false }
            if let maker {
                guard supplierSpecific(line, supplier: maker.supplier, product: maker.product, &result) else { return false }
                result.rank |= Self.manufacturerRank
                return true
            }
            return !line.supplier.isNone && supplierSpecific(line, supplier: line.supplier, product: line.product, &result)
        case .hybrid:
            if let maker {
                guard hybrid(line, supplier: maker.supplier, &result) else { return false }
                result.rank |= Self.manufacturerRank
                return true
            }
            return !line.supplier.isNone && hybrid(line, supplier: line.supplier, &result)
        case .averageData:
            return line.hasQuantity && !line.unit.isNone && !line.category.isNone && averageData(line, &result)
        case .spendBased:
            spendBased(line, &result)
            return result.method == .spendBased
        }
    }
}
