import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// A fresh workspace file in its own temporary folder, removed by `cleanUp()`, or at the latest when the
/// last reference goes (tests that make one in a helper function need not remember it).
final class TemporaryWorkspace: Sendable {
    let folder: String
    let path: String
    let workspace: Workspace

    init() throws {
        folder = NSTemporaryDirectory() + "footprint-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/footprint.sqlite"
        workspace = try Workspace.create(path: path).0
    }

    /// Writes `text` to a file in the folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let p = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: folder) }

    deinit { cleanUp() }
}

/// The package root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The folder of the nordic-it example.
let nordicIT = packageRoot + "/examples/nordic-it"

/// The canonical file of each kind, as the example and genledger.py name them.
let canonicalFiles: [(ImportKind, String)] = [
    (.suppliers, "suppliers.csv"), (.factors, "factors.csv"), (.rates, "rates.csv"), (.priceIndex, "price_index.csv"),
    (.supplierEmissions, "supplier_emissions.csv"), (.supplierAllocations, "supplier_allocations.csv"),
    (.productFootprints, "product_footprints.csv"),
    (.manufacturers, "manufacturers.csv"), (.purchases, "purchases.csv"),
]

/// The files of ../shared the store tests read (see `SharedFolder`).
extension SharedFolder {
    static let epa13 = "data/SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv"
    static let sbtiSample = "samples/sbti-companies-sample.xlsx"
    static let pactV3Example = "pact/example-footprint-v3.json"
    static let genledger = "bench/genledger.py"
}

extension Workspace {
    /// Rows in a table (or view), read straight from SQLite.
    func count(_ table: String, where condition: String = "1") throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(condition)") ?? 0 }
    }

    /// Row counts of every table an import or a run writes.
    func tableCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["import", "purchase", "purchase_pack", "term", "factor_library", "factor", "run", "run_result", "setting"] {
            counts[table] = try count(table)
        }
        return counts
    }

    /// One row of the `purchase_line` view, by purchase id, as text.
    func purchaseLine(id: String) throws -> [String: String] {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM purchase_line WHERE id = ?", arguments: [id]) else { return [:] }
            var out: [String: String] = [:]
            for column in row.columnNames {
                let value: DatabaseValue = row[column]
                switch value.storage {
                case .null: break
                case .int64(let i): out[column] = String(i)
                case .double(let d): out[column] = String(d)
                case .string(let s): out[column] = s
                case .blob: out[column] = "<blob>"
                }
            }
            return out
        }
    }

    /// Imports every canonical file of a folder that exists (as `footprint import KIND FILE` does).
    @discardableResult
    func importFolder(_ folder: String) throws -> [ImportKind: ImportOutcome] {
        var outcomes: [ImportKind: ImportOutcome] = [:]
        for (kind, name) in canonicalFiles {
            let path = folder + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { continue }
            outcomes[kind] = try importFile(kind, path)
        }
        return outcomes
    }

    /// Imports one file of `kind` as the CLI does.
    func importFile(_ kind: ImportKind, _ path: String, replacing: Int64? = nil) throws(WorkspaceError) -> ImportOutcome {
        let name = (path as NSString).lastPathComponent
        if kind == .purchases { return try imports.importPurchases(path: path, displayName: name, replacing: replacing, mapping: nil) }
        return try imports.importReference(kind: kind, path: path, displayName: name, replacing: replacing)
    }
}

/// SHA-256 of a file by the system's `sha256sum`, independent of the product's own hashing.
func systemSHA256(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: data, as: UTF8.self).prefix(64))
}

/// The input error a workspace call threw, or nil (and a recorded issue) when it threw something else or nothing.
func inputError(_ body: () throws(WorkspaceError) -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> InputError? {
    do {
        try body()
        Issue.record("expected an input error, but the call succeeded", sourceLocation: sourceLocation)
    } catch {
        if case .input(let e) = error { return e }
        Issue.record("expected an input error, got: \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Relative closeness for emissions: 1e-12 of the larger value, plus the aggregate's documented
/// rounding of each line to 10^-9 kg (`lines` x 0.5e-9 kg).
func close(_ a: Double, _ b: Double, lines: Int = 0) -> Bool {
    abs(a - b) <= 1e-12 * max(abs(a), abs(b)) + Double(lines) * 0.5e-9
}

extension Workspace {
    /// The suppliers' answers the quick start records (scripts/quickstart.sh): Skarv's (SUP-0004) typical
    /// power (120 W) and lifetime (6 years) of the SW-48P, and Nordlys's (SUP-0001) take-back programme
    /// shares (28% reused, 71.928% recycled, 0.072% residual), which the example's returns.csv row 5
    /// names. The register must hold both suppliers.
    func recordExampleAnswers() throws {
        let energy = try suppliers.addEngagementRequest(
            supplier: "SUP-0004",
            kind: .energy,
            ask: "2024 electricity, and the SW-48P's typical power in use and lifetime",
            dueOn: "2025-02-28",
            product: "SW-48P",
            requestedOn: "2025-01-06"
        )
        _ = try suppliers.answerEngagementRequest(
            id: energy.id,
            answer: .energy(
                EnergyAnswer(
                    year: 2024,
                    electricityKWh: "1850000",
                    renewablePercent: "72",
                    otherEnergyKWh: "0",
                    product: "SW-48P",
                    typicalPowerW: "120",
                    lifetimeYears: "6"
                )
            ),
            on: "2025-01-20"
        )
        let takeBack = try suppliers.addEngagementRequest(
            supplier: "SUP-0001",
            kind: .takeBack,
            ask: "2024 take-back programme: returns and their outcomes",
            dueOn: "2025-02-28",
            requestedOn: "2025-01-06"
        )
        _ = try suppliers.answerEngagementRequest(
            id: takeBack.id,
            answer: .takeBack(
                TakeBackAnswer(
                    year: 2024,
                    unitsReturned: "1200",
                    kgReturned: "5400",
                    reusedPercent: "28",
                    recycledPercent: "71.928",
                    residualPercent: "0.072"
                )
            ),
            on: "2025-01-24"
        )
    }
}
