/// What changed between two inventories, by method, supplier, factor category and Scope 3
/// category: emissions before and after, and how many lines moved between methods (for example
/// from spend-based to hybrid when a supplier's disclosure arrived).
public struct InventoryDiff: Sendable {
    public struct Change: Sendable {
        public var key: String
        public var kgBefore: Double
        public var kgAfter: Double
        public var delta: Double { kgAfter - kgBefore }
        /// Lines per method (names, `unmapped` included) after minus before; zero entries left out.
        public var lineShift: [String: Int]
        public var linesBefore: Int
        public var linesAfter: Int

        /// `312 lines spend-based -> hybrid`-style text.
        public var shiftText: String {
            let names = CalculationMethod.allCases.map(\.name) + [CalculationMethod.unmappedName]
            let lost = names.filter { (lineShift[$0] ?? 0) < 0 }.map { "\($0) \(lineShift[$0]!)" }
            let gained = names.filter { (lineShift[$0] ?? 0) > 0 }.map { "\($0) +\(lineShift[$0]!)" }
            return (gained + lost).joined(separator: ", ")
        }
    }

    public var totalBefore: Double
    public var totalAfter: Double
    public var byDimension: [(InventoryReport.Grouping, [Change])]

    public init(before: InventoryAggregate, after: InventoryAggregate) {
        totalBefore = before.total.kg
        totalAfter = after.total.kg
        func changes(_ a: [String: InventoryAggregate.Cell], _ b: [String: InventoryAggregate.Cell]) -> [Change] {
            var result: [Change] = []
            for key in Set(a.keys).union(b.keys) {
                let x = a[key] ?? InventoryAggregate.Cell()
                let y = b[key] ?? InventoryAggregate.Cell()
                guard x.lines != y.lines || x.nanoKg != y.nanoKg else { continue }
                var shift: [String: Int] = [:]
                for m in 0..<5 where y.lines[m] != x.lines[m] {
                    shift[m < 4 ? CalculationMethod(rawValue: UInt8(m))!.name : CalculationMethod.unmappedName] = y.lines[m] - x.lines[m]
                }
                result.append(Change(key: key, kgBefore: x.kg, kgAfter: y.kg, lineShift: shift, linesBefore: x.totalLines, linesAfter: y.totalLines))
            }
            return result.sorted { (abs($0.delta), $1.key) > (abs($1.delta), $0.key) }
        }
        func methodCells(_ g: InventoryAggregate) -> [String: InventoryAggregate.Cell] {
            var cells: [String: InventoryAggregate.Cell] = [:]
            for m in 0..<5 where g.total.lines[m] > 0 {
                var cell = InventoryAggregate.Cell()
                cell.lines[m] = g.total.lines[m]
                cell.nanoKg[m] = g.total.nanoKg[m]
                cells[m < 4 ? CalculationMethod(rawValue: UInt8(m))!.name : CalculationMethod.unmappedName] = cell
            }
            return cells
        }
        byDimension = [
            (.method, changes(methodCells(before), methodCells(after))),
            (.supplier, changes(before.cells(.supplier), after.cells(.supplier))),
            (.category, changes(before.cells(.category), after.cells(.category))),
            (.scope3, changes(before.cells(.scope3), after.cells(.scope3))),
        ]
    }

    public var isEmpty: Bool { byDimension.allSatisfy { $0.1.isEmpty } }

    public func json() -> JSONValue {
        .object([
            ("total_kgco2e_before", .number(totalBefore)), ("total_kgco2e_after", .number(totalAfter)),
            ("delta_kgco2e", .number(totalAfter - totalBefore)),
            (
                "changes",
                .object(
                    byDimension.map { grouping, changes in
                        (
                            grouping.rawValue,
                            .array(
                                changes.map { c in
                                    .object([
                                        ("key", .string(c.key)), ("kgco2e_before", .number(c.kgBefore)), ("kgco2e_after", .number(c.kgAfter)),
                                        ("delta_kgco2e", .number(c.delta)), ("lines_before", .integer(c.linesBefore)),
                                        ("lines_after", .integer(c.linesAfter)),
                                        ("line_shift", .object(c.lineShift.sortedByKey().map { ($0.key, .integer($0.value)) })),
                                    ])
                                }
                            )
                        )
                    }
                )
            ),
        ])
    }
}
