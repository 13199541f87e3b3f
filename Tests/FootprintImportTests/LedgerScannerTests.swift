import FootprintCore
import FootprintImport
import Testing

/// purchases.csv end to end: reference files, the streaming scan, the summary.
@Suite("LedgerScanner")
struct LedgerScannerTests {
    // Line by line (see Fixture):
    //   1 supplier-specific: 40 kg x 2.5                                   = 100
    //   2 hybrid: 2100 NOK / 10.5 x 10 = 2000 SEK x 0.1                     = 200
    //   3 average-data: 2 MWh = 2000 kWh x 0.5                              = 1000
    //   4 spend-based: 10500 NOK / 10.5 x 0.9 = 900 EUR x 100/110 x 0.2     = 1800/11
    //   5 unmapped: no factor for 'travel'
    //   6 spend-based credit note: -300.50 NOK x 0.3                        = -90.15
    static let ledger =
        Fixture.header + """
            1,2024-03-01,S1,hardware,1000,NOK,P1,40,kg,
            2,2024-03-02,S2,consulting,2100,NOK,,,,C1
            3,2024-03-03,S3,electricity,5000,NOK,,2,MWh,
            4,2024-03-04,S3,it-services,10500,NOK,,,,C1
            5,2024-03-05,S3,travel,700,NOK,,,,
            6,2024-03-06,S3,office,-300.50,NOK,,,,

            """
    static let total = 100 + 200 + 1000 + 1800.0 / 11 - 90.15

    @Test func summaryOfATinyLedger() throws {
        let s = try scanLedger(Self.ledger)
        #expect(s.lines == 6)
        #expect(s.linesByMethod == [.supplierSpecific: 1, .hybrid: 1, .averageData: 1, .spendBased: 2])
        #expect(s.unmappedLines == 1)
        #expect(close(s.totalKg, Self.total))
        #expect(close(s.kgByMethod[.supplierSpecific]?.value ?? .nan, 100))
        #expect(close(s.kgByMethod[.hybrid]?.value ?? .nan, 200))
        #expect(close(s.kgByMethod[.averageData]?.value ?? .nan, 1000))
        #expect(close(s.kgByMethod[.spendBased]?.value ?? .nan, 1800.0 / 11 - 90.15))
        #expect(close(s.kgByCategory["electricity"]?.value ?? .nan, 1000))
        #expect(close(s.kgByCategory["office"]?.value ?? .nan, -90.15))
        #expect(close(s.kgBySupplier["S3"]?.value ?? .nan, 1000 + 1800.0 / 11 - 90.15))
        #expect(close(s.kgByCustomer["C1"]?.value ?? .nan, 200 + 1800.0 / 11))
        #expect(s.kgByCustomer.count == 1)
        #expect(s.spendByMethod[.spendBased]?[CurrencyCode("NOK")!]?.description == "10199.5")
        #expect(
            s.unmapped == [
                .noFactor(category: "travel"): {
                    var t = InventorySummary.UnmappedTally()
                    t.lines = 1
                    t.spend = [CurrencyCode("NOK")!: DecimalSum(digits: 700, scale: 0)]
                    return t
                }()
            ]
        )
        #expect(close(s.supplierDataShare, 300 / Self.total))
    }

    @Test func columnsInAnyOrderExtraColumnsBOMCRLFAndBlankLines() throws {
        let text =
            "\u{FEFF}Amount,currency,ID,note,category,date,supplier,unit,quantity,product\r\n"
            + "1000,NOK,1,x,hardware,2024-03-01,S1,kg,40,P1\r\n"
            + "\r\n"
            + "5000,NOK,3,\"a, b\",electricity,2024-03-03,S3,MWh,2,\r\n"
            + "10500,NOK,4,,it-services,2024-03-04,S3,,,\r\n"
        let s = try scanLedger(text)
        #expect(s.lines == 3)
        #expect(close(s.totalKg, 100 + 1000 + 1800.0 / 11))
    }

    @Test func quotedFieldsAreUnescaped() throws {
        let text =
            Fixture.header + """
                "1",2024-03-01,"S1","hardware","1000","NOK","P1","40","kg","Customer ""A"", North"
                "id,2",2024-03-02,S2,consulting,2100,NOK,,,,"Customer ""A"", North"

                """
        let s = try scanLedger(text)
        #expect(s.linesByMethod == [.supplierSpecific: 1, .hybrid: 1])
        #expect(close(s.kgByCustomer["Customer \"A\", North"]?.value ?? .nan, 300))
    }

    @Test func unknownCurrencyIsUnmappedWithItsReason() throws {
        let text = Fixture.header + "1,2024-03-04,S3,it-services,100,DKK,,,,\n2,2023-03-04,S3,it-services,100,NOK,,,,\n"
        let s = try scanLedger(text)
        #expect(s.unmapped[.noExchangeRate(currency: CurrencyCode("DKK")!, year: 2024)]?.lines == 1)
        #expect(s.unmapped[.noExchangeRate(currency: CurrencyCode("NOK")!, year: 2023)]?.lines == 1)
        #expect(s.totalKg == 0)
    }

    @Test func headerOnlyAndNoFinalLineBreak() throws {
        let empty = try scanLedger(Fixture.header)
        #expect(empty.lines == 0 && empty.totalKg == 0)
        for threads in 1...3 {
            let s = try scanLedger(String(Self.ledger.dropLast()), threads: threads, blockBytesPerThread: 256)
            #expect(s.lines == 6)
            #expect(close(s.totalKg, Self.total))
        }
    }

    @Test func perLineOutputFollowsFileOrder() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try Fixture.writeReference(folder)
        try folder.write("purchases.csv", Self.ledger)
        let scanner = LedgerScanner(engine: try Fixture.engine(folder), options: .init(threads: 2, blockBytesPerThread: 256))
        var bytes: [UInt8] = []
        _ = try scanner.scan(path: folder.path("purchases.csv"), displayName: "purchases.csv") { bytes += $0 }
        let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 7)
        #expect(
            rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? "" }
                == ["2", "3", "4", "5", "6", "7"]
        )
        #expect(rows[5].contains("unmapped"))
    }
}
