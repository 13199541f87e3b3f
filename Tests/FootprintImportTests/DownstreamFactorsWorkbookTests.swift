import FootprintCore
import FootprintTestSupport
import Foundation
import Testing

@testable import FootprintImport

/// Every built-in end-of-life and freight figure against the DESNZ 2024 workbook: the cited cell holds
/// the figure, in the row the name describes, with the unit the factor states.
@Suite("Downstream: built-in factors against the DESNZ workbook")
struct DownstreamFactorsWorkbookTests {
    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.desnz2024), "shared/data with the DESNZ 2024 workbook is absent"))
    func everyFigureIsInItsCell() throws {
        let workbook = try XLSXWorkbook(path: SharedFolder.file(SharedFolder.desnz2024).path)
        var rowsBySheet: [String: [Int: DESNZTableScanner.Row]] = [:]
        let factors = DownstreamFactors.desnz2024.allFactors
        // WEEE recycling (open-loop), combustion, landfill; HGV and van per tonne.km.
        #expect(factors.count == 5)
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

    /// Re-use has no figure: DESNZ gives none, as it is not a waste treatment.
    @Test func reuseHasNoFactor() {
        #expect(DownstreamFactors.desnz2024.weee[.reuse] == nil && DownstreamFactors.desnz2024.weee[.refurbishment] == nil)
    }
}
