import Testing

@testable import FootprintCore

/// New figures for lines that keep their method, spend and groupings: the inventory plus the change in
/// their nano-kg is exactly the inventory of the lines with the new figures.
@Suite struct NanoKgDeltaTests {
    static let currencies = [CurrencyCode("NOK")!, CurrencyCode("EUR")!]

    /// Lines of two suppliers spread over hundreds of category, month and customer slots (so that every
    /// table grows several times), each with a figure; some of the first supplier's lines fell through.
    func inventory(figure: (Int) -> Double, delta: inout NanoKgDelta, old: (Int) -> Double) -> InventoryAggregate {
        var acc = AggregateAccumulator(currencyCount: 2)
        for supplier in [3, 400] {
            var lines = [Int](repeating: 0, count: 80)
            var nano = [Int128](repeating: 0, count: 80)
            var spend = [Int128](repeating: 0, count: 32)
            var scope3Delta = [Int128](repeating: 0, count: 80)
            var fellThrough = [Int128](repeating: 0, count: 5)
            // The lines made for no customer by category and Scope 3 category (the pool sources).
            var categoryKeys: [Int] = []
            var categoryLines: [Int] = []
            var categoryNano: [Int128] = []
            var deltaKeys: [Int] = []
            var deltaNano: [Int128] = []
            for i in 0..<1_000 {
                let method = i % 4
                let category = (i * 7) % 301
                let scope3 = 1 + i % 3
                let month = 1_400 + i % 250
                let customer = i % 5 == 0 ? -1 : (i * 3) % 211
                let activity = Double(i % 97) * 12.5 + 0.3
                let n = AggregateAccumulator.nanoKg(activity * figure(i + supplier))
                let units = Int128(i + 1) * 1_000_000_000_000_000
                acc.add(
                    method: method,
                    nanoKg: n,
                    category: category,
                    scope3: scope3,
                    month: month,
                    customer: customer,
                    currency: i % 2,
                    spendUnits: units
                )
                lines[scope3 * 5 + method] += 1
                nano[scope3 * 5 + method] += n
                spend[scope3 * 2 + i % 2] += units
                let d = n - AggregateAccumulator.nanoKg(activity * old(i + supplier))
                delta.add(method: method, nanoKg: d, category: category, scope3: scope3, month: month, customer: customer)
                if customer >= 0 {
                    delta.addCustomerPoolSource(customer: customer, scope3: scope3, method: method, nanoKg: d)
                } else {
                    let key = category << 4 | scope3
                    let k = deltaKeys.firstIndex(of: key) ?? deltaKeys.count
                    if k == deltaKeys.count {
                        deltaKeys.append(key)
                        deltaNano += [0, 0, 0, 0, 0]
                    }
                    deltaNano[k * 5 + method] += d
                }
                if customer < 0 {
                    let key = category << 4 | scope3
                    let k = categoryKeys.firstIndex(of: key) ?? categoryKeys.count
                    if k == categoryKeys.count {
                        categoryKeys.append(key)
                        categoryLines += [0, 0, 0, 0, 0]
                        categoryNano += [0, 0, 0, 0, 0]
                    }
                    categoryLines[k * 5 + method] += 1
                    categoryNano[k * 5 + method] += n
                }
                scope3Delta[scope3 * 5 + method] += d
                if supplier == 3 && i % 10 == 0 {
                    acc.addFallThrough(
                        .footprintNotValidOnDate(supplier: "S\(supplier)"),
                        method: method,
                        nanoKg: n,
                        currency: Self.currencies[i % 2],
                        spendUnits: units
                    )
                    fellThrough[method] += d
                }
            }
            acc.addSupplier(supplier, lines: lines, nanoKg: nano, spend: spend)
            acc.addSupplierCategories(supplier, keys: categoryKeys, lines: categoryLines, nanoKg: categoryNano)
            delta.addSupplierCategories(supplier, keys: deltaKeys, nanoKg: deltaNano)
            delta.addSupplier(supplier, scope3: scope3Delta, fellThrough: fellThrough)
        }
        return acc.aggregate(currencies: Self.currencies) { d, slot in d == .supplier ? "S\(slot)" : "\(d.rawValue)-\(slot)" }
    }

    @Test func theOldInventoryPlusTheChangeIsTheNewInventory() {
        let oldFigure: (Int) -> Double = { 0.37 + Double($0 % 13) * 0.011 }
        let newFigure: (Int) -> Double = { $0 % 3 == 0 ? oldFigure($0) : oldFigure($0) * 1.1 }
        var unused = NanoKgDelta()
        var delta = NanoKgDelta()
        var updated = inventory(figure: oldFigure, delta: &unused, old: oldFigure)
        #expect(unused.isZero)
        let expected = inventory(figure: newFigure, delta: &delta, old: oldFigure)
        #expect(!delta.isZero)
        #expect(updated != expected)
        // Split over two threads' deltas, as an incremental run does.
        var first = NanoKgDelta()
        var second = NanoKgDelta()
        _ = inventory(figure: newFigure, delta: &first, old: oldFigure)
        second.add(first)
        second.apply(
            to: &updated,
            name: { d, slot in d == .supplier ? "S\(slot)" : "\(d.rawValue)-\(slot)" },
            fallThrough: { .footprintNotValidOnDate(supplier: "S\($0)") }
        )
        #expect(updated == expected)
        #expect(updated.total.nanoKg != [0, 0, 0, 0, 0])
        // The pool sources moved with the figures: customers' cells and suppliers' cells by category.
        #expect(expected.hasPoolSources && expected.poolSources.keys.contains { $0.customer != nil })
        #expect(expected.poolSources.keys.contains { $0.supplier == "S400" && $0.category != nil })
        #expect(expected.poolSources.values.reduce(0) { $0 + $1.totalLines } == expected.total.totalLines)
    }

    /// An inventory changed by refiguring alone is written by patching the bytes of the one before it:
    /// the same bytes as writing it anew. A change that makes a cell, or an inventory of another shape,
    /// is not patched.
    @Test func patchingTheEarlierBytesWritesTheNewInventory() throws {
        let oldFigure: (Int) -> Double = { 0.41 + Double($0 % 11) * 0.013 }
        let newFigure: (Int) -> Double = { $0 % 4 == 0 ? oldFigure($0) : oldFigure($0) * 0.93 }
        let name: (InventoryAggregate.Dimension, Int) -> String = { d, slot in d == .supplier ? "S\(slot)" : "\(d.rawValue)-\(slot)" }
        let fallThrough: (Int) -> FallThrough = { .footprintNotValidOnDate(supplier: "S\($0)") }
        var unused = NanoKgDelta()
        var delta = NanoKgDelta()
        var updated = inventory(figure: oldFigure, delta: &unused, old: oldFigure)
        let expected = inventory(figure: newFigure, delta: &delta, old: oldFigure)
        var order: InventoryAggregate.PoolSourceOrder?
        let (bytes, layout) = updated.binaryWithLayout(poolSourceOrder: &order)
        #expect(bytes == updated.binary())
        let changed = delta.apply(to: &updated, name: name, fallThrough: fallThrough)
        #expect(updated == expected)
        #expect(!changed.reshaped && changed.cells.count > 1_000)
        #expect(changed.cells.contains { if case .fallThrough = $0 { true } else { false } })
        #expect(changed.cells.contains { if case .poolSource = $0 { true } else { false } })
        var patched = bytes
        #expect(updated.patch(&patched, layout: layout, changed: changed))
        #expect(patched != bytes)
        #expect(patched == updated.binary(poolSourceOrder: &order))
        #expect(patched == updated.binary())
        #expect(try #require(InventoryAggregate(binary: patched)) == expected)
        // Applied to an inventory without those cells, the change makes them: not patched.
        var empty = InventoryAggregate()
        let made = delta.apply(to: &empty, name: name, fallThrough: fallThrough)
        #expect(made.reshaped)
        var copy = bytes
        #expect(!empty.patch(&copy, layout: layout, changed: made))
        // One cell more than the layout's inventory, or a cell the layout does not know: not patched.
        var other = updated
        other.groups[.category]?["extra"] = InventoryAggregate.Cell()
        #expect(!other.patch(&copy, layout: layout, changed: changed))
        var unknown = changed
        unknown.cells.append(.group(.category, "extra"))
        #expect(!updated.patch(&copy, layout: layout, changed: unknown))
    }
}
