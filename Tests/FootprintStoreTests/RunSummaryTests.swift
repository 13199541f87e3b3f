import FootprintCore
import Foundation
import Testing

@testable import FootprintStore

/// `RunStore.summaries`: the runs as `list` names them (id, time, period, lines), read from the
/// run's columns without decoding its inventory.
@Suite("Run summaries")
struct RunSummaryTests {
    @Test func summariesNameTheRunsAsTheListDoes() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try RunLinesTests.importExample(t.workspace)
        _ = try t.workspace.runs.calculate(CalculationOptions(full: true, period: .fiscalYear(2023)))
        _ = try t.workspace.runs.calculate(CalculationOptions(full: true, period: .all))
        _ = try t.workspace.runs.calculate(CalculationOptions(full: true, period: .fiscalYear(2024)))
        let runs = try t.workspace.runs.list()
        #expect(runs.count == 3)
        #expect(runs.map(\.period).contains(nil) && runs.compactMap(\.period).count == 2)
        let summaries = try t.workspace.runs.summaries()
        #expect(summaries == runs.map { RunSummary(id: $0.id, createdAt: $0.createdAt, period: $0.period, lineCount: $0.lineCount) })
    }
}
