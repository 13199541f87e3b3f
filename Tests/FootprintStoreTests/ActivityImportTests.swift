import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// `footprint import company|sites|fuel|refrigerants|energy|energy-instruments|grid-factors`: whole
/// or not at all, checked with the other activity files in force, one of each kind in force.
@Suite struct ActivityImportTests {
    static let kinds: [(ImportKind, String)] = [
        (.company, "company.json"), (.sites, "sites.csv"), (.fuel, "fuel.csv"), (.refrigerants, "refrigerants.csv"),
        (.energy, "energy.csv"), (.energyInstruments, "energy_instruments.csv"), (.gridFactors, "grid_factors.csv"),
        (.travel, "travel.csv"), (.commutingSurvey, "commuting_survey.csv"), (.workforce, "workforce.csv"),
        (.sales, "sales.csv"), (.productUse, "product_use.csv"), (.endOfLife, "end_of_life.csv"), (.returns, "returns.csv"),
        (.leasedEquipment, "leased_equipment.csv"), (.avoidedEmissions, "avoided_emissions.csv"),
    ]

    func importExample(_ t: TemporaryWorkspace) throws {
        for (kind, file) in Self.kinds {
            _ = try t.workspace.imports.importActivity(kind: kind, path: nordicIT + "/" + file, displayName: file, replacing: nil)
        }
    }

    @Test func theExampleReadsAsTheFolderDoes() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try importExample(t)
        let stored = try t.workspace.imports.corporateData()
        let folder = try CorporateData.read(directory: nordicIT)
        #expect(stored.boundary == folder.boundary)
        #expect(stored.activity == folder.activity)
        #expect(stored.travel == folder.travel)
        #expect(stored.downstream == folder.downstream && stored.downstream.sales?.count == 5)
        let period = try #require(ReportingPeriod(fiscalYear: 2024))
        let a = try stored.inventory(purchases: InventorySummary(), period: period).inventory
        let b = try folder.inventory(purchases: InventorySummary(), period: period).inventory
        #expect(a.activity == b.activity && a.activity != nil)
        // The boundary names the sites, the Bergen lab outside it.
        #expect(a.boundary.sites.map(\.id) == ["OSL-HQ", "OSL-COLO", "STO", "BGO-LAB", "CPH"])
        #expect(a.text().contains("; outside the boundary: Bergen lab (run by a partner)"))
        #expect(a.otherScope3Kg == b.otherScope3Kg && a.otherScope3Kg[.employeeCommuting] != nil)
        #expect(a.otherScope3Kg[.useOfSoldProducts] != nil && a.otherScope3Kg[.wasteGeneratedInOperations] != nil)
        #expect(a.otherScope3Kg[.downstreamLeasedAssets] != nil && stored.downstream.avoided?.count == 2)
    }

    @Test func aBadFileLeavesNothingAndSaysWhere() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try importExample(t)
        let before = try t.workspace.imports.list().count
        let bad = try t.file("energy.csv", "site,month,carrier,kwh\nOSL-HQ,2024-13,electricity,5\nXX,2024-01,steam,1\n")
        let current = try #require(try t.workspace.imports.list().first { $0.kind == .energy })
        #expect {
            try t.workspace.imports.importActivity(kind: .energy, path: bad, displayName: "energy.csv", replacing: current.id)
        } throws: { error in
            let text = "\(error)"
            return text.contains("energy.csv:2: column 'month': '2024-13' is not a month")
                && text.contains("energy.csv:3: column 'site': unknown site 'XX'") && text.contains("energy.csv:3: column 'carrier'")
        }
        #expect(try t.workspace.imports.list().count == before)
        #expect(try t.workspace.imports.list().first { $0.kind == .energy }?.status == .active)
    }

    @Test func aSecondFileOfAKindNeedsReplace() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try importExample(t)
        let other = try t.file("refrigerants2.csv", "date,site,gas,kg\n2024-05-02,OSL-HQ,R-32,1.5\n")
        #expect {
            try t.workspace.imports.importActivity(kind: .refrigerants, path: other, displayName: "refrigerants2.csv", replacing: nil)
        } throws: { error in "\(error)".contains("to replace it, import with --replace") }
        let current = try #require(try t.workspace.imports.list().first { $0.kind == .refrigerants && $0.status == .active })
        let outcome = try t.workspace.imports.importActivity(
            kind: .refrigerants,
            path: other,
            displayName: "refrigerants2.csv",
            replacing: current.id
        )
        #expect(outcome.superseded == current.id)
        #expect(try t.workspace.imports.corporateData().activity.refrigerants.count == 1)
        // A refrigerant without a GWP is refused at import, with its line.
        let unknown = try t.file("refrigerants3.csv", "date,site,gas,kg\n2024-05-02,OSL-HQ,R-999,1.5\n")
        #expect {
            try t.workspace.imports.importActivity(kind: .refrigerants, path: unknown, displayName: "refrigerants3.csv", replacing: outcome.record.id)
        } throws: { error in "\(error)".contains("refrigerants3.csv:2: column 'gas'") }
    }
}
