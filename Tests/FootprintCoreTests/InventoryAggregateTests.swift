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
            acc.add(method: method, nanoKg: method < 4 ? AggregateAccumulator.nanoKg(kg) : 0, category: i % 3, scope3: 1 + i % 2,
                    month: 1500 + i % 12, customer: i % 4 == 0 ? -1 : i % 5, currency: i % 2, spendUnits: spend)
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
        let a = sample(seed: 1), b = sample(seed: 2)
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
}
