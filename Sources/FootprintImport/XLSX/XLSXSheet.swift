/// One worksheet's non-empty cells, addressed by row and column (both from 1).
import Foundation

public struct XLSXSheet: Sendable {
    /// The sheet's name as its tab shows it.
    public var name: String
    /// Row number -> column number -> cell.
    public private(set) var rows: [Int: [Int: XLSXCell]]

    public init(name: String, cells: [XLSXCell]) {
        self.name = name
        var rows: [Int: [Int: XLSXCell]] = [:]
        for cell in cells { rows[cell.reference.row, default: [:]][cell.reference.column] = cell }
        self.rows = rows
    }

    /// The numbers of the rows that have at least one cell, in order.
    public var rowNumbers: [Int] { rows.keys.sorted() }

    /// The highest row number with a cell, or 0 for an empty sheet.
    public var lastRow: Int { rows.keys.max() ?? 0 }

    public func cell(row: Int, column: Int) -> XLSXCell? { rows[row]?[column] }

    /// The cell at an A1-style reference such as `B5`.
    public func cell(_ reference: String) -> XLSXCell? {
        XLSXCellReference(reference).flatMap { cell(row: $0.row, column: $0.column) }
    }

    /// A cell's text with surrounding white space removed, or `nil` when the cell is absent or blank.
    public func text(row: Int, column: Int) -> String? {
        guard let text = cell(row: row, column: column)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
        else { return nil }
        return text
    }

    /// The cells of one row, in column order.
    public func cells(inRow row: Int) -> [XLSXCell] {
        (rows[row] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
    }

    /// The rows as text from column 1 to the row's last cell (absent cells are empty strings),
    /// for table-shaped sheets whose first row is a header.
    public func textRows() -> [(row: Int, fields: [String])] {
        rowNumbers.map { r in
            let row = rows[r] ?? [:]
            let width = row.keys.max() ?? 0
            return (r, (1...max(width, 1)).map { row[$0]?.text ?? "" })
        }
    }
}
