import FootprintCore
import Testing

@testable import FootprintImport

/// Checks built-in factors against the DESNZ 2024 workbook: each cited cell holds the figure, in the
/// row the factor's name describes, with the unit the factor states.
enum DESNZCellCheck {
    static func expectEachInItsCell(_ factors: [CitedFactor], workbook: XLSXWorkbook) throws {
        var rowsBySheet: [String: [Int: DESNZTableScanner.Row]] = [:]
        for f in factors {
            if rowsBySheet[f.sheet] == nil {
                let sheet = try workbook.sheet(named: f.sheet)
                rowsBySheet[f.sheet] = Dictionary(DESNZTableScanner.rows(of: sheet).map { ($0.row, $0) }) { a, _ in a }
            }
            let reference = try #require(XLSXCellReference(f.cell), "\(f.cell)")
            let row = try #require(rowsBySheet[f.sheet]?[f.row], "\(f.source): no factor row")
            let value = try #require(row.values.first { $0.column == reference.column }, "\(f.source): no kg CO2e value in the cell")
            #expect(value.number == f.kgPerUnit, "\(f.source)")
            #expect(row.unitText == f.unit, "\(f.source)")
            for part in row.descriptors + [value.label].compactMap({ $0 }) {
                #expect(f.name.lowercased().contains(part.lowercased()), "\(f.source): the row says '\(part)'")
            }
        }
    }
}
