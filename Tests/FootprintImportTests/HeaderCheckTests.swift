import FootprintCore
import FootprintImport
import Foundation
import Testing

/// FORMATS.md "Errors": a header that names a column twice, and a file whose lines end with a
/// carriage return alone, are refused at line 1 (they were read as an ambiguous column, and as a
/// header with no lines).
@Suite("Header checks: duplicated columns and CR-only line ends")
struct HeaderCheckTests {
    static let crOnly =
        "the file's lines end with a carriage return alone (CR, as some spreadsheet programs save); "
        + "expected LF or CRLF line endings: save it as 'CSV UTF-8' or convert with `tr '\\r' '\\n'`"

    static let lines = "1,2024-03-01,S3,office,100,NOK,,,,\n2,2024-03-02,S3,office,50,NOK,,,,\n"

    @Test func purchasesWithAColumnTwiceAreRefusedNamingBothPositions() throws {
        let text = "id,date,supplier,category,amount,currency,product,amount\n1,2024-03-01,S3,office,100,NOK,,100\n"
        #expect(
            try ledgerErrors(text) == [
                "purchases.csv:1: column 'amount' appears twice, as column 5 and column 8; each column may appear once"
            ]
        )
    }

    @Test func namesAreComparedAsTheReaderMatchesThem() throws {
        // Trimmed and in any case, as PurchaseColumns finds them; every repeated name is reported.
        let text = "id,date,supplier,category,amount,currency, Amount,ID,AMOUNT\n1,2024-03-01,S3,office,100,NOK,1,2,3\n"
        #expect(
            Set(try ledgerErrors(text)) == [
                "purchases.csv:1: column 'id' appears twice, as column 1 and column 8; each column may appear once",
                "purchases.csv:1: column 'amount' appears 3 times, as columns 5, 7 and 9; each column may appear once",
            ]
        )
    }

    @Test(arguments: [1, 4])
    func purchasesWithCROnlyLineEndsAreRefused(threads: Int) throws {
        let text = (Fixture.header + Self.lines).replacingOccurrences(of: "\n", with: "\r")
        #expect(try ledgerErrors(text, threads: threads) == ["purchases.csv:1: " + Self.crOnly])
        // Quoted header names too.
        let quoted = "\"id\",\"date\",\"supplier\",\"category\",\"amount\",\"currency\"\r1,2024-03-01,S3,office,100,NOK\r"
        #expect(try ledgerErrors(quoted, threads: threads) == ["purchases.csv:1: " + Self.crOnly])
    }

    @Test func aLargeCROnlyFileIsRefusedByItsHeader() throws {
        // Larger than the first window (64 KiB): refused before the window grows to find a line feed.
        var text = Fixture.header
        for i in 0..<20_000 { text += "\(i),2024-03-01,S3,office,100,NOK,,,,\n" }
        #expect(
            try ledgerErrors(text.replacingOccurrences(of: "\n", with: "\r"), blockBytesPerThread: 1 << 16) == [
                "purchases.csv:1: " + Self.crOnly
            ]
        )
    }

    @Test func crlfAndACarriageReturnInAQuotedHeaderNameAreAccepted() throws {
        let crlf = (Fixture.header + Self.lines).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try scanLedger(crlf).lines == 2)
        let quoted = "id,date,supplier,category,amount,currency,\"note\rtext\"\n1,2024-03-01,S3,office,100,NOK,x\n"
        #expect(try scanLedger(quoted).lines == 1)
    }

    func table(_ text: String, checkingHeader: Bool = true) throws -> CSVTable {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: Data(text.utf8), file: "suppliers.csv", diagnostics: &diagnostics, checkingHeader: checkingHeader)
        #expect(diagnostics.isEmpty)
        return table
    }

    @Test func smallFilesAreCheckedInCSVTable() throws {
        let twice = try #require(throws: InputError.self) { try table("id,name,country,Name\nS1,A,NO,B\n") }
        #expect(
            twice.diagnostics.map(\.description) == [
                "suppliers.csv:1: column 'name' appears twice, as column 2 and column 4; each column may appear once"
            ]
        )
        let cr = try #require(throws: InputError.self) { try table("id,name\rS1,A\rS2,B\r") }
        #expect(cr.diagnostics.map(\.description) == ["suppliers.csv:1: " + Self.crOnly])
        // Empty names (trailing commas) are not compared.
        #expect(try table("id,name,,\nS1,A,,\n").rows.count == 1)
        // A file's last line may end with CR alone (the only CR of the file).
        #expect(try table("id,name\nS1,A\r").rows.count == 1)
        // The content of an earlier import is read as it was accepted.
        #expect(try table("id,name,name\nS1,A,B\n", checkingHeader: false).rows.count == 1)
        #expect(try table("id,name\rS1,A\r", checkingHeader: false).rows.isEmpty)
    }

    @Test func referenceFilesOfADataFolderAreChecked() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try Fixture.writeReference(folder)
        try folder.write("rates.csv", "currency,year,per_usd,year\nNOK,2024,10.5,2023\n")
        let error = try #require(throws: InputError.self) { try ReferenceDataReader.read(directory: folder.url.path) }
        #expect(
            error.diagnostics.map(\.description).contains(
                "rates.csv:1: column 'year' appears twice, as column 2 and column 4; each column may appear once"
            )
        )
        try folder.write("rates.csv", Fixture.rates.replacingOccurrences(of: "\n", with: "\r"))
        let cr = try #require(throws: InputError.self) { try ReferenceDataReader.read(directory: folder.url.path) }
        #expect(cr.diagnostics.map(\.description).contains("rates.csv:1: " + Self.crOnly))
    }

    @Test func theWorkspaceDecoderRefusesBoth() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        func errors(_ text: String) throws -> [String] {
            try folder.write("purchases.csv", text)
            var decoder = PurchaseFileDecoder(displayName: "purchases.csv")
            let error = try #require(throws: InputError.self) { try decoder.decode(path: folder.path("purchases.csv"), visit: { _, _ in }) }
            return error.diagnostics.map(\.description)
        }
        #expect(
            try errors("id,date,supplier,category,amount,currency,amount\n1,2024-03-01,S3,office,100,NOK,1\n") == [
                "purchases.csv:1: column 'amount' appears twice, as column 5 and column 7; each column may appear once"
            ]
        )
        #expect(try errors((Fixture.header + Self.lines).replacingOccurrences(of: "\n", with: "\r")) == ["purchases.csv:1: " + Self.crOnly])
    }
}
