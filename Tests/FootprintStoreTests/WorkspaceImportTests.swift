import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// `footprint import KIND FILE`: every canonical kind, the import record, re-importing, and
/// all-or-nothing on large files with bad rows.
@Suite struct WorkspaceImportTests {
    @Test func everyCanonicalKindImportsWithAFullRecord() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let started = Date().addingTimeInterval(-2)
        let expectedRows: [ImportKind: Int] = try Dictionary(
            uniqueKeysWithValues: canonicalFiles.map { kind, name in
                let text = try String(contentsOfFile: nordicIT + "/" + name, encoding: .utf8)
                // Data rows: physical lines minus the header (the example has no quoted line breaks).
                return (kind, text.split(separator: "\n", omittingEmptySubsequences: true).count - 1)
            }
        )
        #expect(expectedRows[.purchases] == 3759)
        for (kind, name) in canonicalFiles {
            let path = nordicIT + "/" + name
            let outcome = try t.workspace.importFile(kind, path)
            #expect(!outcome.alreadyImported)
            let r = outcome.record
            #expect(r.kind == kind)
            #expect(r.fileName == name)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            #expect(r.byteCount == size, "\(name)")
            #expect(r.sha256 == (try systemSHA256(path)), "\(name)")
            #expect(r.rowCount == expectedRows[kind], "\(name): \(r.rowCount) rows")
            #expect(r.status == .active)
            #expect(r.replaces == nil)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let time = try #require(formatter.date(from: r.importedAt), "imported_at '\(r.importedAt)' is not ISO 8601")
            #expect(time >= started && time <= Date().addingTimeInterval(2))
            // What the list shows is what the import returned.
            #expect(try t.workspace.imports.importRecord(id: r.id) == r)
        }
        #expect(try t.workspace.count("purchase") == 3759)
        #expect(try t.workspace.count("purchase_line") == 3759, "every purchase row joins its terms")
        #expect(try t.workspace.count("purchase_pack") > 0)
        let packLines = try t.workspace.read { db in try Int.fetchOne(db, sql: "SELECT sum(line_count) FROM purchase_pack") }
        #expect(packLines == 3759)
        // The user's factors file is a library of its own, ahead of the built-in one.
        let libraries = try t.workspace.imports.libraries()
        #expect(libraries.count == 2)
        #expect(libraries.first?.tier == ImportStore.userTier)
        #expect(libraries.first?.factorCount == expectedRows[.factors])

        // Importing the same files again changes nothing.
        let counts = try t.workspace.tableCounts()
        let records = try t.workspace.imports.list()
        for (kind, name) in canonicalFiles {
            let again = try t.workspace.importFile(kind, nordicIT + "/" + name)
            #expect(again.alreadyImported, "\(name)")
            #expect(again.record == records.first { $0.kind == kind }, "\(name)")
        }
        #expect(try t.workspace.tableCounts() == counts)
        #expect(try t.workspace.imports.list() == records)
    }

    /// A purchases ledger of `lines` valid lines; `bad` replaces some lines (1-based data line -> text).
    static func bigLedger(lines: Int, bad: [Int: String]) -> String {
        var text = "id,date,supplier,category,amount,currency,product,quantity,unit,customer\n"
        text.reserveCapacity(lines * 48)
        for i in 1...lines {
            if let line = bad[i] {
                text += line + "\n"
                continue
            }
            text += "B\(i),2024-\(i % 12 + 1 < 10 ? "0" : "")\(i % 12 + 1)-15,SUP-\(i % 97),C\(i % 23),\(i % 9000).\(i % 100),NOK,,,,\n"
        }
        return text
    }

    /// Imports a large ledger whose bad rows must stop the whole import; the tables must be as before.
    func expectNothingImported(bad: [Int: String], expected: [String]) throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        // Something already there, so that "as before" is not just "empty".
        _ = try t.workspace.importFolder(nordicIT)
        let before = try t.workspace.tableCounts()
        let records = try t.workspace.imports.list()
        let path = try t.file("big.csv", Self.bigLedger(lines: 200_000, bad: bad))
        let error = inputError { () throws(WorkspaceError) in _ = try t.workspace.importFile(.purchases, path) }
        let messages = error?.diagnostics.map(\.description) ?? []
        // Each message starts with file:line: column 'name': problem (then says what is expected).
        #expect(messages.count == expected.count, "\(messages)")
        for (message, start) in zip(messages, expected) { #expect(message.hasPrefix(start), "\(message)") }
        #expect(error?.omitted == 0)
        #expect(try t.workspace.tableCounts() == before)
        #expect(try t.workspace.imports.list() == records)
        #expect(try t.workspace.count("purchase", where: "purchase_id LIKE 'B%'") == 0)
        // The same file, corrected, imports whole.
        let good = try t.file("good.csv", Self.bigLedger(lines: 200_000, bad: [:]))
        let outcome = try t.workspace.importFile(.purchases, good)
        #expect(outcome.record.rowCount == 200_000)
        #expect(try t.workspace.count("purchase") == before["purchase"]! + 200_000)
    }

    @Test func oneBadRowAtTheVeryEndImportsNothing() throws {
        try expectNothingImported(
            bad: [200_000: "B200000,2024-02-30,SUP-1,C1,10.00,NOK,,,,"],
            expected: ["big.csv:200001: column 'date': '2024-02-30' is not a valid date"]
        )
    }

    @Test func badRowsSpreadOutAreAllReportedAndNothingIsImported() throws {
        try expectNothingImported(
            bad: [
                1: "B1,2024-01-15,SUP-1,C1,\"1,5\",NOK,,,,",
                50_000: "B50000,2024-01-15,SUP-1,C1,15,nok,,,,",
                123_456: "B123456,2024-01-15,SUP-1,C1,15,NOK,P-1,x2,piece,",
                199_999: "B199999,2024-13-01,SUP-1,C1,15,NOK,,,,",
            ],
            expected: [
                "big.csv:2: column 'amount': '1,5' is not a number",
                "big.csv:50001: column 'currency': 'nok' is not a currency code",
                "big.csv:123457: column 'quantity': 'x2' is not a number",
                "big.csv:200000: column 'date': '2024-13-01' is not a valid date",
            ]
        )
    }
}
