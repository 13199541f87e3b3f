import FootprintCore
import FootprintImport
import Testing

/// Credit notes that name their invoice (column `invoice`), through the stateless scan: computed as
/// the invoice was, on its date; a price-only rebate of a quantity-based invoice counts spend, not kg;
/// a missing invoice is computed on its own date and counted. Every figure by hand.
@Suite("Credit notes against their invoices")
struct CreditNoteLedgerTests {
    static let factors = """
        category,name,kgco2e_per_unit,unit,price_year,source
        office,Office supplies,0.3,EUR,2022,test

        """
    // NOK per USD 10.5 in 2024, 11 in 2025; EUR 0.9 and 0.8; index 110 in 2024, 120 in 2025 (100 in 2022).
    static let rates = "currency,year,per_usd\nNOK,2024,10.5\nNOK,2025,11\nEUR,2024,0.9\nEUR,2025,0.8\nUSD,2024,1\nUSD,2025,1\n"
    static let priceIndex = "year,index\n2022,100\n2024,110\n2025,120\n"
    // P1 on every date; P2 valid in 2024 only.
    static let footprints = "supplier,product,kgco2e_per_unit,unit,valid_from,valid_to\nS1,P1,2.5,kg,,\nS1,P2,4,kg,2024-01-01,2024-12-31\n"
    static let header = "id,date,supplier,category,amount,currency,product,quantity,unit,customer,invoice\n"

    // Line by line (spend-based: NOK / per_usd(NOK, Y) x per_usd(EUR, Y) x 100 / index(Y) x 0.3):
    //   INV-1 2024-12-20: 10500 / 10.5 x 0.9 = 900 EUR x 100/110 x 0.3           = 2700/11
    //   CN-1 2025-01-10 of INV-1, in 2024's figures: -2100 -> -180 EUR            = -540/11
    //        (on its own date it would be -2100 / 11 x 0.8 x 100/120 x 0.3 = -38.18...)
    //   CN-0 2025-01-05 of INV-2, before its invoice in the file: -1050 -> -90 EUR = -270/11
    //   INV-2 2024-06-01: 5250 -> 450 EUR                                          = 1350/11
    //   INV-3 2024-03-01: 40 kg x 2.5                                             = 100
    //   CN-3 of INV-3 without quantity: a price-only rebate                       = 0 (spend -200 NOK)
    //   CN-5 of INV-3 returning 10 kg                                             = -25
    //   CN-4 of INV-404 (not in the ledger), on its own date 2025:
    //        -1100 / 11 x 0.8 = -80 EUR x 100/120 x 0.3                            = -20
    //   INV-6 2024-11-01: 20 kg x 4 (P2 valid in 2024)                            = 80
    //   CN-6 2025-01-15 of INV-6: -2 kg x 4, P2 valid on the invoice's date        = -8
    //        (on its own date no footprint is valid and hardware has no factor: unmapped)
    static let ledger =
        header + """
            INV-1,2024-12-20,S3,office,10500,NOK,,,,,
            CN-1,2025-01-10,S3,office,-2100,NOK,,,,,INV-1
            CN-0,2025-01-05,S3,office,-1050,NOK,,,,,INV-2
            INV-2,2024-06-01,S3,office,5250,NOK,,,,,
            INV-3,2024-03-01,S1,hardware,1000,NOK,P1,40,kg,,
            CN-3,2025-02-01,S1,hardware,-200,NOK,,,,,INV-3
            CN-5,2025-02-03,S1,hardware,-250,NOK,P1,-10,kg,,INV-3
            CN-4,2025-02-02,S3,office,-1100,NOK,,,,,INV-404
            INV-6,2024-11-01,S1,hardware,800,NOK,P2,20,kg,,
            CN-6,2025-01-15,S1,hardware,-80,NOK,P2,-2,kg,,INV-6

            """
    static let spendBasedKg = (2700.0 - 540 - 270 + 1350) / 11 - 20
    static let supplierSpecificKg = 100.0 + 0 - 25 + 80 - 8

    func scan(_ purchases: String, threads: Int = 1, blockBytesPerThread: Int = 4 << 20) throws -> (InventorySummary, [[String]]) {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("factors.csv", Self.factors)
        try folder.write("rates.csv", Self.rates)
        try folder.write("price_index.csv", Self.priceIndex)
        try folder.write("product_footprints.csv", Self.footprints)
        try folder.write("purchases.csv", purchases)
        let scanner = LedgerScanner(
            engine: try Fixture.engine(folder),
            options: .init(threads: threads, blockBytesPerThread: blockBytesPerThread)
        )
        var bytes: [UInt8] = []
        let summary = try scanner.scan(path: folder.path("purchases.csv"), displayName: "purchases.csv") { bytes += $0 }
        let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        return (summary, rows)
    }

    @Test(arguments: [(1, 4 << 20), (3, 64)])
    func creditNotesFollowTheirInvoices(threads: Int, blockBytes: Int) throws {
        let (s, rows) = try scan(Self.ledger, threads: threads, blockBytesPerThread: blockBytes)
        #expect(s.lines == 10)
        #expect(s.linesByMethod == [.spendBased: 5, .supplierSpecific: 5])
        #expect(s.unmappedLines == 0)
        #expect(close(s.kgByMethod[.spendBased]?.value ?? .nan, Self.spendBasedKg))
        #expect(close(s.kgByMethod[.supplierSpecific]?.value ?? .nan, Self.supplierSpecificKg))
        #expect(close(s.totalKg, Self.spendBasedKg + Self.supplierSpecificKg))
        // The rebate's spend is counted with its invoice's method: 1000 - 200 - 250 + 800 - 80.
        #expect(s.spendByMethod[.supplierSpecific]?[CurrencyCode("NOK")!]?.description == "1270")
        let rebate = try #require(s.fallThrough[.priceOnlyRebate(supplier: "S1")])
        #expect(rebate.lines == 1)
        #expect(rebate.kg.value == 0)
        #expect(rebate.spend[CurrencyCode("NOK")!]?.description == "-200")
        let missing = try #require(s.fallThrough[.invoiceNotInLedger(supplier: "S3")])
        #expect(missing.lines == 1)
        #expect(close(missing.kg.value, -20))
        #expect(missing.spend[CurrencyCode("NOK")!]?.description == "-1100")
        #expect(s.fallThrough.count == 2)

        // The per-line output, in file order: method, kg and the note of each credit note.
        let header = try #require(rows.first)
        let method = try #require(header.firstIndex(of: "method"))
        let kg = try #require(header.firstIndex(of: "kgco2e"))
        let note = try #require(header.firstIndex(of: "fall_through"))
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[1], $0) })
        #expect(rows.dropFirst().map { $0[1] } == ["INV-1", "CN-1", "CN-0", "INV-2", "INV-3", "CN-3", "CN-5", "CN-4", "INV-6", "CN-6"])
        #expect(close(Double(byID["CN-1"]![kg])!, -540.0 / 11))
        #expect(close(Double(byID["CN-0"]![kg])!, -270.0 / 11))
        #expect(byID["CN-3"]![method] == "supplier-specific")
        #expect(Double(byID["CN-3"]![kg]) == 0)
        #expect(byID["CN-3"]![note] == "price-only-rebate")
        #expect(byID["CN-4"]![note] == "invoice-not-in-ledger")
        #expect(close(Double(byID["CN-4"]![kg])!, -20))
        #expect(byID["CN-6"]![method] == "supplier-specific")
        #expect(close(Double(byID["CN-6"]![kg])!, -8))
        #expect(byID["INV-1"]![note] == "")
    }

    @Test func withoutTheColumnACreditNoteIsComputedOnItsOwnDate() throws {
        let ledger = "id,date,supplier,category,amount,currency\nINV-1,2024-12-20,S3,office,10500,NOK\nCN-1,2025-01-10,S3,office,-2100,NOK\n"
        let (s, _) = try scan(ledger)
        // -2100 / 11 x 0.8 = -152.72... EUR x 100/120 x 0.3.
        #expect(close(s.totalKg, 2700.0 / 11 - 2100.0 / 11 * 0.8 * 100 / 120 * 0.3))
        #expect(s.fallThrough.isEmpty)
    }

    @Test func aRebateOfAnAverageDataInvoiceIsSpendOnly() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let ledger =
            String(Fixture.header.dropLast()) + ",invoice\n"
            + "E1,2024-03-03,S3,electricity,5000,NOK,,2,MWh,,\nE2,2024-04-01,S3,electricity,-500,NOK,,,,,E1\n"
        let s = try scanLedger(ledger)
        #expect(s.linesByMethod == [.averageData: 2])
        #expect(close(s.totalKg, 1000))
        #expect(s.spendByMethod[.averageData]?[CurrencyCode("NOK")!]?.description == "4500")
        #expect(s.fallThrough[.priceOnlyRebate(supplier: "S3")]?.lines == 1)
    }

    @Test func anInvoiceReferenceIsOnlyForACreditNote() throws {
        let errors = try ledgerErrors(
            String(Fixture.header.dropLast()) + ",invoice\n" + "1,2024-03-01,S3,office,100,NOK,,,,,9\n2,2024-03-01,S3,office,-100,NOK,,,,,2\n"
        )
        #expect(
            errors == [
                "purchases.csv:2: column 'invoice': '9' names an invoice, but the amount 100 is not negative; expected the id of the invoice only on a credit note (a negative amount), and an empty field on an invoice",
                "purchases.csv:3: column 'invoice': '2' is the line's own id; expected the id of the invoice line the credit note corrects",
            ]
        )
    }
}
