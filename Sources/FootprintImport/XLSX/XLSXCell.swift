/// One cell's value as the workbook stores it.
public enum XLSXCellValue: Sendable, Hashable {
    /// A string: shared (`t="s"`), formula result (`t="str"`) or inline (`t="inlineStr"`).
    case text(String)
    /// A number, exactly as stored (`0.20705000000000001`); dates are numbers too (serial days).
    case number(String)
    case boolean(Bool)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)
}

/// A non-empty cell of a worksheet.
public struct XLSXCell: Sendable, Hashable {
    public var reference: XLSXCellReference
    public var value: XLSXCellValue

    public init(reference: XLSXCellReference, value: XLSXCellValue) {
        self.reference = reference
        self.value = value
    }

    /// The value as text: the string, the number as stored, `TRUE`/`FALSE`, or the error code.
    public var text: String {
        switch value {
        case .text(let s), .number(let s), .error(let s): s
        case .boolean(let b): b ? "TRUE" : "FALSE"
        }
    }

    /// The number, for a numeric cell.
    public var number: Double? {
        if case .number(let s) = value { return Double(s) }
        return nil
    }
}
