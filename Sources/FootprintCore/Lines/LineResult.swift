/// The result of one purchase line: its method and emissions, or why it could not be computed,
/// and every figure used on the way, so that the number can be traced.
public struct LineResult: Sendable, Equatable {
    /// Something an auditor must see about how the line got its method, besides the method itself.
    public enum Note: UInt8, Sendable, Equatable {
        case none = 0
        /// The supplier has footprints for the line's product (in a convertible unit), but none is valid
        /// on the line's date: the line fell through to the next method of the hierarchy.
        case footprintNotValidOnDate = 1
        /// The supplier has disclosures, but none complete enough for the hybrid method (no upstream
        /// Scope 3, or not its Category 1): the line fell through to average-data or spend-based.
        case disclosureIncomplete = 2
        /// A credit note without quantity that corrects an invoice computed from its quantity
        /// (supplier-specific or average-data): a price-only rebate changes the spend, not the goods,
        /// so it counts its spend with 0 kg (`InventoryEngine.evaluate(_:correcting:)`).
        case priceOnlyRebate = 3
        /// A credit note that names an invoice the ledger does not have: computed on its own date, by
        /// the hierarchy, as if it named none.
        case invoiceNotInLedger = 4
    }

    /// The method that computed the line, or `nil` when it is unmapped.
    public var method: CalculationMethod?
    /// kg CO2e; 0 when unmapped.
    public var kg: Double = 0
    /// Why the line is unmapped; nil when a method computed it. Stored as three plain fields (its kind,
    /// currency and year), not as an optional enum with a payload: a result is copied on every line,
    /// and the enum's 9 odd-sized bytes were copied with overlapping loads that stalled on the stores
    /// before them.
    @inlinable
    public var unmapped: UnmappedCause? {
        get {
            switch unmappedKind {
            case 1: .noFactor
            case 2: .noExchangeRate(currency: CurrencyCode(unchecked: unmappedCurrency), year: unmappedYear)
            case 3: .noPriceIndex(year: unmappedYear)
            default: nil
            }
        }
        set {
            switch newValue {
            case nil: (unmappedKind, unmappedCurrency, unmappedYear) = (0, 0, 0)
            case .noFactor: (unmappedKind, unmappedCurrency, unmappedYear) = (1, 0, 0)
            case .noExchangeRate(let currency, let year): (unmappedKind, unmappedCurrency, unmappedYear) = (2, currency.packed, year)
            case .noPriceIndex(let year): (unmappedKind, unmappedCurrency, unmappedYear) = (3, 0, year)
            }
        }
    }
    /// `unmapped`'s kind (0: none, 1: no factor, 2: no exchange rate, 3: no price index), its
    /// currency (packed) and its year.
    @usableFromInline var unmappedKind: UInt8 = 0
    @usableFromInline var unmappedCurrency: UInt32 = 0
    @usableFromInline var unmappedYear: Int32 = 0
    /// Index into `InventoryEngine.footprints`, `.disclosures` or `.factors`, per the method; -1 otherwise.
    public var sourceIndex: Int32 = -1
    /// For supplier-specific and hybrid lines, the footprint's or disclosure's position among those of the
    /// supplier (for the product) in the engine's order: what a stored result keeps, so that it means the
    /// same in every run whose supplier data have the same shape (`InventoryEngine.SupplierFigures`).
    /// For average-data and spend-based lines, `sourceIndex`. -1 when unmapped.
    public var rank: Int32 = -1
    /// The multiplier that converted the line's quantity into the unit of the footprint or factor.
    public var unitFactor: Double = 1
    /// Units of the line's currency per USD in the line's year (1 for average-data and supplier-specific lines).
    public var fromRate: Double = 1
    /// Units of the target currency per USD in the line's year (1 when no conversion was needed).
    public var toRate: Double = 1
    /// index(price year) / index(line year) for a spend-based factor; for a hybrid line whose disclosure's
    /// currency has its own price index, index(disclosure year) / index(line year) of that currency; 1 otherwise.
    public var priceFactor: Double = 1
    /// The value the factor or intensity multiplied: converted quantity or converted and adjusted amount.
    public var activity: Double = 0
    /// Why the line fell through a rule it looked eligible for (`FallThrough`); `.none` when it did not.
    public var note: Note = .none

    public init() {}

    /// The line's outcome: its method or the status of its cause, and whether it fell through.
    @inlinable @inline(__always)
    public var outcome: LineOutcome {
        LineOutcome(method.map(LineOutcome.Status.init) ?? unmapped?.status ?? .noFactor, note: note)
    }

    /// What runs store beside the outcome: the figure's rank for a computed line, the cause's figure otherwise.
    @inline(__always)
    public var storedSource: Int32 { method != nil ? rank : (unmapped?.storedSource ?? -1) }
}
