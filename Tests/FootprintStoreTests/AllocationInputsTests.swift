import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

@testable import FootprintStore

/// `RunStore.allocationInputs` reads a run's purchase lines from the results the run stored, grouped
/// by what the pools select: the same figures, to the nano-kg per component, as reading every line
/// through `runLines` (each evaluated again and checked).
@Suite struct AllocationInputsTests {
    /// Every field of two inputs, equal.
    static func expectSame(_ fast: AllocationInputs, _ verified: AllocationInputs) {
        #expect(fast.purchaseLines == verified.purchaseLines)
        #expect(fast.unmappedLines == verified.unmappedLines)
        #expect(fast.inventory == verified.inventory)
        #expect(fast.pools == verified.pools)
        #expect(fast.poolSources == verified.poolSources)
        #expect(fast.direct == verified.direct)
        #expect(fast.unpooled == verified.unpooled)
        #expect(fast.overlaps.mapValues { [Int128($0.lines), $0.nanoKg] } == verified.overlaps.mapValues { [Int128($0.lines), $0.nanoKg] })
    }

    /// The example company: ledger, ERP ledgers (customer ids the register does not know), corporate
    /// and customer files; 2024 calculated.
    @Test func theExampleReadsAsEveryLineVerified() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        for (kind, file) in canonicalFiles { _ = try t.workspace.importFile(kind, nordicIT + "/" + file) }
        let erp = packageRoot + "/examples/erp/nordic"
        for name in ["hovedbok_2024.csv", "hovedbok_2024_ovrige.csv", "hovedbok_2024_varekjop.csv"] {
            _ = try t.workspace.imports.importPurchases(path: erp + "/" + name, mapping: erp + "/mapping.json", replacing: nil)
        }
        try t.workspace.recordExampleAnswers()
        for (kind, file) in ActivityImportTests.kinds {
            _ = try t.workspace.imports.importActivity(kind: kind, path: nordicIT + "/" + file, displayName: file, replacing: nil)
        }
        let customerFiles: [(ImportKind, String)] = [
            (.customers, "customers.csv"), (.services, "services.csv"), (.servicePools, "service_pools.csv"), (.serviceUsage, "service_usage.csv"),
        ]
        for (kind, file) in customerFiles {
            _ = try t.workspace.customers.importFile(kind: kind, path: nordicIT + "/" + file, displayName: file, replacing: nil)
        }
        let run = try t.workspace.runs.calculate(CalculationOptions(full: true, period: .fiscalYear(2024)))
        let pools = try t.workspace.customers.customerData().pools
        let matcher: (PoolCandidate) -> [Int] = { c in
            pools.indices.filter {
                pools[$0].matches(
                    scope: c.scope,
                    scope3Category: c.scope3Category == 0 ? nil : c.scope3Category,
                    supplier: c.supplier,
                    category: c.category,
                    site: c.site
                )
            }
        }
        for basis in Scope2Basis.allCases {
            let fast = try t.workspace.runs.allocationInputs(run: run, scope2Basis: basis, matcher: matcher)
            let verified = try t.workspace.runs.allocationInputs(run: run, scope2Basis: basis, verifyingLines: true, matcher: matcher)
            Self.expectSame(fast, verified)
            // Not a vacuous agreement: pools, customers' own purchases and lines left in no pool.
            #expect(fast.pools.count >= 5 && !fast.direct.isEmpty && !fast.unpooled.isEmpty && fast.purchaseLines > 100)
        }
        // The allocation made from either: the same shares, customer by customer.
        let a = try t.workspace.customers.allocate(runID: run.id, scope2Basis: .market)
        let b = try t.workspace.customers.allocate(runID: run.id, scope2Basis: .market, verifyingLines: true)
        #expect(a.allocation.customerIDs == b.allocation.customerIDs && !a.allocation.customerIDs.isEmpty)
        #expect(a.allocation.allocatedSums == b.allocation.allocatedSums)
        #expect(a.allocation.totalNanoKg == a.inputs.inventory.totalNanoKg)
    }

    /// A generated ledger (credit notes, 30% of its lines for customers), calculated for 2024 and then
    /// again incrementally after a supplier's first disclosure (a chain of runs: the second stores only
    /// the packs that changed); pools that overlap, so that lines matched twice are counted alike.
    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.genledger), "../shared/bench/genledger.py is absent"))
    func aGeneratedLedgerAndAnIncrementalRunReadAsEveryLineVerified() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let genledger = try SharedFolder.file(SharedFolder.genledger).path
        let data = t.folder + "/ledger"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", genledger, data, "--lines", "20000", "--seed", "15", "--suppliers", "300"]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "genledger.py failed")
        for (kind, file) in canonicalFiles where FileManager.default.fileExists(atPath: data + "/" + file) {
            _ = try t.workspace.importFile(kind, data + "/" + file)
        }
        let first = try t.workspace.runs.calculate(CalculationOptions(full: true, period: .fiscalYear(2024)))
        // S00001, the second largest supplier (spend-based so far), publishes its emissions: its lines are computed again.
        let disclosure = try t.file(
            "supplier_emissions_s00001.csv",
            "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nS00001,2024,1200.5,800.25,15000,2500000000,USD\n"
        )
        _ = try t.workspace.importFile(.supplierEmissions, disclosure)
        let second = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        #expect(second.kind == .incremental)
        #expect(try t.workspace.runs.runChain(second.id).count == 2)
        // Suppliers S00000, S00003, ... in pools 0-6; categories ending in 0 or 5 in pool 9, also when
        // their supplier is in a pool (an overlap).
        let matcher: (PoolCandidate) -> [Int] = { c in
            var pools: [Int] = []
            if let s = c.supplier, let n = Int(s.dropFirst()), n % 3 == 0 { pools.append(n % 7) }
            if let category = c.category, let n = Int(category), n % 5 == 0 { pools.append(9) }
            return pools
        }
        // Then a value-only change of that disclosure: its lines keep their method and are refigured (the
        // run stores no results for them; its inventory, pool sources included, is the parent's plus the change).
        let previous = try t.workspace.imports.list().last { $0.kind == .supplierEmissions }!.id
        let revised = try t.file(
            "supplier_emissions_s00001_revised.csv",
            "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nS00001,2024,1300.5,900.25,16000,2500000000,USD\n"
        )
        _ = try t.workspace.importFile(.supplierEmissions, revised, replacing: previous)
        let third = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        let storedResults = try t.workspace.count("run_result", where: "run_id = \(third.id)")
        #expect(third.kind == .incremental && third.recomputedLines > 0 && storedResults == 0, "refigured, not computed again")
        let full = try t.workspace.runs.calculate(CalculationOptions(full: true, period: .fiscalYear(2024)))
        #expect(third.aggregate.poolSources == full.aggregate.poolSources && !full.aggregate.poolSources.isEmpty)
        /// A run's purchase groups as a comparable value.
        func comparable(_ groups: RunStore.PurchaseGroups) -> [PurchaseLineGroup: [Int128]] {
            groups.groups.mapValues { [Int128($0.lines), $0.nanoKg] }.merging([:]) { a, _ in a }
        }
        for run in [first, second, third] {
            // The sums the inventory keeps and the packs' stored results, read line by line: the same groups.
            let summed = try #require(try t.workspace.runs.purchaseGroupsFromInventory(run))
            let read = try t.workspace.runs.purchaseGroups(run)
            #expect(comparable(summed) == comparable(read) && summed.lines == read.lines && summed.unmapped == read.unmapped)
            let fast = try t.workspace.runs.allocationInputs(run: run, scope2Basis: .market, matcher: matcher)
            let verified = try t.workspace.runs.allocationInputs(run: run, scope2Basis: .market, verifyingLines: true, matcher: matcher)
            Self.expectSame(fast, verified)
            #expect(!fast.overlaps.isEmpty && fast.direct.count > 100 && fast.pools.count == 8 && !fast.unpooled.isEmpty)
            // Credit notes in the run: some purchase line's kg is negative.
            var negative = 0
            _ = try t.workspace.runs.runLines(id: run.id) { if $0.kg < 0 { negative += 1 } }
            #expect(negative > 0)
        }
        // The disclosure changed the figures: the two runs' inputs differ, each agreeing with its own lines.
        let a = try t.workspace.runs.allocationInputs(run: first, scope2Basis: .market, matcher: matcher)
        let b = try t.workspace.runs.allocationInputs(run: second, scope2Basis: .market, matcher: matcher)
        #expect(a.inventory != b.inventory)
    }
}
