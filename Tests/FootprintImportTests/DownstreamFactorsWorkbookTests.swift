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
        let factors = DownstreamFactors.desnz2024.allFactors
        // WEEE recycling (open-loop), combustion, landfill; HGV and van per tonne.km.
        #expect(factors.count == 5)
        try DESNZCellCheck.expectEachInItsCell(factors, workbook: workbook)
    }

    /// Re-use has no figure: DESNZ gives none, as it is not a waste treatment.
    @Test func reuseHasNoFactor() {
        #expect(DownstreamFactors.desnz2024.weee[.reuse] == nil && DownstreamFactors.desnz2024.weee[.refurbishment] == nil)
    }
}
