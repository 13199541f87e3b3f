import FootprintTestSupport
import Foundation
import Testing

/// The built `footprint` agrees with the independent DuckDB implementation of the method
/// hierarchy (../shared/bench/reference_duckdb.py) on a generated ledger.
@Suite struct ReferenceAgreementTests {
    @Test(
        .enabled(
            if: SharedFolder.isAvailable("bench/genledger.py") && SharedFolder.isAvailable("bench/reference_duckdb.py"),
            "../shared/bench with genledger.py and reference_duckdb.py is absent"
        ),
        arguments: [(lines: 30_000, seed: 3), (lines: 5_000, seed: 11)]
    )
    func agreesWithDuckDBReference(lines: Int, seed: Int) throws {
        let genledger = try SharedFolder.file("bench/genledger.py")
        let referenceScript = try SharedFolder.file("bench/reference_duckdb.py")
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gen = try CLIHarness.python([genledger.path, dir.path, "--lines", String(lines), "--seed", String(seed)])
        try #require(gen.status == 0, "genledger.py failed: \(gen.stderr)")

        let ours = try CLIHarness.footprint("calculate", "--data", dir.path, "--json")
        try #require(ours.status == 0, "footprint failed: \(ours.stderr)")
        let reference = try CLIHarness.python([referenceScript.path, dir.path, "--threads", "2"])
        try #require(reference.status == 0, "reference_duckdb.py failed (is duckdb installed? pip install duckdb): \(reference.stderr)")

        let a = try CLIHarness.json(ours.stdout)
        let b = try CLIHarness.json(reference.stdout)
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1e-300) }

        let total = try #require(a["total_kgco2e"] as? Double)
        let referenceTotal = try #require(b["total_kg"] as? Double)
        #expect(close(total, referenceTotal), "total \(total) vs \(referenceTotal)")

        let byMethod = try #require(a["by_method"] as? [String: Double])
        let referenceByMethod = try #require(b["by_method"] as? [String: Double])
        for (method, kg) in referenceByMethod where method != "unmapped" {
            #expect(close(byMethod[method] ?? .nan, kg), "\(method): \(byMethod[method] ?? .nan) vs \(kg)")
        }
        let counts = try #require(a["lines_by_method"] as? [String: Int])
        let referenceCounts = try #require(b["lines_by_method"] as? [String: Int])
        for method in Set(counts.keys).union(referenceCounts.keys) {
            #expect((counts[method] ?? 0) == (referenceCounts[method] ?? 0), "lines of \(method)")
        }
        let byCategory = try #require(a["by_category"] as? [String: Double])
        let referenceByCategory = try #require(b["by_category"] as? [String: Double])
        #expect(Set(byCategory.keys) == Set(referenceByCategory.keys))
        for (category, kg) in referenceByCategory {
            #expect(close(byCategory[category] ?? .nan, kg), "category \(category)")
        }
        #expect(counts.values.reduce(0, +) == lines)
    }
}
