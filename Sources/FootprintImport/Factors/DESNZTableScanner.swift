import Foundation

/// Finds the factor tables of a DESNZ conversion-factor sheet and reads their rows.
enum DESNZTableScanner {
    /// One factor value in a row: its column, the label above its header (`With RF`), its text and number.
    struct Value {
        var column: Int
        var label: String?
        var text: String
        var number: Double
    }

    /// One data row of a table: its activity descriptors (blank ones filled from the row above), its unit and values.
    struct Row {
        var row: Int
        var descriptors: [String]
        var unitText: String
        var values: [Value]
    }

    /// A table's header: where the unit is and which columns hold a factor.
    struct Header {
        var row: Int
        var unitColumn: Int
        var valueColumns: [(column: Int, label: String?)]
        var lastColumn: Int { valueColumns.map(\.column).max() ?? unitColumn }
    }

    static func header(_ sheet: XLSXSheet, row r: Int) -> Header? {
        guard sheet.text(row: r, column: 1) == "Activity" else { return nil }
        let cells = sheet.cells(inRow: r)
        guard let unit = cells.first(where: { $0.text.trimmingCharacters(in: .whitespaces) == "Unit" })?.reference.column else { return nil }
        var values: [(Int, String?)] = []
        for cell in cells where cell.reference.column > unit && cell.text.trimmingCharacters(in: .whitespaces) == "kg CO2e" {
            let c = cell.reference.column
            // The label is the nearest text above, at or left of the column, right of the unit.
            var label: String?
            if r > 1 {
                for lc in stride(from: c, to: unit, by: -1) {
                    if let text = sheet.text(row: r - 1, column: lc) {
                        if text.count <= 60 { label = text }
                        break
                    }
                }
            }
            values.append((c, label))
        }
        guard !values.isEmpty else { return nil }
        return Header(row: r, unitColumn: unit, valueColumns: values)
    }

    /// Every data row of every table in the sheet, in row order.
    static func rows(of sheet: XLSXSheet) -> [Row] {
        var result: [Row] = []
        var current: Header?
        var previous: [String?] = []
        var lastRow = 0
        for r in sheet.rowNumbers {
            if let h = header(sheet, row: r) {
                current = h
                previous = Array(repeating: nil, count: h.unitColumn - 1)
                lastRow = r
                continue
            }
            guard let h = current else { continue }
            // A blank row (or a gap in the row numbers) ends the table.
            let blank = (1...h.lastColumn).allSatisfy { sheet.text(row: r, column: $0) == nil }
            if blank || r != lastRow + 1 {
                current = nil
                continue
            }
            lastRow = r
            guard let unitText = sheet.text(row: r, column: h.unitColumn) else {
                current = nil
                continue
            }
            var descriptors: [String?] = []
            var explicitLeft = false
            for c in 1..<h.unitColumn {
                if let text = sheet.text(row: r, column: c) {
                    descriptors.append(text)
                    explicitLeft = true
                } else {
                    descriptors.append(explicitLeft ? nil : previous[c - 1])
                }
            }
            previous = descriptors
            var values: [Value] = []
            for (column, label) in h.valueColumns {
                guard let cell = sheet.cell(row: r, column: column), let number = cell.number, number.isFinite else { continue }
                values.append(Value(column: column, label: label, text: shortest(number), number: number))
            }
            result.append(Row(row: r, descriptors: descriptors.compactMap { $0 }, unitText: unitText, values: values))
        }
        return result
    }

    /// The shortest text that reads back as the same number: the workbook stores `0.20705000000000001`
    /// for the 0.20705 its cell shows.
    static func shortest(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        let text = "\(number)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        // Swift writes 1.234e-05; write it without an exponent, as the workbook's cells show it.
        let mantissa = text[..<e]
        guard let exponent = Int(text[text.index(after: e)...]), exponent < 0 else { return text }
        let negative = mantissa.hasPrefix("-")
        let digits = mantissa.filter { $0 != "." && $0 != "-" }
        let intDigits =
            (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) - (negative ? 1 : 0)
        let zeros = String(repeating: "0", count: -exponent - intDigits)
        return (negative ? "-" : "") + "0." + zeros + digits
    }
}
