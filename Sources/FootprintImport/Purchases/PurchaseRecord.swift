public import FootprintCore

/// One valid purchase line, as `PurchaseRecordDecoder` reads it: the line as given.
/// Texts are byte views into the file (valid only during the visit); repeated texts (supplier,
/// category, currency, product, unit, customer, ERP category) are term numbers of their field's
/// table in the decoder's `terms` (`PurchaseTerms`), or -1 when the field is absent.
public struct PurchaseRecord {
    /// The physical line on which the record starts (the header is line 1).
    public var line: Int
    /// The line in the original export, for a file converted from an ERP export (`source_line`); else `line`.
    public var sourceLine: Int
    public var id: UnsafeRawBufferPointer
    public var idHash: UInt64
    /// The date as YYYYMMDD.
    public var date: Int32
    public var supplier: Int32
    public var category: Int32
    public var currency: Int32
    public var currencyCode: CurrencyCode
    public var product: Int32
    public var unit: Int32
    public var customer: Int32
    public var erpCategory: Int32
    /// The amount exactly as the file gives it, and parsed.
    public var amountText: UnsafeRawBufferPointer
    public var amount: ParsedDecimal
    /// The quantity exactly as given (empty when absent), and parsed (`nil` when absent).
    public var quantityText: UnsafeRawBufferPointer
    public var quantity: ParsedDecimal?
    /// The id of the invoice this credit note corrects (column `invoice`); empty when none is named.
    public var invoice: UnsafeRawBufferPointer
    /// The Scope 3 category the line is flagged with (1...15), or 0.
    public var scope3: UInt8

    public var year: Int32 { date / 10000 }
}
