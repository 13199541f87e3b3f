import FootprintCore
import FootprintImport
import Foundation
import Testing

@testable import FootprintStore

/// `footprint import` refuses a header that names a column twice and a file whose lines end with CR
/// alone, and imports nothing; stored imports are read as they were accepted.
@Suite struct HeaderCheckImportTests {
    static let crOnly =
        "the file's lines end with a carriage return alone (CR, as some spreadsheet programs save); "
        + "expected LF or CRLF line endings: save it as 'CSV UTF-8' or convert with `tr '\\r' '\\n'`"

    static let purchases = """
        id,date,supplier,category,amount,currency,product,quantity,unit,customer
        A1,2024-01-05,SUP-0001,334111,1000.00,NOK,,,,
        A2,2024-02-01,SUP-0001,334111,12,NOK,,,,

        """

    func refused(_ kind: ImportKind, _ name: String, _ text: String) throws -> [String] {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try t.workspace.importFolder(nordicIT)
        let before = try t.workspace.tableCounts()
        let records = try t.workspace.imports.list()
        let path = try t.file(name, text)
        let error = inputError { () throws(WorkspaceError) in _ = try t.workspace.importFile(kind, path) }
        #expect(try t.workspace.tableCounts() == before)
        #expect(try t.workspace.imports.list() == records)
        return error?.diagnostics.map(\.description) ?? []
    }

    @Test func purchasesWithAColumnTwiceAreRefused() throws {
        let text = Self.purchases.replacingOccurrences(of: "unit,customer", with: "amount,customer")
        #expect(
            try refused(.purchases, "twice.csv", text) == [
                "twice.csv:1: column 'amount' appears twice, as column 5 and column 9; each column may appear once"
            ]
        )
    }

    @Test func purchasesWithCROnlyLineEndsAreRefused() throws {
        let text = Self.purchases.replacingOccurrences(of: "\n", with: "\r")
        #expect(try refused(.purchases, "mac.csv", text) == ["mac.csv:1: " + Self.crOnly])
    }

    @Test func referenceFilesAreCheckedToo() throws {
        #expect(
            try refused(.rates, "rates.csv", "currency,year,per_usd,Year\nNOK,2030,10,2030\n") == [
                "rates.csv:1: column 'year' appears twice, as column 2 and column 4; each column may appear once"
            ]
        )
        #expect(try refused(.priceIndex, "price_index.csv", "year,index\r2030,100\r2031,101\r") == ["price_index.csv:1: " + Self.crOnly])
    }

    @Test func storedContentIsReadAsItWasAccepted() throws {
        // Reading an earlier import again (for a run) does not apply the newer header checks.
        let parsed = try ImportStore.parseReference(
            kind: .rates,
            data: Data("currency,year,per_usd,year\nNOK,2030,10,2030\n".utf8),
            file: "rates.csv"
        )
        #expect(parsed.rows == 1)
    }
}
