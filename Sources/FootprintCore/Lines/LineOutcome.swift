/// What became of one purchase line, in one byte: the method that computed it, or why no method
/// could; and whether it fell through the supplier-specific rule on the way. Runs store it per line
/// (`LineResultPack`), accumulators count by it, and provenance prints it: every place that needs a
/// line's outcome reads this type, none compares raw status bytes.
public struct LineOutcome: Hashable, Sendable, CustomStringConvertible {
    /// The method, or the kind of reason the line is unmapped for.
    public enum Status: UInt8, Sendable, Hashable, CaseIterable {
        case supplierSpecific = 0
        case hybrid = 1
        case averageData = 2
        case spendBased = 3
        case noFactor = 4
        case noExchangeRate = 5
        case noPriceIndex = 6
        /// Dated outside the reporting period: left out of the inventory before any method is tried,
        /// counted with its spend (`InventorySummary.outsidePeriod`).
        case outsidePeriod = 7
        /// Of a category excluded from the inventory (`CategoryRules`): left out before any method is
        /// tried, counted with its spend under the exclusion's reason (`InventorySummary.excluded`).
        case excluded = 8

        /// The status of a line computed by `method`.
        @inlinable @inline(__always)
        public init(_ method: CalculationMethod) { self = Status(rawValue: method.rawValue)! }

        /// The method, or nil for an unmapped status.
        @inlinable @inline(__always)
        public var method: CalculationMethod? { CalculationMethod(rawValue: rawValue) }

        /// 0...3 for the methods, 4 for every unmapped status: the index of per-method tables whose
        /// last entry counts unmapped lines. Not for `outsidePeriod` and `excluded` (see `isInInventory`),
        /// which no per-method table counts.
        @inlinable @inline(__always)
        public var methodSlot: Int { Int(min(rawValue, 4)) }

        /// Whether the line is in the inventory (computed or unmapped): false for `outsidePeriod` and `excluded`.
        @inlinable @inline(__always)
        public var isInInventory: Bool { rawValue <= Status.noPriceIndex.rawValue }

        /// `outside-period` or `excluded` (the per-line output's `method` column); nil for the other statuses.
        public var exclusionName: String? {
            switch self {
            case .outsidePeriod: LineOutcome.outsidePeriodName
            case .excluded: LineOutcome.excludedName
            default: nil
            }
        }
    }

    public var status: Status
    /// Why the line fell through a rule it looked eligible for (`FallThrough`): no footprint of its
    /// product valid on its date, or its supplier's disclosures incomplete; `.none` when it did not.
    public var note: LineResult.Note

    /// Whether the line fell through a rule on the way (`note` is not `.none`).
    @inlinable @inline(__always)
    public var fellThrough: Bool { note != .none }

    @inlinable
    public init(_ status: Status, note: LineResult.Note = .none) {
        self.status = status
        self.note = note
    }

    /// The bits of the stored byte that mark a note: no valid footprint (bit 6), an incomplete
    /// disclosure (bit 5), a price-only rebate (bit 4), a credit note whose invoice is not in the ledger (bit 7).
    static let footprintBit: UInt8 = 0x40
    static let disclosureBit: UInt8 = 0x20
    static let rebateBit: UInt8 = 0x10
    static let missingInvoiceBit: UInt8 = 0x80
    static let noteBits: UInt8 = footprintBit | disclosureBit | rebateBit | missingInvoiceBit

    /// The status names of lines left out of the inventory, as `runs lines` and `--lines-out` print them.
    public static let outsidePeriodName = "outside-period"
    public static let excludedName = "excluded"

    /// The stored byte: the status, with bit 6 or 5 set for a fall-through.
    @inline(__always)
    public var byte: UInt8 {
        switch note {
        case .none: status.rawValue
        case .footprintNotValidOnDate: status.rawValue | Self.footprintBit
        case .disclosureIncomplete: status.rawValue | Self.disclosureBit
        case .priceOnlyRebate: status.rawValue | Self.rebateBit
        case .invoiceNotInLedger: status.rawValue | Self.missingInvoiceBit
        }
    }

    /// Reads a stored byte; nil when it is no outcome.
    @inline(__always)
    public init?(byte: UInt8) {
        guard let status = Status(rawValue: byte & ~Self.noteBits) else { return nil }
        let note: LineResult.Note
        switch byte & Self.noteBits {
        case 0: note = .none
        case Self.footprintBit: note = .footprintNotValidOnDate
        case Self.disclosureBit: note = .disclosureIncomplete
        case Self.rebateBit: note = .priceOnlyRebate
        case Self.missingInvoiceBit: note = .invoiceNotInLedger
        default: return nil
        }
        self.init(status, note: note)
    }

    @inlinable @inline(__always)
    public var method: CalculationMethod? { status.method }

    /// In the inventory, but no method could compute it.
    @inline(__always)
    public var isUnmapped: Bool { status.method == nil && status.isInInventory }

    /// `spend-based`, `unmapped (no factor)`, ..., with `(fell through: ...)` when it did.
    public var description: String {
        let base: String
        switch status {
        case .noFactor: base = "unmapped (no factor)"
        case .noExchangeRate: base = "unmapped (no exchange rate)"
        case .noPriceIndex: base = "unmapped (no price index)"
        case .outsidePeriod, .excluded: base = status.exclusionName!
        default: base = status.method!.name
        }
        switch note {
        case .none: return base
        case .footprintNotValidOnDate: return base + " (fell through: \(FallThrough.footprintNotValidOnDateCode))"
        case .disclosureIncomplete: return base + " (fell through: \(FallThrough.disclosureIncompleteCode))"
        case .priceOnlyRebate: return base + " (price-only rebate: spend only)"
        case .invoiceNotInLedger: return base + " (\(FallThrough.invoiceNotInLedgerCode): computed on its own date)"
        }
    }
}
