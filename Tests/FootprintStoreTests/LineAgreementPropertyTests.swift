import FootprintCore
import FootprintImport
import Foundation
import Testing

@testable import FootprintStore

/// Property: for any ledger, the stateless `calculate --data` (with `--lines-out`) and a workspace run
/// (`runs lines`) give every line the same outcome, the same kg bit for bit, and the same provenance
/// columns. Both paths decode lines with `PurchaseRecordDecoder` and write provenance with
/// `ProvenanceCSV`; this checks that they agree by construction, on generated ledgers that exercise
/// every rule, unmapped reason, credit notes, quoting, units and currencies.
@Suite struct LineAgreementPropertyTests {
    /// A small deterministic generator (SplitMix64), so that a failing seed can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ values: [T]) -> T { values[int(0...values.count - 1)] }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    }

    /// Writes a random ledger and its reference data into `folder`.
    static func writeLedger(seed: UInt64, lines: Int, into folder: String) throws {
        var g = Generator(state: seed)
        func write(_ name: String, _ rows: [String]) throws {
            try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let suppliers = (1...8).map { "SUP-\($0)" } + ["\"Comma, Supplier\"", "SUP-X"]
        let categories = ["541512", "334111", "221122", "481000", "722511", "no-such-category", "\"quoted \"\"cat\"\"\""]
        let products = ["LAPTOP-1", "SERVER-2", "KWH-3", ""]
        try write(
            "factors.csv",
            [
                "category,name,kgco2e_per_unit,unit,price_year,source",
                "541512,IT services,0.12,USD,2022,test",
                "334111,Computers,0.31,USD,2022,test",
                "334111,Laptop (average data),250,piece,,test",
                "221122,Electricity,0.2,kWh,,test",
                "221122,Electricity spend,0.9,NOK,2024,test",
                "481000,Air travel,1.1,EUR,2021,test",
                "\"quoted \"\"cat\"\"\",Quoted,0.5,USD,2022,test",
            ]
        )
        try write(
            "rates.csv",
            ["currency,year,per_usd", "USD,2022,1", "USD,2023,1", "USD,2024,1", "NOK,2023,10.5", "NOK,2024,10.7", "EUR,2024,0.92", "EUR,2022,0.95"]
        )
        try write(
            "price_index.csv",
            // The general index (factors' price years), and the NOK economy's own (hybrid lines of NOK disclosures).
            ["year,index,currency", "2022,292.655,", "2023,304.702,", "2024,313.689,", "2023,124.8,NOK", "2024,129.6,NOK"]
        )
        try write("suppliers.csv", ["id,name,country"] + suppliers.map { "\($0),Name,NO" })
        try write(
            "supplier_emissions.csv",
            [
                "supplier,year,scope1,scope2,scope3_upstream,revenue,currency,scope3_categories,assurance,scope2_basis,source_document",
                "SUP-2,2023,10,20,300,1000000,NOK,1-8,limited,market,\"Report, 2023\"", "SUP-3,2022,1,2,3,50000,EUR,,,,",
                "SUP-4,2024,5,5,50,2000000,USD,,,,",
                // Without upstream Scope 3, or without Category 1: not used by the hybrid method, and the lines
                // counted as a fall-through, on either path.
                "SUP-1,2023,4,6,0,900000,NOK,,,,", "SUP-8,2024,4,6,90,900000,NOK,6;7,none,location,",
                // A manufacturer that invoices nothing itself (manufacturers.csv).
                "MAKER-L,2024,1,1,20,500000,USD,,,,",
            ]
        )
        try write(
            "supplier_allocations.csv",
            [
                // SUP-3's 2024 lines take its allocation; SUP-7's allocation covers Scopes 1 and 2 only.
                "supplier,year,emissions_tco2e,scopes,basis_amount,basis_currency,verified,requesting_member",
                "SUP-3,2024,12.5,1;2;3,400000,EUR,yes,Test AS", "SUP-7,2024,3,1;2,100000,NOK,no,",
            ]
        )
        try write(
            "manufacturers.csv",
            [
                // SUP-5's server reaches every supplier's lines; SUP-6's laptops are MAKER-L's (hybrid); SUP-7's
                // KWH-3 is SUP-1's MWh product under another id (a unit conversion through the manufacturer).
                "product,manufacturer,manufacturer_product,supplier", "SERVER-2,SUP-5,,", "LAPTOP-1,MAKER-L,,SUP-6", "KWH-3,SUP-1,,SUP-7",
            ]
        )
        try write(
            "product_footprints.csv",
            [
                "supplier,product,kgco2e_per_unit,unit,valid_from,valid_to,primary_data_share,dqi_technological,dqi_geographical,dqi_temporal",
                "SUP-1,LAPTOP-1,274.0,piece,,,,,,", "SUP-1,KWH-3,0.05,MWh,,,,,,",
                // Valid from 2023 to mid-2024 only: earlier and later lines fall through (on both paths).
                "SUP-5,SERVER-2,1200,piece,2023-01-01,2024-06-30,45,1.5,2,1",
            ]
        )
        struct Line {
            var id, date, supplier, category, amount, currency, product, quantity, unit, customer: String
            var credit: Bool
            var invoice = ""
        }
        var lines = (0..<lines).map { i in
            let year = g.pick([2022, 2023, 2024, 2025])
            let date = "\(year)-\(String(format: "%02d", g.int(1...12)))-\(String(format: "%02d", g.int(1...28)))"
            let credit = g.chance(8)
            let amount = "\(credit ? "-" : "")\(g.int(0...99_999)).\(String(format: "%02d", g.int(0...99)))"
            let product = g.pick(products)
            let quantity = product.isEmpty && !g.chance(20) ? "" : "\(credit ? "-" : "")\(g.int(1...40))\(g.chance(30) ? ".5" : "")"
            let unit = quantity.isEmpty ? "" : g.pick(["piece", "kWh", "MWh", "kg", "pcs"])
            let customer = g.chance(40) ? "CUST-\(g.int(1...5))" : ""
            let id = g.chance(5) ? "\"INV,\(i)\"" : "INV-\(i)"
            return Line(
                id: id,
                date: date,
                supplier: g.pick(suppliers),
                category: g.pick(categories),
                amount: amount,
                currency: g.pick(["NOK", "NOK", "USD", "EUR", "DKK"]),
                product: product,
                quantity: quantity,
                unit: unit,
                customer: customer,
                credit: credit
            )
        }
        // Credit notes that name their invoice (column `invoice`): before or after it in the file, an id
        // not in the ledger, and copies of the invoice's line, with its quantity returned or without one
        // (a price-only rebate of a quantity-based or an amount-based invoice).
        for i in lines.indices where lines[i].credit && !lines[i].amount.hasPrefix("-0.00") && g.chance(85) {
            guard !g.chance(15) else {
                lines[i].invoice = "NOT-IN-LEDGER-\(i)"
                continue
            }
            var j = g.int(0...lines.count - 1)
            if lines[j].quantity.isEmpty || lines[j].product.isEmpty { j = g.int(0...lines.count - 1) }
            guard j != i, !lines[j].credit else { continue }
            lines[i].invoice = lines[j].id
            if g.chance(80) {
                (lines[i].supplier, lines[i].category, lines[i].product, lines[i].currency) =
                    (lines[j].supplier, lines[j].category, lines[j].product, lines[j].currency)
                let returned = !lines[j].quantity.isEmpty && g.chance(50)
                (lines[i].quantity, lines[i].unit) = returned ? ("-" + lines[j].quantity, lines[j].unit) : ("", "")
            }
        }
        // In every ledger: a price-only rebate of a supplier-specific invoice dated after it, in another year.
        if lines.count >= 2 {
            let n = lines.count
            (lines[n - 2].supplier, lines[n - 2].category, lines[n - 2].product, lines[n - 2].quantity, lines[n - 2].unit) =
                ("SUP-1", "334111", "LAPTOP-1", "3", "piece")
            (lines[n - 2].amount, lines[n - 2].date, lines[n - 2].credit, lines[n - 2].invoice) = ("3000.00", "2023-12-30", false, "")
            lines[n - 1] = Line(
                id: "CN-\(n - 1)",
                date: "2024-01-05",
                supplier: "SUP-1",
                category: "334111",
                amount: "-300.00",
                currency: "NOK",
                product: "LAPTOP-1",
                quantity: "",
                unit: "",
                customer: "",
                credit: true,
                invoice: lines[n - 2].id
            )
        }
        var rows = ["id,date,supplier,category,amount,currency,product,quantity,unit,customer,invoice"]
        for l in lines {
            rows.append(
                "\(l.id),\(l.date),\(l.supplier),\(l.category),\(l.amount),\(l.currency),\(l.product),\(l.quantity),\(l.unit),\(l.customer),\(l.invoice)"
            )
        }
        try write("purchases.csv", rows)
    }

    /// The per-line output of the stateless path, by purchase id: the provenance fields. With `period`,
    /// the folder's categories.csv and the built-in rules apply, as `calculate --data --period` does.
    static func statelessLines(_ folder: String, threads: Int, period: ReportingPeriod? = nil) throws -> [String: [String]] {
        let data = try ReferenceDataReader.readFolder(directory: folder)
        let scanner = LedgerScanner(
            engine: InventoryEngine(reference: data.reference),
            boundary: data.boundary(period: period),
            options: .init(threads: threads, blockBytesPerThread: 4096)
        )
        var output: [UInt8] = []
        _ = try scanner.scan(path: folder + "/purchases.csv", displayName: "purchases.csv") { output.append(contentsOf: $0) }
        var result: [String: [String]] = [:]
        try output.withUnsafeBufferPointer { buffer in
            var csv = CSVRecordScanner(base: buffer.baseAddress!, count: buffer.count)
            guard case .record = csv.next() else { throw CancellationError() }
            let header = csv.fields.map { csv.string($0) }
            let first = try #require(header.firstIndex(of: "method"))
            #expect(Array(header[first...]) == ProvenanceCSV.columns)
            while case .record = csv.next() {
                let fields = csv.fields.map { csv.string($0) }
                result[fields[1]] = Array(fields[first...])
            }
        }
        return result
    }

    /// The provenance fields of every line of a workspace run, by purchase id. A workspace keeps an
    /// imported factors.csv as a library (`factors@<hash>`): the source names it so, where the stateless
    /// path names the file; that is made the same, and everything else must be equal.
    static func workspaceLines(_ t: TemporaryWorkspace, run: Int64) throws -> [String: [String]] {
        var lines: [String: [String]] = [:]
        _ = try t.workspace.runs.runLines(id: run) { line in
            var fields = ProvenanceCSV.fields(line.provenance)
            fields[4] = fields[4].replacingOccurrences(of: #"factors@[0-9a-f]+:"#, with: "factors.csv:", options: .regularExpression)
            lines[line.purchaseID] = fields
        }
        return lines
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 21, 34] as [UInt64])
    func everyLineAgrees(seed: UInt64) throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let folder = t.folder + "/ledger"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.writeLedger(seed: seed, lines: 400, into: folder)
        try t.workspace.importFolder(folder)
        _ = try t.workspace.runs.calculate(CalculationOptions(full: true, threads: 2))
        let run = try #require(try t.workspace.runs.list().first)
        let workspaceLines = try Self.workspaceLines(t, run: run.id)
        for threads in [1, 3] {
            let stateless = try Self.statelessLines(folder, threads: threads)
            #expect(stateless.count == 400)
            #expect(Set(stateless.keys) == Set(workspaceLines.keys))
            // Incomplete disclosures' lines are counted as a fall-through on both paths.
            #expect(stateless.values.contains { $0.contains(FallThrough.disclosureIncompleteCode) })
            // Credit notes name their invoices: rebates of quantity-based invoices and invoices not in the ledger, counted on both paths.
            #expect(stateless.values.contains { $0.contains(FallThrough.priceOnlyRebateCode) }, "seed \(seed)")
            #expect(stateless.values.contains { $0.contains(FallThrough.invoiceNotInLedgerCode) }, "seed \(seed)")
            // Manufacturers' figures reach distributors' lines (manufacturers.csv) on both paths.
            #expect(stateless.values.contains { $0.contains { $0.hasSuffix("the product's manufacturer (manufacturers.csv)") } })
            for (id, fields) in stateless.sorted(by: { $0.key < $1.key }) {
                let theirs = try #require(workspaceLines[id])
                #expect(fields == theirs, "seed \(seed), \(threads) threads, purchase \(id)")
            }
        }
    }

    /// The same with a reporting period (a July fiscal year) and category rules (one imported exclusion, one
    /// imported Scope 3 category, and the built-in payroll exclusion): every line, the ones left out
    /// included, has the same status, reason and figures on both paths.
    @Test(arguments: [2, 5, 13] as [UInt64])
    func everyLineAgreesWithAPeriodAndRules(seed: UInt64) throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let folder = t.folder + "/ledger"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.writeLedger(seed: seed, lines: 400, into: folder)
        // Some lines become payroll (excluded by the built-in rules).
        let purchases = folder + "/purchases.csv"
        var text = try String(contentsOfFile: purchases, encoding: .utf8)
        text = text.replacingOccurrences(of: ",722511,", with: ",payroll,")
        try Data(text.utf8).write(to: URL(fileURLWithPath: purchases))
        // 334111 is capitalised by Norway's threshold per item, 541512 by a company threshold in EUR
        // (amounts in other currencies converted at the year's rates): both paths place each line alike.
        // 221122's lines with a quantity in kWh take their average-data factor before a supplier's intensity.
        let categories = """
            category,scope3_category,excluded,asset_class,capitalisation_threshold,threshold_currency,prefer_activity_data
            481000,,"travel: counted from the agency's report",,,,
            334111,,,IT equipment,,,
            541512,,,consulting as an asset,3000,EUR,
            221122,,,,,,yes

            """
        try Data(categories.utf8).write(to: URL(fileURLWithPath: folder + "/categories.csv"))
        try t.workspace.importFolder(folder)
        _ = try t.workspace.importFile(.categories, folder + "/categories.csv")
        let period = try #require(ReportingPeriod(fiscalYear: 2024, startMonth: 7))
        _ = try t.workspace.setFiscalYearStartMonth(7)
        _ = try t.workspace.runs.calculate(CalculationOptions(full: true, threads: 2, period: .fiscalYear(2024)))
        let run = try #require(try t.workspace.runs.list().first)
        let workspaceLines = try Self.workspaceLines(t, run: run.id)
        for threads in [1, 3] {
            let stateless = try Self.statelessLines(folder, threads: threads, period: period)
            #expect(stateless.count == 400)
            #expect(Set(stateless.keys) == Set(workspaceLines.keys))
            var statuses: Set<String> = []
            for (id, fields) in stateless.sorted(by: { $0.key < $1.key }) {
                let theirs = try #require(workspaceLines[id])
                #expect(fields == theirs, "seed \(seed), \(threads) threads, purchase \(id)")
                statuses.insert(fields[0])
            }
            #expect(statuses.isSuperset(of: ["outside-period", "excluded"]), "\(statuses)")
        }
        // The Scope 3 category of every line, summed: equal on both paths, with lines on both sides of the thresholds.
        let data = try ReferenceDataReader.readFolder(directory: folder)
        let stateless = try LedgerScanner(engine: InventoryEngine(reference: data.reference), boundary: data.boundary(period: period))
            .scan(path: purchases, displayName: "purchases.csv")
        for c in Scope3Category.allCases {
            let a = stateless.kgByScope3[c]?.value ?? 0
            let b = run.summary.kgByScope3[c]?.value ?? 0
            #expect(abs(a - b) <= 1e-9 * max(1, abs(a)), "seed \(seed), Scope 3 category \(c.rawValue): \(a) vs \(b)")
        }
        #expect((stateless.kgByScope3[.capitalGoods]?.value ?? 0) > 0 && (stateless.kgByScope3[.purchasedGoodsAndServices]?.value ?? 0) > 0)
    }
}
