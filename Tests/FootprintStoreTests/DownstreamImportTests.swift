import FootprintCore
import FootprintImport
import Foundation
import Testing

@testable import FootprintStore

/// `footprint import sales|product-use|end-of-life|returns`: whole or not at all, one of each kind in
/// force, read again for the run's corporate inventory.
@Suite struct DownstreamImportTests {
    static let kinds: [(ImportKind, String)] = [
        (.sales, "sales.csv"), (.productUse, "product_use.csv"), (.endOfLife, "end_of_life.csv"), (.returns, "returns.csv"),
        (.leasedEquipment, "leased_equipment.csv"), (.avoidedEmissions, "avoided_emissions.csv"),
    ]

    func importExample(_ t: TemporaryWorkspace) throws {
        for (kind, file) in Self.kinds {
            let outcome = try t.workspace.imports.importActivity(kind: kind, path: nordicIT + "/" + file, displayName: file, replacing: nil)
            #expect(outcome.record.kind == kind && !outcome.alreadyImported)
        }
    }

    @Test func aBadRowStoresNothing() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let before = try t.workspace.imports.list()
        let bad = try t.file(
            "sales.csv",
            "date,product,quantity,country\n2024-03-01,SW-48P,40,NO\n2024-03-02,SW-48P,-1,NO\n2024-03-03,LT-14,2,Sweden\n"
        )
        let error = inputError { () throws(WorkspaceError) in
            _ = try t.workspace.imports.importActivity(kind: .sales, path: bad, displayName: "sales.csv", replacing: nil)
        }
        let messages = try #require(error).diagnostics.map(\.description)
        #expect(
            messages == [
                "sales.csv:3: column 'quantity': '-1' is negative; expected a number of units of zero or more",
                "sales.csv:4: column 'country': 'Sweden' is not a country code; expected ISO 3166 alpha-2, such as NO or SE",
            ]
        )
        #expect(try t.workspace.imports.list() == before && !before.contains { $0.kind == .sales })
        #expect(try t.workspace.imports.corporateData().downstream.sales == nil)
    }

    @Test func aBadReplacementLeavesTheFileInForce() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try importExample(t)
        let before = try t.workspace.imports.list()
        let current = try #require(before.first { $0.kind == .returns })
        #expect(current.rowCount == 3)
        let bad = try t.file("returns.csv", "date,product_type,owner,kg,reuse_pct,recycling_pct\n2024-01-05,laptop,own,100,28,71\n")
        let error = inputError { () throws(WorkspaceError) in
            _ = try t.workspace.imports.importActivity(kind: .returns, path: bad, displayName: "returns.csv", replacing: current.id)
        }
        #expect(
            error?.diagnostics.map(\.description) == [
                "returns.csv:2: column 'reuse_pct': the shares add up to 99.0% (reuse 28.0 + recycling 71.0); expected 100%: every kilogram has one outcome"
            ]
        )
        #expect(try t.workspace.imports.list() == before)
        // A second file of a kind needs --replace.
        let other = try t.file("returns.csv", "date,product_type,owner,kg,recycling_pct\n2024-01-05,laptop,own,100,100\n")
        #expect(throws: WorkspaceError.self) {
            try t.workspace.imports.importActivity(kind: .returns, path: other, displayName: "returns.csv", replacing: nil)
        }
        let replaced = try t.workspace.imports.importActivity(kind: .returns, path: other, displayName: "returns.csv", replacing: current.id)
        #expect(replaced.superseded == current.id && replaced.record.rowCount == 1)
        #expect(try t.workspace.imports.corporateData().downstream.returns?.map(\.kg) == [100])
    }

    @Test func theStoredFilesGiveTheFoldersCategories() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try importExample(t)
        let stored = try t.workspace.imports.corporateData()
        let folder = try CorporateData.read(directory: nordicIT)
        #expect(stored.downstream == folder.downstream)
        let period = try #require(ReportingPeriod(fiscalYear: 2024))
        let inventory = try stored.inventory(purchases: InventorySummary(), period: period)
        let rows = Dictionary(uniqueKeysWithValues: inventory.inventory.scope3Rows.map { ($0.category, $0.activityKg) })
        #expect(abs(rows[.useOfSoldProducts]! - 7_983.75) < 1e-9)
        #expect(abs(rows[.endOfLifeTreatmentOfSoldProducts]! - 63.3652146734) < 1e-9)
        #expect(abs(rows[.wasteGeneratedInOperations]! - 331.96691964) < 1e-9)
        #expect(abs(rows[.downstreamLeasedAssets]! - 203.3483) < 1e-9 && abs((inventory.avoided?.kg ?? 0) - 116_028) < 1e-9)
        #expect(inventory.downstream?.lines.first?.steps.first == "150 W × 8760 h per year / 1000 = 1314 kWh per year (product_use.csv:2)")
    }
}
