import FootprintCore
import FootprintImport
import Foundation
import Testing

@testable import FootprintStore

/// Suppliers' answers feeding a run's sold-products figures in a workspace: the example with the quick
/// start's two answers, worked out by hand; a run keeps the answers it read, and a new answer makes the
/// next calculation a new run.
@Suite struct DownstreamAnswersStoreTests {
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    func example() throws -> TemporaryWorkspace {
        let t = try TemporaryWorkspace()
        try t.workspace.importFolder(nordicIT)
        for (kind, file) in DownstreamImportTests.kinds + [(.gridFactors, "grid_factors.csv")] {
            _ = try t.workspace.imports.importActivity(kind: kind, path: nordicIT + "/" + file, displayName: file, replacing: nil)
        }
        return t
    }

    /// Category 11: SW-48P takes Skarv's 120 W × the network-equipment default's 8,760 h = 1,051.2 kWh a
    /// year and its 6 years (product_use.csv's SW-48P row gives neither): 40 in NO 252,288 kWh × 0.015 =
    /// 3,784.32, 25 in SE 157,680 kWh × 0.007 = 1,103.76; laptops as before (NO 900, DK 1,992): 7,780.08.
    /// Category 12: returns.csv row 5, 400 kg of laptops customers returned, takes SUP-0001's shares:
    /// 287.712 kg recycled × 6.41061 per tonne = 1.84440942432, 0.288 kg residual as landfill × 8.88386 =
    /// 0.00255855168, 0.4 t × 520 km × 0.09752 = 20.28416; with the folder's 63.3652146734: 85.4963426494.
    @Test func theExampleWithTheQuickStartsAnswers() throws {
        let t = try example()
        defer { t.cleanUp() }
        #expect(throws: WorkspaceError.self) {
            _ = try t.workspace.runs.corporateInventory(try t.workspace.runs.calculate(.init(period: .fiscalYear(2024))))
        }
        try t.workspace.recordExampleAnswers()
        let run = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        #expect(!run.upToDate && run.inputs.supplierAnswers.count == 2)
        let corporate = try t.workspace.runs.corporateInventory(run)
        let d = try #require(corporate.downstream)
        #expect(Self.close(d.kgByCategory[.useOfSoldProducts]!, 7_780.08))
        #expect(Self.close(d.kgByCategory[.endOfLifeTreatmentOfSoldProducts]!, 85.4963426494))
        #expect(Self.close(d.kgByCategory[.wasteGeneratedInOperations]!, 331.96691964))
        let sale = try #require(d.lines.first { $0.location.line == 3 && $0.part == .use })
        #expect(
            sale.steps == [
                "120 W typical power (SUP-0004's answer to request #1, received 2025-01-20, for 2024) × 8760 h per year (product_use.csv:2) / 1000 = 1051.2 kWh per year",
                "× 6 years of use (SUP-0004's answer to request #1, received 2025-01-20, for 2024) × 40 units = 252288.00000000003 kWh over the products' life",
                "× 0.015 kg CO2e/kWh (grid NO 2023 location, country of use NO, year of sale 2024) = 3784.32 kg CO2e",
            ]
        )
        let sold = try #require(d.takeBack).sold
        #expect(sold.returnedKg == 1_360 && Self.close(sold.kg(.reuse), 268.8 + 112))
        #expect(d.exclusions.isEmpty && d.warnings.isEmpty)
        // Nothing changed: the same run.
        #expect(try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024))).upToDate)
    }

    /// A corrected answer recorded later changes the next run, not the stored one.
    @Test func aLaterAnswerMakesANewRunAndLeavesTheOldOne() throws {
        let t = try example()
        defer { t.cleanUp() }
        try t.workspace.recordExampleAnswers()
        let first = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        let request = try t.workspace.suppliers.addEngagementRequest(
            supplier: "SUP-0001",
            kind: .takeBack,
            ask: "corrected 2024 shares",
            dueOn: "2025-03-31",
            requestedOn: "2025-02-01"
        )
        _ = try t.workspace.suppliers.answerEngagementRequest(
            id: request.id,
            answer: .takeBack(TakeBackAnswer(year: 2024, kgReturned: "5400", reusedPercent: "30", recycledPercent: "69.93", residualPercent: "0.07")),
            on: "2025-02-10"
        )
        let second = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        #expect(!second.upToDate && second.id != first.id && second.inputs.supplierAnswers.count == 3)
        #expect(
            RunInputsDiff(before: first.inputs, after: second.inputs).sentences == [
                "1 new answer of suppliers to data requests, read by the sold-products figures (engagement requests list shows them)"
            ]
        )
        let before = try #require(try t.workspace.runs.corporateInventory(try t.workspace.runs.run(id: first.id)).downstream)
        let after = try #require(try t.workspace.runs.corporateInventory(second).downstream)
        #expect(Self.close(before.kgByCategory[.endOfLifeTreatmentOfSoldProducts]!, 85.4963426494))
        // 400 kg: 0.27972 t recycled × 6.41061 + 0.00028 t landfilled × 8.88386 + 20.28416 transport.
        let row5 = 0.27972 * 6.41061 + 0.00028 * 8.88386 + 20.28416
        #expect(Self.close(after.kgByCategory[.endOfLifeTreatmentOfSoldProducts]!, 63.3652146734 + row5))
        #expect(after.lines.contains { $0.inputSource == "take-back answer: SUP-0001's answer to request #3, received 2025-02-10, for 2024" })
    }

    /// Shares that do not add up to 100 (the answer format allows up to 100.5 for rounding): the run's
    /// corporate inventory is an error naming the row and the answer.
    @Test func anAnswersSharesNotAddingUpAreAnError() throws {
        let t = try example()
        defer { t.cleanUp() }
        let request = try t.workspace.suppliers.addEngagementRequest(
            supplier: "SUP-0001",
            kind: .takeBack,
            ask: "2024 shares",
            dueOn: "2025-03-31",
            requestedOn: "2025-02-01"
        )
        _ = try t.workspace.suppliers.answerEngagementRequest(
            id: request.id,
            answer: .takeBack(TakeBackAnswer(year: 2024, kgReturned: "5400", reusedPercent: "28", recycledPercent: "72.3")),
            on: "2025-02-10"
        )
        let run = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        #expect {
            _ = try t.workspace.runs.corporateInventory(run)
        } throws: { error in
            "\(error)".contains(
                "returns.csv:5: the take-back shares of SUP-0001's answer to request #1, received 2025-02-10, for 2024 add up to 100.3%"
            )
        }
    }
}
