import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

@Suite("XLSX workbook reader")
struct FactorsXLSXTests {
    @Test(arguments: [("A1", 1, 1), ("B5", 5, 2), ("Z9", 9, 26), ("AA1", 1, 27), ("AB12", 12, 28), ("$C$3", 3, 3), ("xfd1048576", 1_048_576, 16384)])
    func cellReferences(_ text: String, _ row: Int, _ column: Int) throws {
        let reference = try #require(XLSXCellReference(text))
        #expect(reference.row == row)
        #expect(reference.column == column)
        #expect(XLSXCellReference.columnLetters(column) == text.uppercased().filter { $0.isLetter })
    }

    @Test(arguments: ["", "A", "12", "A0", "1A", "A1B", "A-1"])
    func badCellReferences(_ text: String) {
        #expect(XLSXCellReference(text) == nil)
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.desnz2024), "shared/data with the DESNZ 2024 workbook is absent"))
    func readsTheDESNZWorkbook() throws {
        let workbook = try XLSXWorkbook(path: SharedFolder.file(SharedFolder.desnz2024).path)
        #expect(workbook.sheetNames.count == 40)
        #expect(workbook.sheetNames.first == "Introduction")
        #expect(workbook.sheetNames.contains("Refrigerant & other"))
        #expect(workbook.sheetNames.last == "Haul definition")
        let hotel = try workbook.sheet(named: "Hotel stay")
        #expect(hotel.cell("A21")?.text == "Activity")
        #expect(hotel.cell("B22")?.text == "UK")
        #expect(hotel.cell("C22")?.text == "Room per night")
        #expect(hotel.cell("D22")?.value == .number("10.4"))
        #expect(hotel.cell("D23")?.number == 11.5)
        let electricity = try workbook.sheet(named: "UK electricity")
        #expect(electricity.cell("E25")?.number == 0.20705)
        #expect(electricity.cell("B6")?.text == "Scope 2")
        #expect(throws: XLSXError.self) { try workbook.sheet(named: "No such sheet") }
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.sbtiSample), "shared/samples with the SBTi sample is absent"))
    func readsTheSBTiSample() throws {
        let workbook = try XLSXWorkbook(path: SharedFolder.file(SharedFolder.sbtiSample).path)
        #expect(workbook.sheetNames == ["Companies"])
        let sheet = try workbook.sheet(named: "Companies")
        let rows = sheet.textRows()
        let header = try #require(rows.first)
        #expect(header.fields.prefix(3) == ["sbti_id", "company_name", "isin"])
        #expect(header.fields.count == 16)
        #expect(sheet.cell("B3")?.text == "Blå Konsult AB")
        #expect(sheet.cell("J2")?.text == "1.5°C")
        #expect(sheet.cell("D4") == nil)
        #expect(rows.count > 5)
    }

    @Test func notAZipArchive() throws {
        let error = try #require(throws: XLSXError.self) { try XLSXWorkbook(data: Data("a,b\n".utf8), file: "x.xlsx") }
        #expect(error.description.hasPrefix("x.xlsx: not an .xlsx workbook"))
    }
}
