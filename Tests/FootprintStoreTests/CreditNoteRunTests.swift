import FootprintCore
import Foundation
import Testing

@testable import FootprintStore

/// Credit notes that name their invoice in a workspace: the invoice stored with the line, found in
/// the run's imports (another import's too), followed when its supplier's figures change, and a
/// missing invoice computed on the credit note's own date, counted.
@Suite struct CreditNoteRunTests {
    static let files: [(ImportKind, String, String)] = [
        (.factors, "factors.csv", "category,name,kgco2e_per_unit,unit,price_year,source\nhardware,Hardware,0.5,USD,,test\n"),
        (.rates, "rates.csv", "currency,year,per_usd\nUSD,2024,1\nUSD,2025,1\n"),
        (.productFootprints, "product_footprints.csv", "supplier,product,kgco2e_per_unit,unit\nS1,P1,2.5,kg\n"),
        (
            .purchases, "purchases.csv",
            """
            id,date,supplier,category,amount,currency,product,quantity,unit,customer,invoice
            CN-1,2025-01-10,S1,hardware,-200,USD,,,,,INV-1
            INV-1,2024-12-20,S1,hardware,1000,USD,P1,40,kg,,
            CN-2,2025-01-11,S1,hardware,-250,USD,P1,-10,kg,,INV-1
            CN-3,2025-01-12,S2,hardware,-100,USD,,,,,INV-9

            """
        ),
    ]

    static func lines(_ t: TemporaryWorkspace, run: Int64) throws -> [String: (String, Double)] {
        var result: [String: (String, Double)] = [:]
        _ = try t.workspace.runs.runLines(id: run) { result[$0.purchaseID] = ($0.provenance.fallThrough?.code ?? $0.methodName, $0.kg) }
        return result
    }

    @Test func creditNotesFollowTheirInvoice() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        var ids: [ImportKind: Int64] = [:]
        for (kind, name, text) in Self.files { ids[kind] = try t.workspace.importFile(kind, try t.file(name, text)).record.id }
        let first = try t.workspace.runs.calculate(CalculationOptions(full: true))
        var lines = try Self.lines(t, run: first.id)
        // INV-1: 40 x 2.5; CN-1 a price-only rebate of it (0 kg); CN-2 returns 10 kg (-25); CN-3's invoice
        // is not in the ledger: spend-based on its own date, -100 x 0.5.
        #expect(lines["INV-1"]! == ("supplier-specific", 100))
        #expect(lines["CN-1"]! == (FallThrough.priceOnlyRebateCode, 0))
        #expect(lines["CN-2"]! == ("supplier-specific", -25))
        #expect(lines["CN-3"]! == (FallThrough.invoiceNotInLedgerCode, -50))
        #expect(first.summary.fallThrough[.priceOnlyRebate(supplier: "S1")]?.lines == 1)
        #expect(first.summary.fallThrough[.invoiceNotInLedger(supplier: "S2")]?.lines == 1)
        _ = try t.workspace.runs.verifyRun(id: first.id)

        // S1's footprint goes: INV-1 is spend-based (1000 x 0.5), so the rebate reduces spend-based emissions
        // (-200 x 0.5), and the returned goods too (-250 x 0.5). Not left as they were: a full run.
        _ = try t.workspace.importFile(
            .productFootprints,
            try t.file("f2.csv", "supplier,product,kgco2e_per_unit,unit\nS1,P9,1,kg\n"),
            replacing: ids[.productFootprints]
        )
        let second = try t.workspace.runs.calculate(CalculationOptions())
        #expect(second.kind == .full)
        lines = try Self.lines(t, run: second.id)
        #expect(lines["INV-1"]! == ("spend-based", 500))
        #expect(lines["CN-1"]! == ("spend-based", -100))
        #expect(lines["CN-2"]! == ("spend-based", -125))
        _ = try t.workspace.runs.verifyRun(id: second.id)
        #expect(try t.workspace.runs.calculate(CalculationOptions(full: true)).aggregate == second.aggregate)
    }

    @Test func anInvoiceInAnotherImportIsFound() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        for (kind, name, text) in Self.files.dropLast() { _ = try t.workspace.importFile(kind, try t.file(name, text)) }
        let invoices = "id,date,supplier,category,amount,currency,product,quantity,unit\nINV-9,2024-06-01,S2,hardware,400,USD,,,\n"
        _ = try t.workspace.importFile(.purchases, try t.file("2024.csv", invoices))
        _ = try t.workspace.importFile(.purchases, try t.file("purchases.csv", Self.files.last!.2))
        let run = try t.workspace.runs.calculate(CalculationOptions(full: true))
        let lines = try Self.lines(t, run: run.id)
        #expect(lines["CN-3"]! == ("spend-based", -50))
        #expect(run.summary.fallThrough[.invoiceNotInLedger(supplier: "S2")] == nil)
        #expect(try t.workspace.purchaseLine(id: "CN-3")["invoice"] == "INV-9")
    }
}
