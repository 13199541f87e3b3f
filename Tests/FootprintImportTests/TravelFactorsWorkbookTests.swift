import FootprintCore
import FootprintTestSupport
import Foundation
import Testing

@testable import FootprintImport

/// Every built-in Category 6 and 7 figure against the DESNZ 2024 workbook: the cited cell holds the
/// figure, in the row the name describes, with the unit the factor states.
@Suite("Travel: built-in factors against the DESNZ workbook")
struct TravelFactorsWorkbookTests {
    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.desnz2024), "shared/data with the DESNZ 2024 workbook is absent"))
    func everyFigureIsInItsCell() throws {
        let workbook = try XLSXWorkbook(path: SharedFolder.file(SharedFolder.desnz2024).path)
        let factors = TravelFactors.desnz2024.allFactors
        // 14 flights x 4 cells, 5 trip modes x 2, 8 commuting modes x 2 less the 4 cells they share, 39 hotels, home-working.
        #expect(factors.count == 56 + 10 + 12 + 39 + 1)
        try DESNZCellCheck.expectEachInItsCell(factors, workbook: workbook)
    }
}
