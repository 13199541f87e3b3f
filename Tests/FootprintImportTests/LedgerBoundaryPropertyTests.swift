import FootprintCore
import FootprintImport
import Testing

/// Property: for any ledger, period and category rules, the ledger reconciles exactly per currency
/// (in the inventory + excluded + outside the period = every line), each part holds exactly the lines
/// the rules say (worked out here independently of the scanner), and the Scope 3 categories sum to
/// the Scope 3 total, for any number of threads.
@Suite struct LedgerBoundaryPropertyTests {
    static let categories = ["office", "electricity", "it-services", "travel", "payroll", "own-energy", "intra-group", "freight"]
    static let currencies = ["NOK", "SEK", "EUR", "USD", "CHF"]
    // freight excluded by the company, intra-group taken back in, office placed in Category 2.
    static let categoriesCSV = """
        category,scope3_category,excluded
        freight,,freight of goods sold: counted by the customer
        intra-group,,
        office,2,

        """

    struct Line {
        var date: Int32
        var category: String
        var currency: CurrencyCode
        var digits: Int64
        var scale: Int
    }

    static func amountText(_ digits: Int64, _ scale: Int) -> String {
        let magnitude = String(digits.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - magnitude.count)) + magnitude
        let whole = padded.dropLast(scale)
        let text = scale == 0 ? String(whole) : "\(whole).\(padded.suffix(scale))"
        return (digits < 0 ? "-" : "") + text
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func reconcilesExactly(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let startMonth = [1, 7, 3, 10][Int(seed % 4)]
        let period = ReportingPeriod(fiscalYear: 2024, startMonth: startMonth)!
        var lines: [Line] = []
        var csv = "id,date,supplier,category,amount,currency,product,quantity,unit,customer,scope3_category\n"
        for i in 0..<Int.random(in: 50...400, using: &rng) {
            let year = Int32.random(in: 2022...2025, using: &rng)
            let month = Int32.random(in: 1...12, using: &rng)
            let day = Int32.random(in: 1...CivilDate.daysIn(month: month, year: year), using: &rng)
            let date = year * 10000 + month * 100 + day
            let category = Self.categories.randomElement(using: &rng)!
            let currency = CurrencyCode(Self.currencies.randomElement(using: &rng)!)!
            let scale = Int.random(in: 0...4, using: &rng)
            var digits = Int64.random(in: 1...10_000_000, using: &rng)
            if Int.random(in: 0..<8, using: &rng) == 0 { digits = -digits }
            // A credit note returns its goods: its quantity is negative too.
            let quantity =
                category == "electricity" && Bool.random(using: &rng) ? "\(digits < 0 ? "-" : "")\(Int.random(in: 1...900, using: &rng))" : ""
            let flag = Int.random(in: 0..<5, using: &rng) == 0 ? "\(Int.random(in: 1...15, using: &rng))" : ""
            lines.append(Line(date: date, category: category, currency: currency, digits: digits, scale: scale))
            let dateText = ReportingPeriod.text(date)
            csv +=
                "L\(i),\(dateText),S\(i % 7),\(category),\(Self.amountText(digits, scale)),\(currency),,\(quantity),\(quantity.isEmpty ? "" : "kWh"),,\(flag)\n"
        }

        let files = ["categories.csv": Self.categoriesCSV, "rates.csv": Fixture.rates + "NOK,2023,10\nSEK,2023,9.5\nEUR,2023,0.92\nUSD,2023,1\n"]
        let s = try scanFolder(csv, files: files, period: period)

        // The parts, worked out independently.
        let rules = CategoryRules.builtIn.merging([
            CategoryRule(category: "freight", exclusion: "freight of goods sold: counted by the customer", source: "t"),
            CategoryRule(category: "intra-group", source: "t"),
        ])
        var ledger: [CurrencyCode: DecimalSum] = [:]
        var outside: [CurrencyCode: DecimalSum] = [:]
        var excluded: [String: [CurrencyCode: DecimalSum]] = [:]
        var included: [CurrencyCode: DecimalSum] = [:]
        var counts = (included: 0, excluded: 0, outside: 0)
        for l in lines {
            ledger[l.currency, default: DecimalSum()].add(digits: l.digits, scale: l.scale)
            if !(l.date >= period.start && l.date <= period.end) {
                outside[l.currency, default: DecimalSum()].add(digits: l.digits, scale: l.scale)
                counts.outside += 1
            } else if let reason = rules.exclusion(for: l.category) {
                excluded[reason, default: [:]][l.currency, default: DecimalSum()].add(digits: l.digits, scale: l.scale)
                counts.excluded += 1
            } else {
                included[l.currency, default: DecimalSum()].add(digits: l.digits, scale: l.scale)
                counts.included += 1
            }
        }
        func nonZero(_ d: [CurrencyCode: DecimalSum]) -> [CurrencyCode: DecimalSum] { d.filter { $0.value != DecimalSum() } }

        #expect(s.lines == counts.included)
        #expect(s.excludedTotal.lines == counts.excluded)
        #expect(s.outsidePeriod.lines == counts.outside)
        #expect(s.ledger.lines == lines.count)
        #expect(nonZero(s.ledger.spend) == nonZero(ledger))
        #expect(nonZero(s.includedSpend) == nonZero(included))
        #expect(nonZero(s.outsidePeriod.spend) == nonZero(outside))
        #expect(Set(s.excluded.keys) == Set(excluded.keys))
        for (reason, spend) in excluded { #expect(nonZero(s.excluded[reason]?.spend ?? [:]) == nonZero(spend)) }

        // Scope 3 by category sums to the Scope 3 total.
        var byScope3 = CompensatedSum()
        for v in s.kgByScope3.values { byScope3.add(v) }
        #expect(close(byScope3.value, s.totalKg, rel: 1e-9))

        // The same summary on any number of threads and blocks.
        let threaded = try scanFolder(csv, files: files, period: period, threads: 3, blockBytesPerThread: 512)
        #expect(threaded.lines == s.lines && threaded.excluded == s.excluded && threaded.outsidePeriod == s.outsidePeriod)
        #expect(threaded.ledger == s.ledger)
        #expect(close(threaded.totalKg, s.totalKg, rel: 1e-9))
    }
}
