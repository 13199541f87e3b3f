/// A cell's position in a worksheet, read from an A1-style reference such as `AB12`.
///
/// Rows and columns count from 1: `A1` is row 1, column 1; `AB12` is row 12, column 28.
public struct XLSXCellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The last row and column of a worksheet (Excel's limits, `XFD1048576`).
    public static let maxRow = 1_048_576, maxColumn = 16_384

    /// Reads `B5`, `AB12`, `$C$3` (case-insensitive) inside the grid up to `XFD1048576`; `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit, column < 1_000_000 else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard sawLetter, row < 100_000_000 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
            default:
                return nil
            }
        }
        // Inside Excel's grid (XFD1048576): a reference far outside it made `XLSXSheet.textRows` lay out
        // millions of empty fields per row (found with the fuzz target's worksheet mode, docs/fuzzing.md).
        guard sawLetter, sawDigit, row >= 1, row <= Self.maxRow, column <= Self.maxColumn else { return nil }
        self.init(row: row, column: column)
    }

    /// The column's letters: 1 -> `A`, 28 -> `AB`.
    public static func columnLetters(_ column: Int) -> String {
        var n = column
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    public var description: String { Self.columnLetters(column) + String(row) }

    public static func < (a: Self, b: Self) -> Bool { (a.row, a.column) < (b.row, b.column) }
}
