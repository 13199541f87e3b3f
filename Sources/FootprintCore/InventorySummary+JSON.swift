extension InventorySummary {
    /// The machine-readable summary. Other tools depend on these keys: `total_kgco2e`, `by_method`,
    /// `lines_by_method`, `by_category`, `by_supplier`, `unmapped` {`lines`, `spend`, `reasons`}.
    /// Added keys: `lines`, `supplier_data_share`, `by_customer`, `spend_by_method`, `unmapped.details`, and
    /// `fall_through` {`lines`, `details`} when some line fell through a rule (a footprint not valid on its date).
    /// The corporate inventory's keys (docs/inventory.md): `period` ({`start`, `end`, ...} or null when every
    /// line counts), `scope3_kgco2e`, `by_scope3_category` {"1".."15"}, `outside_period` {`lines`, `spend`},
    /// `excluded` {`lines`, `spend`, `reasons`, `details`}, and `ledger` {`lines`, `spend`, `included`,
    /// `excluded`, `outside_period`}, whose spends add up exactly per currency.
    public func json() -> JSONValue {
        func sorted(_ table: [String: CompensatedSum]) -> JSONValue {
            .object(table.sortedByKey().map { ($0.key, .number($0.value.value)) })
        }
        func spend(_ table: [CurrencyCode: DecimalSum]) -> JSONValue {
            .object(table.sortedByKey().map { ($0.key.description, .decimal($0.value.description)) })
        }
        var lineCounts: [(String, JSONValue)] = CalculationMethod.allCases.map { ($0.name, .integer(linesByMethod[$0] ?? 0)) }
        lineCounts.append((CalculationMethod.unmappedName, .integer(unmappedLines)))
        var spendMembers: [(String, JSONValue)] = CalculationMethod.allCases.map { ($0.name, spend(spendByMethod[$0] ?? [:])) }
        spendMembers.append((CalculationMethod.unmappedName, spend(spendByMethod[nil] ?? [:])))
        var reasons: [String: Int] = [:]
        for (reason, tally) in unmapped { reasons[reason.code, default: 0] += tally.lines }
        let details = unmapped.sorted { ($0.key.code, $0.key.subject) < ($1.key.code, $1.key.subject) }.map { reason, tally in
            JSONValue.object([
                ("reason", .string(reason.code)), ("subject", .string(reason.subject)),
                ("explanation", .string(reason.explanation)), ("lines", .integer(tally.lines)), ("spend", spend(tally.spend)),
            ])
        }
        var members: [(String, JSONValue)] = [
            ("total_kgco2e", .number(totalKg)),
            ("lines", .integer(lines)),
            ("supplier_data_share", .number(supplierDataShare)),
            ("by_method", .object(CalculationMethod.allCases.map { ($0.name, .number(kgByMethod[$0]?.value ?? 0)) })),
            ("lines_by_method", .object(lineCounts)),
            ("by_category", sorted(kgByCategory)),
            ("by_supplier", sorted(kgBySupplier)),
            ("by_customer", sorted(kgByCustomer)),
            ("spend_by_method", .object(spendMembers)),
            (
                "unmapped",
                .object([
                    ("lines", .integer(unmappedLines)),
                    ("spend", spend(unmappedSpend)),
                    ("reasons", .object(reasons.sortedByKey().map { ($0.key, .integer($0.value)) })),
                    ("details", .array(details)),
                ])
            ),
        ]
        func tally(_ t: UnmappedTally) -> JSONValue { .object([("lines", .integer(t.lines)), ("spend", spend(t.spend))]) }
        let excludedTotal = excludedTotal
        let ledger = ledger
        members += [
            ("period", period?.json() ?? .null),
            ("scope3_kgco2e", .number(totalKg)),
            (
                "by_scope3_category",
                .object(Scope3Category.allCases.map { (String($0.rawValue), .number(kgByScope3[$0]?.value ?? 0)) })
            ),
            ("outside_period", tally(outsidePeriod)),
            (
                "excluded",
                .object([
                    ("lines", .integer(excludedTotal.lines)),
                    ("spend", spend(excludedTotal.spend)),
                    ("reasons", .object(excluded.sortedByKey().map { ($0.key, .integer($0.value.lines)) })),
                    (
                        "details",
                        .array(
                            excluded.sortedByKey().map { reason, t in
                                .object([("reason", .string(reason)), ("lines", .integer(t.lines)), ("spend", spend(t.spend))])
                            }
                        )
                    ),
                ])
            ),
            (
                "ledger",
                .object([
                    ("lines", .integer(ledger.lines)), ("spend", spend(ledger.spend)),
                    ("included", .object([("lines", .integer(lines)), ("spend", spend(includedSpend))])),
                    ("excluded", tally(excludedTotal)), ("outside_period", tally(outsidePeriod)),
                ])
            ),
        ]
        if !fallThrough.isEmpty {
            // Only when some line fell through, so that summaries without PACT footprints keep their keys.
            members.append(
                (
                    "fall_through",
                    .object([
                        ("lines", .integer(fallThrough.values.reduce(0) { $0 + $1.lines })),
                        (
                            "details",
                            .array(
                                fallThrough.sortedByKey().map { reason, tally in
                                    JSONValue.object([
                                        ("reason", .string(reason.code)), ("subject", .string(reason.subject)),
                                        ("explanation", .string(reason.explanation)), ("lines", .integer(tally.lines)),
                                        ("spend", spend(tally.spend)), ("kgco2e", .number(tally.kg.value)),
                                    ])
                                }
                            )
                        ),
                    ])
                )
            )
        }
        return .object(members)
    }
}
