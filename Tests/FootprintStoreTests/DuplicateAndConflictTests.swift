import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// Purchase ids given twice, `--replace`, `imports remove`, and reference files that disagree.
@Suite struct DuplicateAndConflictTests {
    static let header = "id,date,supplier,category,amount,currency,product,quantity,unit,customer\n"

    /// A workspace with a spend factor (2 kg per USD, no price adjustment) and the rate it needs.
    static func workspace() throws -> TemporaryWorkspace {
        let t = try TemporaryWorkspace()
        _ = try t.workspace.importFile(
            .factors,
            try t.file("factors.csv", "category,name,kgco2e_per_unit,unit,price_year,source\nC1,test,2,USD,,test\n")
        )
        _ = try t.workspace.importFile(.rates, try t.file("rates.csv", "currency,year,per_usd\nUSD,2024,1\n"))
        return t
    }

    @Test func duplicateWithinAFileNamesBothLines() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let before = try t.workspace.tableCounts()
        let path = try t.file(
            "dup.csv",
            Self.header + """
                A1,2024-01-05,S1,C1,10,USD,,,,
                A2,2024-01-05,S1,C1,10,USD,,,,
                A3,2024-01-05,S2,C1,10,USD,,,,
                A2,2024-01-06,S2,C1,11,USD,,,,
                A1,2024-01-07,S3,C1,12,USD,,,,

                """
        )
        let error = inputError { () throws(WorkspaceError) in _ = try t.workspace.importFile(.purchases, path) }
        #expect(
            error?.diagnostics.map(\.description) == [
                "dup.csv:5: column 'id': duplicate purchase id 'A2'; it is already on line 3",
                "dup.csv:6: column 'id': duplicate purchase id 'A1'; it is already on line 2",
            ]
        )
        #expect(try t.workspace.tableCounts() == before)
    }

    @Test func duplicateAcrossImportsNamesTheOtherImportAndSuggestsReplace() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let first = try t.workspace.importFile(
            .purchases,
            try t.file("jan.csv", Self.header + "A1,2024-01-05,S1,C1,10,USD,,,,\nA2,2024-01-05,S1,C1,20,USD,,,,\n")
        )
        let before = try t.workspace.tableCounts()
        let corrected = try t.file(
            "jan-corrected.csv",
            Self.header + "A1,2024-01-05,S1,C1,100,USD,,,,\nA3,2024-01-05,S2,C1,5,USD,,,,\nA2,2024-01-05,S1,C1,200,USD,,,,\n"
        )
        let error = inputError { () throws(WorkspaceError) in _ = try t.workspace.importFile(.purchases, corrected) }
        let id = first.record.id
        #expect(
            error?.diagnostics.map(\.description) == [
                "jan-corrected.csv:2: column 'id': duplicate purchase id 'A1'; it is already on import #\(id) (jan.csv) line 2; if this file corrects that one, import it with --replace \(id)",
                "jan-corrected.csv:4: column 'id': duplicate purchase id 'A2'; it is already on import #\(id) (jan.csv) line 3; if this file corrects that one, import it with --replace \(id)",
            ]
        )
        #expect(try t.workspace.tableCounts() == before)

        // --replace supersedes the first import; the calculation reads only the new one.
        let replaced = try t.workspace.importFile(.purchases, corrected, replacing: id)
        #expect(replaced.superseded == id)
        #expect(replaced.record.replaces == id)
        #expect(replaced.record.status == .active)
        #expect(try t.workspace.imports.importRecord(id: id).status == .superseded)
        let run = try t.workspace.runs.calculate(CalculationOptions())
        #expect(run.lineCount == 3)
        #expect(run.summary.kgByMethod[.spendBased]?.value == 610)
        #expect(run.inputs.imports.contains { $0.importID == replaced.record.id })
        #expect(!run.inputs.imports.contains { $0.importID == id })
        // A superseded import cannot be replaced or removed again.
        #expect(throws: WorkspaceError.self) { try t.workspace.imports.removeImport(id: id) }
        #expect(throws: WorkspaceError.self) {
            try t.workspace.importFile(.purchases, try t.file("x.csv", Self.header + "Z1,2024-01-05,S1,C1,1,USD,,,,\n"), replacing: id)
        }
        // The superseded file's ids are free again: importing the first file anew is no duplicate of itself... but of the corrected one.
        let again = inputError { () throws(WorkspaceError) in _ = try t.workspace.importFile(.purchases, t.folder + "/jan.csv") }
        #expect(again?.diagnostics.count == 2)
    }

    @Test func removingAnImportTakesItOutOfTheNextCalculation() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let jan = try t.workspace.importFile(
            .purchases,
            try t.file("jan.csv", Self.header + "A1,2024-01-05,S1,C1,10,USD,,,,\nA2,2024-01-05,S1,C1,20,USD,,,,\n")
        )
        let feb = try t.workspace.importFile(.purchases, try t.file("feb.csv", Self.header + "B1,2024-02-05,S2,C1,1000,USD,,,,\n"))
        let both = try t.workspace.runs.calculate(CalculationOptions())
        #expect(both.lineCount == 3)
        #expect(both.summary.totalKg == 2060)
        let removed = try t.workspace.imports.removeImport(id: feb.record.id)
        #expect(removed.status == .removed)
        let after = try t.workspace.runs.calculate(CalculationOptions())
        #expect(!after.upToDate)
        #expect(after.id != both.id)
        #expect(after.lineCount == 2)
        #expect(after.summary.totalKg == 60)
        #expect(after.summary.kgBySupplier["S2"] == nil)
        #expect(after.inputs.imports.map(\.importID).contains(jan.record.id))
        #expect(!after.inputs.imports.map(\.importID).contains(feb.record.id))
        // The rows stay, so that the earlier run can still be explained.
        #expect(try t.workspace.count("purchase") == 3)
        // Removing everything leaves nothing to calculate.
        _ = try t.workspace.imports.removeImport(id: jan.record.id)
        do {
            _ = try t.workspace.runs.calculate(CalculationOptions())
            Issue.record("calculated a workspace without purchases")
        } catch {
            guard case .nothingToCalculate = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    @Test func twoRatesFilesGivingTheSameRateIsAnErrorNamingBoth() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let first = try t.workspace.importFile(.rates, try t.file("rates-2024.csv", "currency,year,per_usd\nUSD,2024,1\nNOK,2024,10.75\n"))
        let before = try t.workspace.tableCounts()
        let second = try t.file("rates-extra.csv", "currency,year,per_usd\nSEK,2024,10.57\nNOK,2024,10.80\n")
        let error = inputError { () throws(WorkspaceError) in _ = try t.workspace.importFile(.rates, second) }
        let messages = error?.diagnostics.map(\.description) ?? []
        #expect(messages.count == 1)
        let message = messages.first ?? ""
        #expect(message.hasPrefix("rates-extra.csv:3: "), "\(message)")
        #expect(message.contains("NOK") && message.contains("2024"), "\(message)")
        #expect(message.contains("import #\(first.record.id) (rates-2024.csv) line 3"), "\(message)")
        #expect(message.contains("--replace"), "\(message)")
        #expect(try t.workspace.tableCounts() == before)
        // Replacing the first file with the second is fine.
        let replaced = try t.workspace.importFile(.rates, second, replacing: first.record.id)
        #expect(replaced.superseded == first.record.id)
    }

    @Test func aRateGivenTwiceInOneFileIsAnError() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let path = try t.file("rates.csv", "currency,year,per_usd\nNOK,2024,10.75\nNOK,2024,10.80\n")
        let error = inputError { () throws(WorkspaceError) in _ = try t.workspace.importFile(.rates, path) }
        #expect((error?.diagnostics.count ?? 0) >= 1, "a file that gives NOK 2024 twice must not import silently")
        #expect(try t.workspace.imports.list().filter { $0.kind == .rates }.isEmpty)
    }
}
