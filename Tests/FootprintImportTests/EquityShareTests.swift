import FootprintCore
import FootprintTestSupport
import Foundation
import Testing

@testable import FootprintImport

/// The equity-share approach: the example's activity with the Swedish entity held at 60%. Each site's
/// figures count by its entity's share; the ledger and travel files, which name no entity, are refused
/// rather than counted in full.
@Suite struct EquityShareTests {
    static let example = SharedFolder.packageRoot.appendingPathComponent("examples/nordic-it").path

    /// The example's activity files (no ledger, no travel) with `company.json` under equity share.
    func folder(shares: [String: Double], approach: String = "equity-share", withTravel: Bool = false) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("equity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var files = ["sites.csv", "fuel.csv", "refrigerants.csv", "energy.csv", "energy_instruments.csv", "grid_factors.csv"]
        if withTravel { files += ["travel.csv", "commuting_survey.csv", "workforce.csv"] }
        for file in files {
            try FileManager.default.copyItem(atPath: Self.example + "/" + file, toPath: dir.appendingPathComponent(file).path)
        }
        let entities = [("NO-FJELLVIND", "Fjellvind IT AS"), ("SE-FJELLVIND", "Fjellvind IT AB"), ("DK-FJELLVIND", "Fjellvind IT ApS")]
            .map { #"{"id": "\#($0.0)", "name": "\#($0.1)", "equity_share": \#(shares[$0.0] ?? 1)}"# }
        try #"{"company": "Fjellvind IT AS", "consolidation_approach": "\#(approach)", "entities": [\#(entities.joined(separator: ", "))]}"#
            .write(to: dir.appendingPathComponent("company.json"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func eachSiteCountsByItsEntitysShare() throws {
        let period = try #require(ReportingPeriod(fiscalYear: 2024))
        let control = try folder(shares: ["SE-FJELLVIND": 0.6], approach: "operational-control")
        let equity = try folder(shares: ["SE-FJELLVIND": 0.6])
        defer { for d in [control, equity] { try? FileManager.default.removeItem(at: d) } }
        let full = try #require(try CorporateData.read(directory: control.path).inventory(purchases: InventorySummary(), period: period).activity)
        let shared = try #require(try CorporateData.read(directory: equity.path).inventory(purchases: InventorySummary(), period: period).activity)
        // By hand: the Stockholm office (Fjellvind IT AB) at 60%, every other site in full.
        func expected(_ figure: KeyPath<ActivityLine, Double>) -> Double {
            full.lines.reduce(0) { $0 + $1[keyPath: figure] * ($1.site == "STO" ? 0.6 : 1) }
        }
        let stockholm = full.lines.filter { $0.site == "STO" }.reduce(0) { $0 + $1.scope2LocationKg }
        #expect(stockholm > 0)
        for figure in [\ActivityLine.scope1Kg, \.scope2LocationKg, \.scope2MarketKg, \.category3Kg] {
            let got = shared.lines.reduce(0) { $0 + $1[keyPath: figure] }
            #expect(abs(got - expected(figure)) <= 1e-9 * max(1, got))
        }
        #expect(shared.lines.filter { $0.site == "STO" }.allSatisfy { $0.equityShare == 0.6 })
        #expect(shared.lines.filter { $0.site != "STO" }.allSatisfy { $0.equityShare == 1 })
    }

    @Test func ledgerAndTravelWithoutAnEntityAreRefused() throws {
        let period = try #require(ReportingPeriod(fiscalYear: 2024))
        let dir = try folder(shares: ["SE-FJELLVIND": 0.6], withTravel: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            try CorporateData.read(directory: dir.path).inventory(purchases: InventorySummary(), period: period)
        } throws: { error in
            "\(error)".contains(
                "entity 'SE-FJELLVIND' is held at 60.0%; the purchase ledger's lines and the travel, commuting, sales and returns files carry no legal entity"
            )
        }
        // Entities held in full: the equity share changes nothing, and travel is computed.
        let whole = try folder(shares: [:], withTravel: true)
        defer { try? FileManager.default.removeItem(at: whole) }
        let result = try CorporateData.read(directory: whole.path).inventory(purchases: InventorySummary(), period: period)
        #expect(result.travel != nil)
    }

    @Test func aSiteOfAnUnknownEntityIsRefused() throws {
        let period = try #require(ReportingPeriod(fiscalYear: 2024))
        let dir = try folder(shares: ["SE-FJELLVIND": 0.6])
        defer { try? FileManager.default.removeItem(at: dir) }
        let sites = dir.appendingPathComponent("sites.csv")
        let text = try String(contentsOf: sites, encoding: .utf8).replacingOccurrences(of: "Fjellvind IT ApS", with: "Fjellvind Holding ApS")
        try text.write(to: sites, atomically: true, encoding: .utf8)
        #expect {
            try CorporateData.read(directory: dir.path).inventory(purchases: InventorySummary(), period: period)
        } throws: { error in
            "\(error)".contains("sites.csv:6: site 'CPH' belongs to legal entity 'Fjellvind Holding ApS', which is not among company.json's entities")
        }
    }
}
