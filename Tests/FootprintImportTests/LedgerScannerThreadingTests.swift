import FootprintCore
import FootprintImport
import Testing

/// The summary and the diagnostics do not depend on the number of threads or the block size,
/// even when records (with quoted line breaks) cross block and thread boundaries.
@Suite("LedgerScanner threads and blocks")
struct LedgerScannerThreadingTests {
    /// One line of each method, with its kg from the fixture's reference data (see LedgerScannerTests).
    static let kinds: [(fields: String, method: CalculationMethod?, kg: Double, amount: (Int64, Int))] = [
        ("2024-03-01,S1,hardware,1000,NOK,P1,40,kg", .supplierSpecific, 100, (1000, 0)),
        ("2024-03-02,S2,consulting,2100,NOK,,,", .hybrid, 200, (2100, 0)),
        ("2024-03-03,S3,electricity,5000,NOK,,2,MWh", .averageData, 1000, (5000, 0)),
        ("2024-03-04,S3,it-services,10500,NOK,,,", .spendBased, 1800.0 / 11, (10500, 0)),
        ("2024-03-05,S3,travel,700,NOK,,,", nil, 0, (700, 0)),
        ("2024-03-06,S3,office,-300.50,NOK,,,", .spendBased, -90.15, (-30050, 2)),
    ]

    static let customers = ["", "C1", "\"Customer, \"\"Q\"\"\nsecond line\"", "\"K\r\nL\r\nM\"", "\"plain quoted\""]

    struct Ledger {
        var records: [String] = []  // each with its line end
        var kg = 0.0
        var lines: [CalculationMethod?: Int] = [:]
        var spend: [CalculationMethod?: DecimalSum] = [:]
        var text: String { Fixture.header + records.joined() }
    }

    static func ledger(_ count: Int, seed: UInt64) -> Ledger {
        var rng = SplitMix64(seed: seed)
        var ledger = Ledger()
        for n in 0..<count {
            let kind = kinds.randomElement(using: &rng)!
            let id = [String(n), "\"id,\(n)\"", "\"id\"\"\(n)\"\"\""].randomElement(using: &rng)!
            var record = "\(id),\(kind.fields),\(customers.randomElement(using: &rng)!)"
            record += Int.random(in: 0..<4, using: &rng) == 0 ? "\r\n" : "\n"
            if Int.random(in: 0..<20, using: &rng) == 0 { record += "\n" }
            ledger.records.append(record)
            ledger.kg += kind.kg
            ledger.lines[kind.method, default: 0] += 1
            ledger.spend[kind.method, default: DecimalSum()].add(digits: kind.amount.0, scale: kind.amount.1)
        }
        return ledger
    }

    static let configurations: [(threads: Int, blockBytesPerThread: Int)] = [
        (1, 256), (2, 256), (3, 256), (3, 40_000), (2, 1 << 20), (1, 4 << 20),
    ]

    @Test(arguments: [UInt64(1), 2])
    func sameSummaryForAnyThreadsAndBlocks(seed: UInt64) throws {
        let ledger = Self.ledger(4500, seed: seed)
        #expect(ledger.text.utf8.count > 3 * 65_536)  // several blocks whatever the block size
        var summaries: [InventorySummary] = []
        for c in Self.configurations {
            summaries.append(try scanLedger(ledger.text, threads: c.threads, blockBytesPerThread: c.blockBytesPerThread))
        }
        let nok = CurrencyCode("NOK")!
        for (s, c) in zip(summaries, Self.configurations) {
            let label = "threads \(c.threads), \(c.blockBytesPerThread) bytes per thread"
            #expect(s.lines == 4500, "\(label)")
            #expect(s.unmappedLines == ledger.lines[nil] ?? 0, "\(label)")
            for method in CalculationMethod.allCases {
                #expect(s.linesByMethod[method] == ledger.lines[method], "\(label) \(method)")
                #expect(s.spendByMethod[method]?[nok] == ledger.spend[method], "\(label) \(method)")
            }
            #expect(close(s.totalKg, ledger.kg), "\(label): \(s.totalKg) vs \(ledger.kg)")
            #expect(close(s.totalKg, summaries[0].totalKg), "\(label)")
            #expect(s.unmapped == summaries[0].unmapped, "\(label)")
            #expect(Set(s.kgByCustomer.keys) == ["C1", "Customer, \"Q\"\nsecond line", "K\r\nL\r\nM", "plain quoted"], "\(label)")
            for (customer, sum) in summaries[0].kgByCustomer {
                #expect(close(s.kgByCustomer[customer]?.value ?? .nan, sum.value), "\(label) \(customer)")
            }
        }
    }

    /// The physical line of the record at `index` (the header is line 1).
    static func physicalLine(of index: Int, in records: [String]) -> Int {
        2 + records[..<index].reduce(0) { $0 + $1.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
    }

    @Test(arguments: configurations)
    func errorsAfterManyMultiLineFieldsReportThePhysicalLine(threads: Int, blockBytesPerThread: Int) throws {
        var ledger = Self.ledger(2500, seed: 7)
        ledger.records.insert("bad-1,2024-02-30,S3,office,1,NOK,,,,\"multi\nline\"\n", at: 1700)
        ledger.records.append("bad-2,2024-03-01,S3,office,1.2.3,NOK,,,,\n")
        let first = Self.physicalLine(of: 1700, in: ledger.records)
        let last = Self.physicalLine(of: ledger.records.count - 1, in: ledger.records)
        let errors = try ledgerErrors(ledger.text, threads: threads, blockBytesPerThread: blockBytesPerThread)
        #expect(
            errors == [
                "purchases.csv:\(first): column 'date': '2024-02-30' is not a valid date; expected YYYY-MM-DD (ISO 8601), such as 2024-03-31",
                "purchases.csv:\(last): column 'amount': '1.2.3' is not a number; expected a decimal number with '.' as the decimal point, such as 1234.50 or -99.5",
            ]
        )
    }

    @Test(arguments: configurations)
    func duplicateIdsAcrossBlocksAndThreads(threads: Int, blockBytesPerThread: Int) throws {
        var ledger = Self.ledger(2500, seed: 11)
        ledger.records.append("\"id,5\",2024-03-05,S3,travel,700,NOK,,,,\n")
        ledger.records.insert("\"id,5\",2024-03-05,S3,travel,700,NOK,,,,\n", at: 10)
        let errors = try ledgerErrors(ledger.text, threads: threads, blockBytesPerThread: blockBytesPerThread)
        let last = Self.physicalLine(of: ledger.records.count - 1, in: ledger.records)
        let first = Self.physicalLine(of: 10, in: ledger.records)
        // The generator may also have written id "id,5" (quoted) as record 5: then that one is first.
        let original = ledger.records[5].hasPrefix("\"id,5\"") ? Self.physicalLine(of: 5, in: ledger.records) : nil
        if let original {
            #expect(
                errors == [
                    "purchases.csv:\(first): column 'id': duplicate purchase id 'id,5'; it is already on line \(original), and ids must be unique",
                    "purchases.csv:\(last): column 'id': duplicate purchase id 'id,5'; it is already on line \(original), and ids must be unique",
                ]
            )
        } else {
            #expect(
                errors == [
                    "purchases.csv:\(last): column 'id': duplicate purchase id 'id,5'; it is already on line \(first), and ids must be unique"
                ]
            )
        }
    }

    /// An unterminated quote near the end of a large file: the message names the record's physical line,
    /// like the location does, however the file was split.
    @Test(arguments: configurations)
    func unterminatedQuoteMessageNamesThePhysicalLine(threads: Int, blockBytesPerThread: Int) throws {
        var ledger = Self.ledger(2500, seed: 13)
        ledger.records.append("last,2024-03-01,S3,office,1,NOK,,,,\"never closed\nat all\n")
        let line = Self.physicalLine(of: ledger.records.count - 1, in: ledger.records)
        let errors = try ledgerErrors(ledger.text, threads: threads, blockBytesPerThread: blockBytesPerThread)
        #expect(errors == ["purchases.csv:\(line): unterminated quoted field: it opens in this record and never closes; expected a closing '\"'"])
    }

    /// A stray quote in an unquoted field is one error, whatever the number of threads: the split
    /// points must not land inside a later quoted field and invent errors in valid records.
    @Test(arguments: [1, 2, 3])
    func strayQuoteGivesTheSameDiagnosticsForAnyThreads(threads: Int) throws {
        var records = ["1,2024-03-01,S3,off\"ice,1,NOK,,,,\n"]
        for n in 2..<80 { records.append("\(n),2024-03-01,S3,office,1,NOK,,,,\n") }
        records.append("80,2024-03-01,S3,office,1,NOK,,,,\"two\nlines\"\n")
        for n in 81..<90 { records.append("\(n),2024-03-01,S3,office,1,NOK,,,,\n") }
        let text = Fixture.header + records.joined()
        let errors = try ledgerErrors(text, threads: threads, blockBytesPerThread: 256)
        #expect(
            errors == [
                "purchases.csv:2: a '\"' inside an unquoted field; expected the whole field in quotes, with inner quotes doubled"
            ]
        )
    }
}
