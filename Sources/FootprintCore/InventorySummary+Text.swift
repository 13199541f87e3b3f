extension InventorySummary {
    /// A readable report: totals by method and by category, the largest suppliers, and the
    /// unmapped lines with their reasons and spend. `supplierNames` maps ids to names for display.
    public func text(supplierNames: [String: String] = [:], topCategories: Int = 15, topSuppliers: Int = 10) -> String {
        let total = totalKg
        var out = period.map { "Reporting period: \($0.name) (\($0.startText) to \($0.endText))\n" } ?? ""
        out += "Scope 3 inventory: \(Self.tonnes(total)) t CO2e from \(lines) purchase lines"
        out += " (\(lines - unmappedLines) computed, \(unmappedLines) unmapped)\n"
        out += "Supplier data (supplier-specific + hybrid): \(Self.percent(supplierDataShare)) of emissions\n\n"

        var rows = CalculationMethod.allCases.map { method in
            [
                method.name, String(linesByMethod[method] ?? 0), Self.tonnes(kgByMethod[method]?.value ?? 0),
                Self.percent(total == 0 ? 0 : (kgByMethod[method]?.value ?? 0) / total),
            ]
        }
        rows.append([CalculationMethod.unmappedName, String(unmappedLines), "-", "-"])
        out += "By method\n" + Self.table(["method", "lines", "t CO2e", "share"], rows) + "\n"

        let categories = kgByCategory.sorted { ($0.value.value, $1.key) > ($1.value.value, $0.key) }
        rows = categories.prefix(topCategories).map { [$0.key, Self.tonnes($0.value.value), Self.percent(total == 0 ? 0 : $0.value.value / total)] }
        if categories.count > topCategories {
            let rest = categories.dropFirst(topCategories).reduce(0) { $0 + $1.value.value }
            rows.append(["(\(categories.count - topCategories) more)", Self.tonnes(rest), Self.percent(total == 0 ? 0 : rest / total)])
        }
        out += "By category\n" + Self.table(["category", "t CO2e", "share"], rows) + "\n"

        if !kgByScope3.isEmpty {
            rows = kgByScope3.sortedByKey().map {
                [$0.key.label, Self.tonnes($0.value.value), Self.percent(total == 0 ? 0 : $0.value.value / total)]
            }
            out += "By Scope 3 category\n" + Self.table(["category", "t CO2e", "share"], rows) + "\n"
        }

        let suppliers = kgBySupplier.sorted { ($0.value.value, $1.key) > ($1.value.value, $0.key) }
        rows = suppliers.prefix(topSuppliers).map {
            [$0.key, supplierNames[$0.key] ?? "", Self.tonnes($0.value.value), Self.percent(total == 0 ? 0 : $0.value.value / total)]
        }
        out += "Largest suppliers (\(topSuppliers) of \(suppliers.count))\n"
        out += Self.table(["supplier", "name", "t CO2e", "share"], rows) + "\n"

        if unmapped.isEmpty {
            out += "Unmapped lines: none\n"
        } else {
            let spendText = unmappedSpend.sortedByKey().map { "\($0.value.formatted(places: 2)) \($0.key)" }
            out += "Unmapped lines: \(unmappedLines), spend \(spendText.joined(separator: ", "))\n"
            rows = unmapped.sorted { ($0.value.lines, $1.key.subject) > ($1.value.lines, $0.key.subject) }.map { reason, tally in
                [
                    String(tally.lines),
                    tally.spend.sortedByKey().map { "\($0.value.formatted(places: 2)) \($0.key)" }
                        .joined(separator: ", "), reason.explanation,
                ]
            }
            out += Self.table(["lines", "spend", "reason"], rows)
        }
        // Credit notes with a note (a price-only rebate, an invoice not in the ledger) in a table of their own.
        let credit = fallThrough.filter { $0.key.isCreditNote }
        let fellThrough = fallThrough.filter { !$0.key.isCreditNote }
        for (title, reasons) in [("Lines that fell through to a later method", fellThrough), ("Credit notes computed with a note", credit)]
        where !reasons.isEmpty {
            let lines = reasons.values.reduce(0) { $0 + $1.lines }
            out += "\(title): \(lines)\n"
            rows = reasons.sortedByKey().map { reason, tally in
                [
                    String(tally.lines),
                    tally.spend.sortedByKey().map { "\($0.value.formatted(places: 2)) \($0.key)" }
                        .joined(separator: ", "), Self.tonnes(tally.kg.value), reason.code + ": " + reason.explanation,
                ]
            }
            out += Self.table(["lines", "spend", "t CO2e", "reason"], rows)
        }
        out += reconciliationText()
        return out
    }

    /// Lines outside the period, excluded lines by reason, and the ledger's total split into what is
    /// in the inventory and what is not, per currency; empty when every line is in the inventory.
    public func reconciliationText() -> String {
        guard period != nil || !excluded.isEmpty else { return "" }
        var rows: [[String]] = []
        // One row per currency; the part's label and line count on its first row, the label last so that a
        // long reason does not widen the figures.
        func add(_ part: String, _ lines: Int, _ spend: [CurrencyCode: DecimalSum]) {
            let sorted = spend.sortedByKey()
            if sorted.isEmpty { rows.append([String(lines), "", "-", part]) }
            for (i, (currency, amount)) in sorted.enumerated() {
                rows.append([i == 0 ? String(lines) : "", currency.description, amount.formatted(places: 2), i == 0 ? part : ""])
            }
        }
        add("in the inventory (computed and unmapped)", lines, includedSpend)
        for (reason, tally) in excluded.sorted(by: { $0.key < $1.key }) { add("excluded: " + reason, tally.lines, tally.spend) }
        if let period { add("dated outside \(period.startText) to \(period.endText)", outsidePeriod.lines, outsidePeriod.spend) }
        let ledger = ledger
        add("ledger total", ledger.lines, ledger.spend)
        return "\nLedger reconciliation\n" + Self.table(["lines", "currency", "spend", "part"], rows)
    }

    public static func tonnes(_ kg: Double) -> String { grouped(kg / 1000, places: 1) }

    public static func percent(_ share: Double) -> String { grouped(share * 100, places: 1) + "%" }

    /// A number with thousands separators and fixed decimals: `12,345.6`.
    public static func grouped(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e18 else { return "\(value)" }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        var digits = String(whole)
        var groupedText = ""
        while digits.count > 3 {
            groupedText = "," + digits.suffix(3) + groupedText
            digits.removeLast(3)
        }
        groupedText = digits + groupedText
        if places > 0 {
            let fraction = String(units % Int64(scale))
            groupedText += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return (value < 0 && units != 0 ? "-" : "") + groupedText
    }

    /// A plain-text table; numeric-looking columns are right-aligned.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let numeric = header.indices.map { i in
            rows.allSatisfy { $0[i].first.map { "-0123456789(".contains($0) } ?? true } && i > 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return numeric[i] ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return "  " + line(header) + rows.map { "  " + line($0) }.joined()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
