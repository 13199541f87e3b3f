/// Why lines did not get a method they looked eligible for, and fell through to the next rule of the
/// hierarchy. Such lines are computed (or unmapped) by that next rule and counted there as usual; they
/// are also counted here, with their spend and emissions, so that nothing about them is silent.
public struct FallThrough: Sendable, Hashable, Comparable {
    /// A stable code: `footprint-not-valid-on-date`.
    public var code: String
    /// What it is about: the supplier id.
    public var subject: String

    public init(code: String, subject: String) {
        self.code = code
        self.subject = subject
    }

    /// The code of lines whose product has footprints from the supplier, none valid on the line's date.
    public static let footprintNotValidOnDateCode = "footprint-not-valid-on-date"

    /// Lines of `supplier` whose product has footprints, none valid on the line's date.
    public static func footprintNotValidOnDate(supplier: String) -> FallThrough {
        FallThrough(code: footprintNotValidOnDateCode, subject: supplier)
    }

    /// The code of lines whose supplier has disclosures, none complete enough for the hybrid method.
    public static let disclosureIncompleteCode = "disclosure-incomplete"

    /// Lines of `supplier` whose supplier's disclosures all lack upstream Scope 3 (or its Category 1).
    public static func disclosureIncomplete(supplier: String) -> FallThrough {
        FallThrough(code: disclosureIncompleteCode, subject: supplier)
    }

    /// The code of credit notes without quantity whose invoice was computed from its quantity.
    public static let priceOnlyRebateCode = "price-only-rebate"

    /// Credit notes of `supplier` that rebate the price of invoices computed from their quantities:
    /// counted with their spend, 0 kg.
    public static func priceOnlyRebate(supplier: String) -> FallThrough {
        FallThrough(code: priceOnlyRebateCode, subject: supplier)
    }

    /// The code of credit notes that name an invoice the ledger does not have.
    public static let invoiceNotInLedgerCode = "invoice-not-in-ledger"

    /// Credit notes of `supplier` whose invoices are not in the ledger: each computed on its own date.
    public static func invoiceNotInLedger(supplier: String) -> FallThrough {
        FallThrough(code: invoiceNotInLedgerCode, subject: supplier)
    }

    /// Whether the reason is about credit notes that name an invoice (a price-only rebate, an invoice not
    /// in the ledger) rather than a rule the line fell through.
    public var isCreditNote: Bool { code == Self.priceOnlyRebateCode || code == Self.invoiceNotInLedgerCode }

    /// The reason of a line's note, for the line's supplier; nil for `.none`.
    public init?(_ note: LineResult.Note, supplier: @autoclosure () -> String) {
        switch note {
        case .none: return nil
        case .footprintNotValidOnDate: self = .footprintNotValidOnDate(supplier: supplier())
        case .disclosureIncomplete: self = .disclosureIncomplete(supplier: supplier())
        case .priceOnlyRebate: self = .priceOnlyRebate(supplier: supplier())
        case .invoiceNotInLedger: self = .invoiceNotInLedger(supplier: supplier())
        }
    }

    /// A sentence for people: what happened and how to fix it.
    public var explanation: String {
        switch code {
        case Self.footprintNotValidOnDateCode:
            "supplier '\(subject)' has footprints for these lines' products, but none is valid on the lines' dates: "
                + "they fell through to hybrid, average-data or spend-based; ask the supplier for a footprint valid on those dates"
        case Self.disclosureIncompleteCode:
            "supplier '\(subject)' has disclosed its emissions, but without upstream Scope 3 (or without its Category 1, what it buys): "
                + "Scopes 1 and 2 per revenue would understate its lines, so they fell through to average-data or spend-based; "
                + "ask the supplier for its Scope 3 Category 1 and give scope3_categories in supplier_emissions.csv"
        case Self.priceOnlyRebateCode:
            "credit notes of supplier '\(subject)' without a quantity rebate the price of invoices computed from their quantities "
                + "(supplier-specific or average-data): the goods did not change, so they count their spend with 0 kg; "
                + "give the credit note a quantity if it returns goods"
        case Self.invoiceNotInLedgerCode:
            "credit notes of supplier '\(subject)' name invoices that are not in the ledger: each was computed on its own date, "
                + "by the hierarchy, as if it named none; import the invoices or correct the ids in the column 'invoice'"
        default: code
        }
    }

    public static func < (a: Self, b: Self) -> Bool { (a.code, a.subject) < (b.code, b.subject) }

    /// Lines, spend (exact, per currency) and emissions of the lines that fell through for one reason.
    public struct Tally: Sendable, Equatable {
        public var lines = 0
        public var spend: [CurrencyCode: DecimalSum] = [:]
        /// kg CO2e the lines got from the rule they fell to.
        public var kg = CompensatedSum()
        public init() {}

        mutating func add(_ other: Tally) {
            lines += other.lines
            kg.add(other.kg)
            for (currency, amount) in other.spend { spend[currency, default: DecimalSum()].add(amount) }
        }
    }
}
