import FootprintCore
import FootprintStore
import Foundation
import Hummingbird

/// The method mix over time: per reporting period (its published run when closed, else its
/// latest, as the overview's trend) and per run, the kg, share of kg and spend per calculation
/// method, from `InventoryReport(run.aggregate, by: .method)`, which `report --run N --by method`
/// prints. The share of spend divides each method's spend by the run's spend in that currency.
extension WebApplication {
    /// One run's method report, as `report --run N --by method` gives it.
    struct MethodMix {
        var run: CalculationRun
        var report: InventoryReport

        init(_ run: CalculationRun) {
            self.run = run
            report = InventoryReport(run.aggregate, by: .method)
        }

        func row(_ method: String) -> InventoryReport.Row? { report.rows.first { $0.key == method } }

        /// The run's spend per currency: every method row's, lines not computed (unmapped) included.
        var spendTotals: [CurrencyCode: DecimalSum] {
            var totals: [CurrencyCode: DecimalSum] = [:]
            for r in report.rows { for (c, s) in r.spend { totals[c, default: DecimalSum()].add(s) } }
            return totals
        }

        /// A method's share of the run's spend in `currency`.
        func spendShare(_ method: String, _ currency: CurrencyCode) -> Double? {
            guard let total = spendTotals[currency], total.units != 0 else { return nil }
            return Double(row(method)?.spend[currency]?.units ?? 0) / Double(total.units)
        }
    }

    static let methodNames = CalculationMethod.allCases.map(\.name)

    func methodMix(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .methods)
        let text = WebText(language: user.language)
        let runs = try workspace.runs.list().map(MethodMix.init)
        let periods = try figures.trend().map { p in (p.period, MethodMix(p.run)) }
        var currencies = Set<CurrencyCode>()
        for m in runs { currencies.formUnion(m.spendTotals.keys) }
        let currencyList = currencies.sorted()
        if Self.wantsCSV(request) {
            var rows = [
                ["period", "run", "method", "lines", "kgco2e", "share_of_kg"] + currencyList.flatMap { ["spend_\($0)", "share_of_spend_\($0)"] }
            ]
            for m in runs {
                for r in m.report.rows {
                    rows.append(
                        [m.run.period?.name ?? "all", String(m.run.id), r.key, String(r.lines), Self.kgValue(r.kg), "\(r.share)"]
                            + currencyList.flatMap { c in [r.spend[c]?.description ?? "", m.spendShare(r.key, c).map { "\($0)" } ?? ""] }
                    )
                }
            }
            return WebResponse.csv(rows, file: "method-mix.csv")
        }
        var body = "<p>\(HTML.escape(text(.methodMixText)))</p>\n" + csvLink(request, text)
        // The charts: share of kg, and of spend in the currency with the most spend.
        let main = currencyList.max { a, b in
            runs.reduce(0) { $0 + ($1.spendTotals[a]?.doubleValue ?? 0) } < runs.reduce(0) { $0 + ($1.spendTotals[b]?.doubleValue ?? 0) }
        }
        body += "<h2>\(HTML.escape(text(.byPeriod)))</h2>\n"
        body += WebChart.methods(
            id: "mix-kg",
            title: text(.kgShareChart),
            columns: periods.map { p, m in .init(label: p.name, values: Self.methodNames.map { m.row($0)?.share ?? 0 }) },
            shares: true,
            text: text
        )
        if let main {
            body += WebChart.methods(
                id: "mix-spend",
                title: text(.spendShareChart) + " (\(main))",
                columns: periods.map { p, m in .init(label: p.name, values: Self.methodNames.map { m.spendShare($0, main) ?? 0 }) },
                shares: true,
                text: text
            )
        }
        body += "<p class=\"run\">\(HTML.escape(text(.spendShareNote)))</p>\n"
        body += mixTable(periods.map { ($0.name, $1) }, main: main, caption: text(.byPeriod), id: "periods", text: text)
        body += spendTable(periods.map { ($0.name, $1) }, currencies: currencyList, text: text)
        body += "<h2>\(HTML.escape(text(.byRun)))</h2>\n"
        body += mixTable(runs.map { ("#\($0.run.id)", $0) }, main: main, caption: text(.byRun), id: "runs-mix", text: text)
        return try render(context, title: text(.methodMixTitle), current: "/app/methods", body: body)
    }

    /// One row per period or run and method: lines, t CO2e, share of kg, and share of spend in `main`.
    func mixTable(_ items: [(String, MethodMix)], main: CurrencyCode?, caption: String, id: String, text: WebText) -> String {
        var keys: [String] = []
        return HTMLTable(
            caption: caption,
            header: [id == "periods" ? text(.period) : text(.run), text(.method), text(.lines), text(.tco2e), text(.kgShare)]
                + (main.map { ["\(text(.spendShare)) \($0)"] } ?? []),
            numeric: [2, 3, 4, 5],
            rows: items.flatMap { label, m in
                (Self.methodNames + [CalculationMethod.unmappedName]).compactMap { name -> [HTMLTable.Cell]? in
                    guard let r = m.row(name) else { return nil }
                    keys.append("\(m.run.id) \(name)")
                    let head = label.hasPrefix("#") ? "\(label) (\(m.run.period?.name ?? "all"))" : "\(label) (#\(m.run.id))"
                    let isMethod = name != CalculationMethod.unmappedName
                    let share = main.flatMap { m.spendShare(name, $0) }
                    return [
                        .text(head), .text(text.method(name)), .text(text.count(r.lines)),
                        isMethod ? .figure(text.tonnes(r.kg), value: Self.kgValue(r.kg)) : .text("–"),
                        isMethod ? .figure(text.percent(r.share), value: "\(r.share)") : .text("–"),
                    ] + (main == nil ? [] : [.figure(share.map { text.percent($0) } ?? "", value: share.map { "\($0)" })])
                }
            },
            id: id,
            rowKeys: keys
        ).render()
    }

    /// Per period or run and currency, each method's share of the spend (amounts in the CSV).
    func spendTable(_ items: [(String, MethodMix)], currencies: [CurrencyCode], text: WebText) -> String {
        let names = Self.methodNames + [CalculationMethod.unmappedName]
        return HTMLTable(
            caption: text(.spendShare),
            header: [text(.period), text(.spend)] + names.map { text.method($0) },
            numeric: Set(2..<(2 + names.count)),
            rows: items.flatMap { label, m in
                currencies.filter { m.spendTotals[$0] != nil }.map { c -> [HTMLTable.Cell] in
                    [.text(label), .text(c.description)]
                        + names.map { name in
                            let share = m.spendShare(name, c) ?? 0
                            return .figure(text.percent(share), value: "\(share)")
                        }
                }
            },
            id: "spend-shares"
        ).render()
    }
}
