import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// A workspace run gives the inventory `footprint calculate --data DIR` gives for the same files.
@Suite struct StatelessAgreementTests {
    /// The stateless path, as Sources/footprint/Calculate.swift runs it.
    static func stateless(_ folder: String) throws -> InventorySummary {
        let reference = try ReferenceDataReader.read(directory: folder)
        let scanner = LedgerScanner(engine: InventoryEngine(reference: reference), options: .init(threads: 2))
        return try scanner.scan(path: folder + "/purchases.csv", displayName: "purchases.csv")
    }

    static func expectAgreement(_ folder: String) throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try t.workspace.importFolder(folder)
        let run = try t.workspace.runs.calculate(CalculationOptions(full: true, threads: 2))
        #expect(run.kind == .full)
        let ours = run.summary
        let theirs = try stateless(folder)
        let lines = theirs.lines

        #expect(run.lineCount == lines)
        #expect(ours.lines == lines)
        #expect(ours.linesByMethod == theirs.linesByMethod)
        // Unmapped lines: the same reasons, line counts and spend (exact decimals).
        #expect(Set(ours.unmapped.keys) == Set(theirs.unmapped.keys))
        for (reason, tally) in theirs.unmapped {
            #expect(ours.unmapped[reason]?.lines == tally.lines, "\(reason)")
            #expect(ours.unmapped[reason]?.spend == tally.spend, "\(reason)")
        }
        #expect(ours.unmappedSpend == theirs.unmappedSpend)
        #expect(ours.spendByMethod == theirs.spendByMethod)
        // Emissions: the run keeps whole nano-kilograms per line, so within 1e-12 relative plus that rounding.
        #expect(close(ours.totalKg, theirs.totalKg, lines: lines), "total \(ours.totalKg) vs \(theirs.totalKg)")
        func compare(_ name: String, _ a: [String: CompensatedSum], _ b: [String: CompensatedSum]) {
            #expect(Set(a.keys) == Set(b.keys), "\(name) keys differ: \(Set(a.keys).symmetricDifference(b.keys).sorted().prefix(10))")
            for (key, sum) in b {
                let mine = a[key]?.value ?? .nan
                #expect(close(mine, sum.value, lines: lines), "\(name) \(key): \(mine) vs \(sum.value)")
            }
        }
        compare(
            "by_method",
            Dictionary(uniqueKeysWithValues: ours.kgByMethod.map { ($0.key.name, $0.value) }),
            Dictionary(uniqueKeysWithValues: theirs.kgByMethod.map { ($0.key.name, $0.value) })
        )
        compare("by_category", ours.kgByCategory, theirs.kgByCategory)
        compare("by_supplier", ours.kgBySupplier, theirs.kgBySupplier)
        compare("by_customer", ours.kgByCustomer, theirs.kgByCustomer)
        // The JSON documents carry the same keys.
        let a = ours.json().rendered()
        let b = theirs.json().rendered()
        let keysA = try #require(try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any]).keys
        let keysB = try #require(try JSONSerialization.jsonObject(with: Data(b.utf8)) as? [String: Any]).keys
        #expect(Set(keysA) == Set(keysB))
    }

    @Test func nordicITExample() throws {
        try Self.expectAgreement(nordicIT)
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.genledger), "../shared/bench/genledger.py is absent"))
    func generatedLedger() throws {
        let genledger = try SharedFolder.file(SharedFolder.genledger).path
        let folder = NSTemporaryDirectory() + "footprint-gen-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", genledger, folder, "--lines", "50000", "--seed", "7"]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "genledger.py failed")
        try Self.expectAgreement(folder)
    }
}
