import Testing

@testable import FootprintCore

/// The run inventory: exact integer sums that add and subtract, and its stored binary form.
@Suite struct InventoryAggregateTests {
    func sample(seed: Int) -> InventoryAggregate {
        var acc = AggregateAccumulator(currencyCount: 2)
        for i in 0..<200 {
            let method = (i * 7 + seed) % 5
            let kg = Double((i * 31 + seed) % 997) * 1.234567
            let spend = Int128(i * 1000 + seed) * 10_000_000_000_000_000
            acc.add(
                method: method,
                nanoKg: method < 4 ? AggregateAccumulator.nanoKg(kg) : 0,
                category: i % 3,
                scope3: 1 + i % 2,
                month: 1500 + i % 12,
                customer: i % 4 == 0 ? -1 : i % 5,
                currency: i % 2,
                spendUnits: spend
            )
            if method == 4 { acc.addUnmapped(.noFactor(category: "c\(i % 3)"), currency: CurrencyCode("NOK")!, spendUnits: spend) }
        }
        acc.addSupplier(7, lines: [1, 2, 3, 4, 5], nanoKg: [10, 20, 30, 40, 0], spend: [5, 6])
        return acc.aggregate(currencies: [CurrencyCode("NOK")!, CurrencyCode("EUR")!]) { d, slot in "\(d.rawValue)-\(slot)" }
    }

    @Test func binaryFormRoundTrips() throws {
        let a = sample(seed: 3)
        let decoded = try #require(InventoryAggregate(binary: a.binary()))
        #expect(decoded == a)
        #expect(InventoryAggregate(binary: Array(a.binary().dropLast())) == nil, "a truncated blob is rejected")
    }

    @Test func addingThenSubtractingRestoresExactly() {
        let a = sample(seed: 1)
        let b = sample(seed: 2)
        var sum = a
        sum.add(b)
        #expect(sum != a)
        sum.add(b, sign: -1)
        #expect(sum == a)
    }

    @Test func totalsAreTheSumOfEachGrouping() {
        let a = sample(seed: 5)
        for dimension in [InventoryAggregate.Dimension.category, .scope3] {
            let lines = a.cells(dimension).values.reduce(0) { $0 + $1.totalLines }
            let nano = a.cells(dimension).values.reduce(Int128(0)) { $0 + $1.totalNanoKg }
            #expect(lines == a.total.totalLines)
            #expect(nano == a.total.totalNanoKg)
        }
    }

    @Test func reasonsAreStoredTyped() throws {
        var acc = AggregateAccumulator(currencyCount: 1)
        let nok = CurrencyCode("NOK")!
        for reason in [
            UnmappedReason.noFactor(category: "catering, \"misc\""), .noExchangeRate(currency: CurrencyCode("DKK")!, year: 2023),
            .noPriceIndex(year: 2021),
        ] {
            acc.add(method: 4, nanoKg: 0, category: 0, scope3: 1, month: 1500, customer: -1, currency: 0, spendUnits: 7)
            acc.addUnmapped(reason, currency: nok, spendUnits: 7)
        }
        acc.addFallThrough(.footprintNotValidOnDate(supplier: "S 1"), method: 3, nanoKg: 12, currency: nok, spendUnits: 5)
        let a = acc.aggregate(currencies: [nok]) { d, slot in "\(d.rawValue)-\(slot)" }
        let decoded = try #require(InventoryAggregate(binary: a.binary()))
        #expect(decoded == a)
        #expect(
            decoded.unmapped.keys.sorted() == [
                .noExchangeRate(currency: CurrencyCode("DKK")!, year: 2023), .noFactor(category: "catering, \"misc\""), .noPriceIndex(year: 2021),
            ]
        )
        #expect(decoded.summary().fallThrough[.footprintNotValidOnDate(supplier: "S 1")]?.lines == 1)
    }

    /// A run stored by an earlier version (binary version 3) kept reasons as code, subject and explanation.
    @Test func readsReasonsStoredAsTextsByVersion3() throws {
        var bytes: [UInt8] = [3, 0]
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        func i64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        func string(_ s: String) {
            u32(UInt32(s.utf8.count))
            bytes += Array(s.utf8)
        }
        func cell(lines4: Int64) {
            for m in 0..<5 { i64(m == 4 ? lines4 : 0) }
            for _ in 0..<10 { i64(0) }
            u32(0)
        }
        cell(lines4: 2)
        for _ in 0..<5 { u32(0) }  // spend per method
        for _ in 0..<5 { u32(0) }  // five groupings, no cells
        u32(2)
        string("no-exchange-rate")
        string("DKK 2023")
        string("no exchange rate for DKK in 2023: ...")
        cell(lines4: 1)
        string("no-factor")
        string("catering")
        string("no factor for category 'catering': ...")
        cell(lines4: 1)
        u32(1)
        string("footprint-not-valid-on-date")
        string("S1")
        string("...")
        cell(lines4: 0)
        let a = try #require(InventoryAggregate(binary: bytes))
        #expect(Set(a.unmapped.keys) == [.noExchangeRate(currency: CurrencyCode("DKK")!, year: 2023), .noFactor(category: "catering")])
        #expect(a.fallThrough.keys.first == .footprintNotValidOnDate(supplier: "S1"))
        #expect(a.total.lines[4] == 2)
        // Written again, it is the current version and reads back the same.
        #expect(a.binary().first == InventoryAggregate.binaryVersion)
        #expect(InventoryAggregate(binary: a.binary()) == a)
    }

    /// Version 5 keeps the period and the lines left out; version 4 reads with none (and, as every
    /// version before 6, without knowing its manufactured lines).
    @Test func version5KeepsThePeriodAndTheLinesLeftOut() throws {
        var a = InventoryAggregate()
        a.total.lines[0] = 3
        a.period = ReportingPeriod(fiscalYear: 2024, startMonth: 7)
        a.outsidePeriod.lines[4] = 2
        a.outsidePeriod.spend[CurrencyCode("NOK")!] = 110 * 1_000_000_000_000_000_000
        a.excluded["payroll"] = InventoryAggregate.Cell()
        a.excluded["payroll"]!.lines[4] = 1
        a.excluded["payroll"]!.spend[CurrencyCode("EUR")!] = 5
        let bytes = a.binary()
        #expect(bytes.first == 7)
        let b = try #require(InventoryAggregate(binary: bytes))
        #expect(b == a)
        #expect(b.summary().period == a.period && b.summary().outsidePeriod.lines == 2 && b.summary().excluded["payroll"]?.lines == 1)
        #expect(b.ledgerLines == 6)
        var plain = InventoryAggregate()
        plain.total.lines[0] = 3
        var v4 = plain.binary()
        v4.removeLast(1 + (5 * 8 + 5 * 16 + 4) + 4 + (1 + 4) + (1 + 4))
        v4[0] = 4
        let c = try #require(InventoryAggregate(binary: v4))
        plain.hasManufactured = false
        plain.hasPoolSources = false
        #expect(c == plain && c.period == nil)
    }

    /// Version 7 keeps the purchase lines by pool source (a customer's, a supplier's by category);
    /// version 6 reads without them, and an inventory added to one without them has none.
    @Test func version7KeepsThePoolSources() throws {
        var a = InventoryAggregate()
        a.total.lines = [3, 0, 0, 1, 1]
        a.total.nanoKg = [30, 0, 0, 7, 0]
        var forCustomer = InventoryAggregate.Cell()
        forCustomer.lines[0] = 2
        forCustomer.nanoKg[0] = 20
        var ofSupplier = InventoryAggregate.Cell()
        ofSupplier.lines = [1, 0, 0, 1, 1]
        ofSupplier.nanoKg = [10, 0, 0, 7, 0]
        a.poolSources[.init(scope3: 1, supplier: nil, category: nil, customer: "C1")] = forCustomer
        a.poolSources[.init(scope3: 2, supplier: "SUP-1", category: "servers", customer: nil)] = ofSupplier
        let bytes = a.binary()
        let b = try #require(InventoryAggregate(binary: bytes))
        #expect(b == a && b.hasPoolSources)
        var v6 = bytes
        let v7Section = 1 + 4 + (2 + 4 + 2 + 5 * 8 + 5 * 16) + (2 + 4 + 5 + 4 + 7 + 5 * 8 + 5 * 16)
        v6.removeLast(v7Section)
        v6[0] = 6
        let c = try #require(InventoryAggregate(binary: v6))
        #expect(!c.hasPoolSources && c.poolSources.isEmpty && c.total == a.total)
        var sum = a
        sum.add(c)
        #expect(!sum.hasPoolSources && sum.poolSources.isEmpty)
        var twice = a
        twice.add(a)
        twice.add(a, sign: -1)
        #expect(twice == a)
    }

    /// The pool-source cells are written in key order: sorted by ranks, the same as by comparing the
    /// keys; an order kept from an inventory with the same cells is used as it is, and one of other
    /// cells is replaced by the sorted order.
    @Test func poolSourcesAreWrittenInKeyOrderWhateverOrderIsKept() throws {
        var a = InventoryAggregate()
        let names = ["Ø-kunde", "C10", "C2", "", "Å", "c1"]
        for (i, customer) in names.enumerated() {
            var cell = InventoryAggregate.Cell()
            cell.lines[0] = i + 1
            cell.nanoKg[0] = Int128(i * 10)
            a.poolSources[.init(scope3: 1 + i % 3, supplier: nil, category: nil, customer: customer)] = cell
            a.poolSources[.init(scope3: 1 + i % 2, supplier: "S\(i % 2)", category: customer, customer: nil)] = cell
        }
        let sorted = a.poolSources.keys.sorted()
        #expect(a.poolSourcesInOrder().map(\.key) == sorted)
        var order: InventoryAggregate.PoolSourceOrder?
        let bytes = a.binary(poolSourceOrder: &order)
        #expect(bytes == a.binary())
        // The same cells with other values: the kept order, the same bytes as sorting them.
        var b = a
        for key in sorted { b.poolSources[key]!.nanoKg[1] += 5 }
        let kept = order
        #expect(b.binary(poolSourceOrder: &order) == b.binary())
        #expect(order.map { $0.cells(of: b) != nil } == true && kept.map { $0.cells(of: a) != nil } == true)
        // One cell more, or one cell other: sorted again, and the order replaced.
        var c = a
        c.poolSources[.init(scope3: 15, supplier: nil, category: nil, customer: "Z")] = InventoryAggregate.Cell()
        #expect(c.binary(poolSourceOrder: &order) == c.binary())
        #expect(order?.cells(of: c) != nil && order?.cells(of: a) == nil)
        var d = a
        d.poolSources[sorted[0]] = nil
        d.poolSources[.init(scope3: 3, supplier: "S9", category: "x", customer: nil)] = InventoryAggregate.Cell()
        #expect(kept?.cells(of: d) == nil)
        var fromKept = kept
        #expect(d.binary(poolSourceOrder: &fromKept) == d.binary())
        #expect(try #require(InventoryAggregate(binary: d.binary())) == d)
    }
}
