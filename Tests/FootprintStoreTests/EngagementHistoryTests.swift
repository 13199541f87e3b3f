import FootprintCore
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// KPIs kept per run, the engagement target, and data requests, on a hand-computed workspace.
@Suite struct EngagementHistoryTests {
    /// Suppliers A, B, C; spend-based factors IT 0.5 and HW 2 kg per USD; XX has no factor (unmapped).
    static func workspace() throws -> TemporaryWorkspace {
        let t = try TemporaryWorkspace()
        let ws = t.workspace
        _ = try ws.importFile(.suppliers, t.file("suppliers.csv", "id,name,country,strategic\nA,Alfa AS,NO,yes\nB,Beta AB,SE,no\nC,Ceta Oy,FI,no\n"))
        _ = try ws.importFile(
            .factors,
            t.file(
                "factors.csv",
                "category,name,kgco2e_per_unit,unit,price_year,source\nIT,IT services,0.5,USD,2024,test\nHW,Hardware,2,USD,2024,test\n"
            )
        )
        _ = try ws.importFile(.rates, t.file("rates.csv", "currency,year,per_usd\nUSD,2024,1\nUSD,2025,1\n"))
        _ = try ws.importFile(.priceIndex, t.file("price_index.csv", "year,index\n2024,100\n2025,100\n"))
        // A: cat 1 500 kg, cat 2 4000 kg, cat 6 200 kg, a cat 1 credit note -100 kg; B: cat 1 1500 kg and an unmapped
        // cat 1 line (700 USD); C: cat 2 1000 kg and an unmapped cat 1 line (300 USD).
        _ = try ws.importFile(
            .purchases,
            t.file(
                "purchases.csv",
                """
                id,date,supplier,category,amount,currency,scope3_category
                P1,2024-01-10,A,IT,1000,USD,1
                P2,2024-02-10,A,HW,2000,USD,2
                P3,2024-03-10,A,IT,400,USD,6
                P4,2024-03-11,A,IT,-200,USD,1
                P5,2024-04-10,B,IT,3000,USD,1
                P6,2024-04-11,B,XX,700,USD,1
                P7,2024-05-10,C,HW,500,USD,2
                P8,2024-05-11,C,XX,300,USD,1

                """
            )
        )
        return t
    }

    static let nano: Int128 = 1_000_000_000
    static let usd = CurrencyCode("USD")!

    @Test func kpisAreKeptPerRunWithTheFactsOfTheirTime() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        _ = try ws.suppliers.importSupplierStatus(
            path: t.file(
                "status1.csv",
                "supplier,fact,value,source,checked_on\nA,sbti,targets set,test,2025-01-01\nC,sbti,targets set,test,2025-01-01\nB,sbti,committed,test,2025-01-01\n"
            ),
            displayName: "status1.csv"
        )
        let run1 = try ws.runs.calculate(CalculationOptions())
        #expect(try ws.count("engagement_kpi") == 1, "calculate stores the run's KPIs")
        let s1 = try ws.suppliers.kpiSnapshot(run: run1)
        // Categories 1 and 2: 6900 kg, of which A and C 5400; spend 7300 USD, A and C 3600 (credit note and unmapped lines included).
        #expect(s1.kpis.cat12NanoKg == 6900 * Self.nano && s1.kpis.targetsSetCat12NanoKg == 5400 * Self.nano)
        #expect(s1.kpis.targetsSetCat12SpendShare == [Self.usd: 3600.0 / 7300.0])
        #expect(s1.kpis.targetsSetEmissionShare == 5600.0 / 7100.0)

        // B sets targets; a second ledger adds 500 kg of B in category 1; run 2 is a full run.
        let status2 = try ws.suppliers.importSupplierStatus(
            path: t.file("status2.csv", "supplier,fact,value,source,checked_on\nB,sbti,targets set,test,2025-06-01\n"),
            displayName: "status2.csv"
        )
        _ = try ws.importFile(
            .purchases,
            t.file("purchases2.csv", "id,date,supplier,category,amount,currency,scope3_category\nP9,2025-01-10,B,IT,1000,USD,1\n")
        )
        let run2 = try ws.runs.calculate(CalculationOptions())
        #expect(run2.id != run1.id)
        let history = try ws.suppliers.kpiHistory()
        #expect(history.map(\.run) == [run1.id, run2.id])
        // Run 1 keeps the facts of its time; run 2 has B with targets set: 7400 of 7400 kg.
        #expect(history[0].kpis == s1.kpis)
        #expect(history[1].kpis.targetsSetCat12EmissionShare == 1 && history[1].kpis.cat12NanoKg == 7400 * Self.nano)
        // Its facts: those imported by the time its calculation started (read while the run was computed).
        #expect(history[1].factsAsOf >= status2.record.importedAt && history[1].factsAsOf <= run2.createdAt)
        // The stored snapshot is history: it cannot be changed.
        #expect(throws: (any Error).self) { try ws.transaction { db in try db.execute(sql: "UPDATE engagement_kpi SET value = '{}'") } }
        // Exact shares agree with the run's lines, summed independently.
        var cat12Lines = 0
        _ = try ws.runs.runLines(id: run2.id) { line in if line.scope3.rawValue <= 2 { cat12Lines += 1 } }
        #expect(cat12Lines == history[1].kpis.cat12Lines && cat12Lines == 8)
    }

    @Test func aRunWithoutKPIsGetsThemWhenAsked() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        let run = try ws.runs.calculate(CalculationOptions())
        // A workspace whose run predates snapshots: the row is not there (dropped here through the raw file).
        try ws.transaction { db in
            try db.execute(sql: "DROP TRIGGER engagement_kpi_is_history_delete")
            try db.execute(sql: "DELETE FROM engagement_kpi")
        }
        #expect(try ws.count("engagement_kpi") == 0)
        _ = try ws.suppliers.importSupplierStatus(
            path: t.file("late.csv", "supplier,fact,value,source,checked_on\nA,sbti,targets set,test,2025-01-01\n"),
            displayName: "late.csv"
        )
        let history = try ws.suppliers.kpiHistory()
        #expect(history.count == 1 && history[0].run == run.id && history[0].computedAt > run.createdAt)
        // Facts imported after the run do not count for it.
        #expect(history[0].kpis.targetsSetSuppliers.isEmpty)
        #expect(try ws.count("engagement_kpi") == 1)
        // The on-demand KPIs use the facts as of now.
        #expect(try ws.suppliers.engagementKPIs().kpis.targetsSetSuppliers == ["A"])
    }

    @Test func theTargetIsASettingWithHistory() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        #expect(try ws.suppliers.engagementTarget() == nil)
        try ws.suppliers.setEngagementTarget(EngagementTarget(sharePercent: "67", deadline: "2027-12-31"))
        try ws.suppliers.setEngagementTarget(EngagementTarget(sharePercent: "70", deadline: "2028-12-31", basis: .spend, currency: "NOK"))
        #expect(try ws.suppliers.engagementTarget() == EngagementTarget(sharePercent: "70", deadline: "2028-12-31", basis: .spend, currency: "NOK"))
        #expect(throws: WorkspaceError.self) { try ws.suppliers.setEngagementTarget(EngagementTarget(sharePercent: "170", deadline: "2028-12-31")) }
        try ws.suppliers.setEngagementTarget(nil)
        #expect(try ws.suppliers.engagementTarget() == nil)
        let history = try ws.suppliers.engagementTargetHistory()
        #expect(history.map { $0.target?.sharePercent } == ["67", "70", nil])
    }

    @Test func requestsAreHistory() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        _ = try ws.suppliers.importSupplierStatus(
            path: t.file("pact.csv", "supplier,fact,value,source,checked_on,evidence\nC,pact,yes,test,2025-01-01,https://pact.ceta.example\n"),
            displayName: "pact.csv"
        )
        let a = try ws.suppliers.addEngagementRequest(
            supplier: "A",
            kind: .disclosure,
            ask: "2025 emissions",
            dueOn: "2026-03-31",
            requestedOn: "2026-01-05"
        )
        let c = try ws.suppliers.addEngagementRequest(
            supplier: "C",
            kind: .pcf,
            ask: "product footprints for 2025 purchases",
            dueOn: "2026-02-28",
            product: "urn:gtin:123",
            requestedOn: "2026-01-05"
        )
        #expect(a.channel == .manual && c.channel == .pact && c.product == "urn:gtin:123")
        #expect(throws: WorkspaceError.self) { try ws.suppliers.addEngagementRequest(supplier: "Z", kind: .pcf, ask: "x", dueOn: "2026-03-31") }
        #expect(throws: WorkspaceError.self) { try ws.suppliers.addEngagementRequest(supplier: "A", kind: .pcf, ask: "x", dueOn: "2026-02-30") }
        #expect(throws: WorkspaceError.self) {
            try ws.suppliers.addEngagementRequest(supplier: "A", kind: .pcf, ask: "x", dueOn: "2025-12-31", requestedOn: "2026-01-05")
        }

        // The PACT module records the event it sent the request as.
        #expect(try ws.suppliers.recordPACTRequestSent(id: c.id, eventID: "evt-42", on: "2026-01-05").pactEventID == "evt-42")
        // Reminders on 2026-02-20: C is due within 14 days; A is not. Recorded once per 7 days.
        #expect(try ws.suppliers.engagementReminders(asOf: "2026-02-20", record: false).map(\.id) == [c.id])
        #expect(try ws.suppliers.engagementReminders(asOf: "2026-02-20").map(\.id) == [c.id])
        #expect(try ws.suppliers.engagementReminders(asOf: "2026-02-26").isEmpty)
        #expect(try ws.suppliers.engagementReminders(asOf: "2026-03-20").map(\.id) == [a.id, c.id])
        #expect(try ws.suppliers.engagementRequest(id: c.id).isOverdue(asOf: "2026-03-20"))

        let updated = try ws.suppliers.updateEngagementRequest(id: c.id, status: .received, on: "2026-03-21", note: "12 PCFs over PACT")
        #expect(updated.status == .received && !updated.isOverdue(asOf: "2026-04-01"))
        #expect(updated.events.map(\.kind) == [.requested, .pactSent, .reminded, .reminded, .received])
        #expect(throws: WorkspaceError.self) { try ws.suppliers.updateEngagementRequest(id: 999, status: .declined) }
        #expect(try ws.suppliers.engagementRequests(supplier: "A").map(\.id) == [a.id])
        // Nothing is overwritten: rows and events refuse updates and deletes.
        #expect(throws: (any Error).self) { try ws.transaction { db in try db.execute(sql: "UPDATE engagement_request SET due_on = '2030-01-01'") } }
        #expect(throws: (any Error).self) { try ws.transaction { db in try db.execute(sql: "DELETE FROM engagement_request_event") } }
    }
}
