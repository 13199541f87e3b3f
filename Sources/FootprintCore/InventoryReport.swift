/// A report of an inventory grouped one way: by Scope 3 category, factor category, supplier,
/// method, month or customer; each group with its lines, emissions, share of the total, spend by
/// currency and method mix.
public struct InventoryReport: Sendable {
    public enum Grouping: String, Sendable, CaseIterable {
        case scope3, category, supplier, method, month, customer

        public var title: String {
            switch self {
            case .scope3: "Scope 3 category"
            case .category: "factor category"
            case .supplier: "supplier"
            case .method: "method"
            case .month: "month"
            case .customer: "customer"
            }
        }
    }

    public struct Row: Sendable {
        public var key: String
        public var label: String
        public var lines: Int
        public var kg: Double
        public var share: Double
        public var spend: [CurrencyCode: DecimalSum]
        /// kg by method name (and lines by method name, `unmapped` included).
        public var kgByMethod: [String: Double]
        public var linesByMethod: [String: Int]
    }

    public var grouping: Grouping
    public var rows: [Row]
    public var totalKg: Double

    /// Groups `aggregate`; `labels` gives display names (supplier names) by key.
    public init(_ aggregate: InventoryAggregate, by grouping: Grouping, labels: [String: String] = [:]) {
        self.grouping = grouping
        totalKg = aggregate.total.kg
        var cells: [(String, InventoryAggregate.Cell)]
        switch grouping {
        case .method:
            cells = (0..<5).map { m in
                var cell = InventoryAggregate.Cell()
                cell.lines[m] = aggregate.total.lines[m]
                cell.nanoKg[m] = aggregate.total.nanoKg[m]
                cell.spend = aggregate.methodSpendUnits[m]
                return (m < 4 ? CalculationMethod(rawValue: UInt8(m))!.name : CalculationMethod.unmappedName, cell)
            }.filter { $0.1.totalLines > 0 }
        case .scope3: cells = aggregate.cells(.scope3).map { ($0.key, $0.value) }
        case .category: cells = aggregate.cells(.category).map { ($0.key, $0.value) }
        case .supplier: cells = aggregate.cells(.supplier).map { ($0.key, $0.value) }
        case .month: cells = aggregate.cells(.month).map { ($0.key, $0.value) }
        case .customer: cells = aggregate.cells(.customer).map { ($0.key, $0.value) }
        }
        switch grouping {
        case .month: cells.sort { $0.0 < $1.0 }
        case .scope3: cells.sort { (Int($0.0.dropFirst(2)) ?? 0) < (Int($1.0.dropFirst(2)) ?? 0) }
        default: cells.sort { ($0.1.totalNanoKg, $1.0) > ($1.1.totalNanoKg, $0.0) }
        }
        let total = totalKg
        rows = cells.map { key, cell in
            var kgByMethod: [String: Double] = [:]
            var linesByMethod: [String: Int] = [:]
            for m in 0..<5 where cell.lines[m] > 0 {
                let name = m < 4 ? CalculationMethod(rawValue: UInt8(m))!.name : CalculationMethod.unmappedName
                linesByMethod[name] = cell.lines[m]
                if m < 4 { kgByMethod[name] = cell.kg(CalculationMethod(rawValue: UInt8(m))!) }
            }
            var label = labels[key] ?? ""
            if grouping == .scope3, let n = Int(key.dropFirst(2)), let category = Scope3Category(rawValue: n) { label = category.title }
            return Row(
                key: key,
                label: label,
                lines: cell.totalLines,
                kg: cell.kg,
                share: total == 0 ? 0 : cell.kg / total,
                spend: cell.spendSums(),
                kgByMethod: kgByMethod,
                linesByMethod: linesByMethod
            )
        }
    }

    static func spendText(_ spend: [CurrencyCode: DecimalSum]) -> String {
        spend.sortedByKey().map { "\($0.value.formatted(places: 2)) \($0.key)" }.joined(separator: "; ")
    }

    static func mixText(_ row: Row) -> String {
        guard row.kg != 0 else { return "" }
        return CalculationMethod.allCases.compactMap { m in
            guard let kg = row.kgByMethod[m.name], kg != 0 else { return nil }
            return "\(m.name) \(InventorySummary.percent(kg / row.kg))"
        }.joined(separator: ", ")
    }

    /// A plain-text table.
    public func table(limit: Int? = nil) -> String {
        let shown = limit.map { Array(rows.prefix($0)) } ?? rows
        var body = shown.map { r in
            [
                r.key, r.label, String(r.lines), InventorySummary.tonnes(r.kg), InventorySummary.percent(r.share), Self.spendText(r.spend),
                Self.mixText(r),
            ]
        }
        if shown.count < rows.count {
            let rest = rows.dropFirst(shown.count)
            let kg = rest.reduce(0) { $0 + $1.kg }
            body.append([
                "(\(rest.count) more)", "", String(rest.reduce(0) { $0 + $1.lines }), InventorySummary.tonnes(kg),
                InventorySummary.percent(totalKg == 0 ? 0 : kg / totalKg), "", "",
            ])
        }
        return "By \(grouping.title)\n"
            + InventorySummary.table([grouping.rawValue, "name", "lines", "t CO2e", "share", "spend", "method mix"], body)
    }

    /// A Markdown table.
    public func markdown(limit: Int? = nil) -> String {
        var out = "### By \(grouping.title)\n\n| \(grouping.rawValue) | name | lines | t CO2e | share | spend | method mix |\n"
        out += "| --- | --- | ---: | ---: | ---: | --- | --- |\n"
        let shown = limit.map { Array(rows.prefix($0)) } ?? rows
        for r in shown {
            out +=
                "| \(r.key) | \(r.label) | \(r.lines) | \(InventorySummary.tonnes(r.kg)) | \(InventorySummary.percent(r.share)) | \(Self.spendText(r.spend)) | \(Self.mixText(r)) |\n"
        }
        if shown.count < rows.count {
            let rest = rows.dropFirst(shown.count)
            let kg = rest.reduce(0) { $0 + $1.kg }
            out +=
                "| (\(rest.count) more) | | \(rest.reduce(0) { $0 + $1.lines }) | \(InventorySummary.tonnes(kg)) | \(InventorySummary.percent(totalKg == 0 ? 0 : kg / totalKg)) | | |\n"
        }
        return out
    }

    /// CSV rows: grouping, key, name, lines, kgco2e, share, spend per currency (`spend_NOK`...), kg per method.
    public func csvRows(currencies: [CurrencyCode]) -> [[String]] {
        rows.map { r in
            [grouping.rawValue, r.key, r.label, String(r.lines), "\(r.kg)", "\(r.share)"]
                + currencies.map { r.spend[$0]?.description ?? "" }
                + CalculationMethod.allCases.map { m in r.kgByMethod[m.name].map { "\($0)" } ?? "" }
                + [String(r.linesByMethod[CalculationMethod.unmappedName] ?? 0)]
        }
    }

    public static func csvHeader(currencies: [CurrencyCode]) -> [String] {
        ["grouping", "key", "name", "lines", "kgco2e", "share"] + currencies.map { "spend_\($0)" }
            + CalculationMethod.allCases.map { "kgco2e_\($0.name)" } + ["unmapped_lines"]
    }

    public func json() -> JSONValue {
        .array(
            rows.map { r in
                .object([
                    ("key", .string(r.key)), ("name", .string(r.label)), ("lines", .integer(r.lines)), ("kgco2e", .number(r.kg)),
                    ("share", .number(r.share)),
                    ("spend", .object(r.spend.sortedByKey().map { ($0.key.description, .decimal($0.value.description)) })),
                    ("kgco2e_by_method", .object(CalculationMethod.allCases.compactMap { m in r.kgByMethod[m.name].map { (m.name, .number($0)) } })),
                    (
                        "lines_by_method",
                        .object(
                            (CalculationMethod.allCases.map(\.name) + [CalculationMethod.unmappedName]).compactMap { n in
                                r.linesByMethod[n].map { (n, .integer($0)) }
                            }
                        )
                    ),
                ])
            }
        )
    }
}
