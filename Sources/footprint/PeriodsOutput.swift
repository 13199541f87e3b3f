import FootprintCore
import FootprintStore
import Foundation

/// How closings and restatements are shown: the published figure first, the restatement beside it.
enum PeriodsOutput {
    /// A closing's JSON members.
    static func json(_ c: PeriodClosing) -> [(String, JSONValue)] {
        [
            ("period", c.period.json()), ("name", .string(c.period.name)), ("status", .string(c.inForce ? "closed" : "reopened")),
            ("run", .integer(Int(c.runID))), ("closed_at", .string(c.closedAt)), ("closed_by", .string(c.closedBy)),
            ("reopened_at", c.reopened.map { .string($0.at) } ?? .null), ("reopened_by", c.reopened.map { .string($0.by) } ?? .null),
            ("reopen_reason", c.reopened.map { .string($0.reason) } ?? .null),
        ]
    }

    /// `Reporting period 2024 is closed: its published figure is run #3 (closed ... by alice).`, what the
    /// reported run is to it, and, when the period's latest run (`pending`) is behind the workspace's
    /// inputs, that calculating the period gives the restatement.
    static func closingNote(_ c: PeriodClosing, reported run: CalculationRun, pending: Int64? = nil) -> String {
        var note =
            "Reporting period \(c.period.name) is closed: its published figure is run #\(c.runID) (closed \(c.closedAt.prefix(19)) UTC by \(c.closedBy))."
        if run.id > c.runID {
            note += " Run #\(run.id), reported here, is a restatement of it, not the published figure."
        } else if run.id < c.runID {
            note += " Run #\(run.id), reported here, is an earlier run of the period, not the published figure."
        }
        if let pending {
            note +=
                "\nThe workspace's inputs have changed since run #\(pending), the period's latest run: "
                + "'footprint calculate --period \(c.period.name)' computes what they give, shown then as a restatement."
        }
        return note
    }

    /// One row per scope: published and restated kg (Scope 1 and 2 from the runs' activity files).
    struct ScopeRow {
        var scope: String
        var published: Double?
        var restated: Double?
    }

    static func scopeRows(published: CorporateInventory, restated: CorporateInventory) -> [ScopeRow] {
        var rows: [ScopeRow] = []
        if published.scope1Kg != nil || restated.scope1Kg != nil {
            rows.append(ScopeRow(scope: "Scope 1", published: published.scope1Kg, restated: restated.scope1Kg))
        }
        if published.scope2LocationKg != nil || restated.scope2LocationKg != nil {
            rows.append(ScopeRow(scope: "Scope 2 (location-based)", published: published.scope2LocationKg, restated: restated.scope2LocationKg))
            rows.append(ScopeRow(scope: "Scope 2 (market-based)", published: published.scope2MarketKg, restated: restated.scope2MarketKg))
        }
        rows.append(ScopeRow(scope: "Scope 3", published: published.scope3Kg, restated: restated.scope3Kg))
        return rows
    }

    static func tonnes(_ kg: Double?) -> String { kg.map { InventorySummary.tonnes($0) } ?? "-" }
    static func signed(_ kg: Double) -> String { (kg < 0 ? "-" : "+") + InventorySummary.tonnes(abs(kg)) }

    /// The restatement section of `report` (table format).
    static func text(_ r: Restatement, scopes: [ScopeRow], limit: Int) -> String {
        let (a, b) = (r.published.aggregate.total.totalNanoKg, r.restated.aggregate.total.totalNanoKg)
        var out =
            "Restatement of \(r.closing.period.name): run #\(r.restated.id) (\(r.restated.createdAt.prefix(19)) UTC) differs from the published figure, run #\(r.published.id)\n"
        out += InventorySummary.table(
            ["", "run", "t CO2e", "kg CO2e (exact)"],
            [
                ["published", "#\(r.published.id)", InventorySummary.tonnes(Double(a) / 1e9), ChangeAttribution.exactKg(a)],
                ["restated", "#\(r.restated.id)", InventorySummary.tonnes(Double(b) / 1e9), ChangeAttribution.exactKg(b)],
                [
                    "difference", "",
                    ChangeAttribution.signedTonnes(r.deltaNanoKg) + (a == 0 ? "" : " (\(signedPercent(Double(r.deltaNanoKg) / Double(a))))"),
                    signedKg(r.deltaNanoKg),
                ],
            ]
        )
        out += "\nBy scope\n"
        out += InventorySummary.table(
            ["scope", "t published", "t restated", "change"],
            scopes.map { s in
                [
                    s.scope, tonnes(s.published), tonnes(s.restated),
                    s.published == nil || s.restated == nil ? "-" : signed(s.restated! - s.published!),
                ]
            }
        )
        let categories = r.scope3Changes
        if !categories.isEmpty {
            out += "\nBy Scope 3 category (purchases)\n"
            out += InventorySummary.table(
                ["scope3", "t published", "t restated", "change", "kg change (exact)"],
                categories.map { c in
                    [
                        c.key, InventorySummary.tonnes(Double(c.published) / 1e9), InventorySummary.tonnes(Double(c.restated) / 1e9),
                        ChangeAttribution.signedTonnes(c.restated - c.published),
                        signedKg(c.restated - c.published),
                    ]
                }
            )
        }
        out += "\n" + r.attribution.text(limit: limit)
        let why = r.why.sentences
        out += "\nWhy (the inputs that changed since the published run):\n"
        out += why.isEmpty ? "  the same imports and factor libraries\n" : why.map { "  - \($0)\n" }.joined()
        out +=
            "The published figure stands. To publish run #\(r.restated.id) instead: 'footprint periods reopen \(r.closing.period.name) --reason TEXT', then 'footprint periods close \(r.closing.period.name)'.\n"
        return out
    }

    /// The restatement section in Markdown.
    static func markdown(_ r: Restatement, scopes: [ScopeRow]) -> String {
        let (a, b) = (r.published.aggregate.total.totalNanoKg, r.restated.aggregate.total.totalNanoKg)
        var out = "### Restatement of \(r.closing.period.name)\n\n"
        out += "Run #\(r.restated.id) differs from the published figure, run #\(r.published.id): "
        out +=
            "\(ChangeAttribution.exactKg(a)) -> \(ChangeAttribution.exactKg(b)) kg CO2e (\(signedKg(r.deltaNanoKg)) kg). "
        out += "\(r.attribution.summary). The published figure stands.\n\n"
        out += "| scope | t published | t restated | change |\n| --- | ---: | ---: | ---: |\n"
        for s in scopes {
            out +=
                "| \(s.scope) | \(tonnes(s.published)) | \(tonnes(s.restated)) | \(s.published == nil || s.restated == nil ? "-" : signed(s.restated! - s.published!)) |\n"
        }
        for c in r.scope3Changes {
            out +=
                "| Scope 3, category \(c.key) | \(InventorySummary.tonnes(Double(c.published) / 1e9)) | \(InventorySummary.tonnes(Double(c.restated) / 1e9)) | \(ChangeAttribution.signedTonnes(c.restated - c.published)) |\n"
        }
        if !r.attribution.suppliers.isEmpty {
            out += "\n| supplier | kg change | activity | method switch | figures |\n| --- | ---: | ---: | ---: | ---: |\n"
            for s in r.attribution.suppliers {
                out +=
                    "| \(s.key) | \(signedKg(s.delta)) | \(signedKg(s.parts.activity)) | \(signedKg(s.parts.methodSwitch)) | \(signedKg(s.parts.figures)) |\n"
            }
        }
        let why = r.why.sentences
        if !why.isEmpty { out += "\nWhy:\n\n" + why.map { "- \($0)\n" }.joined() }
        return out
    }

    /// The `restatement` key of `report --format json`.
    static func json(_ r: Restatement, scopes: [ScopeRow]) -> JSONValue {
        func exact(_ nano: Int128) -> JSONValue { .decimal(ChangeAttribution.exactKg(nano)) }
        func input(_ i: RunInputs.Input) -> JSONValue {
            .object([("id", .integer(Int(i.importID))), ("kind", .string(i.kind)), ("file", .string(i.file)), ("sha256", .string(i.sha256))])
        }
        let changes: JSONValue
        if case .object(let m) = r.diff.json(), let c = m.first(where: { $0.0 == "changes" })?.1 { changes = c } else { changes = .null }
        return .object([
            ("period", .string(r.closing.period.name)),
            ("published_run", .integer(Int(r.published.id))),
            ("restated_run", .integer(Int(r.restated.id))),
            ("published_kgco2e", exact(r.published.aggregate.total.totalNanoKg)),
            ("restated_kgco2e", exact(r.restated.aggregate.total.totalNanoKg)),
            ("delta_kgco2e", exact(r.deltaNanoKg)),
            (
                "by_scope",
                .array(
                    scopes.map { s in
                        .object([
                            ("scope", .string(s.scope)), ("published_kgco2e", s.published.map { .number($0) } ?? .null),
                            ("restated_kgco2e", s.restated.map { .number($0) } ?? .null),
                            ("delta_kgco2e", s.published.flatMap { p in s.restated.map { .number($0 - p) } } ?? .null),
                        ])
                    }
                )
            ),
            (
                "by_scope3_category",
                .array(
                    r.scope3Changes.map { c in
                        .object([
                            ("key", .string(c.key)), ("published_kgco2e", exact(c.published)), ("restated_kgco2e", exact(c.restated)),
                            ("delta_kgco2e", exact(c.restated - c.published)),
                        ])
                    }
                )
            ),
            ("attribution", r.attribution.json()),
            ("changes", changes),
            ("why", .array(r.why.sentences.map { .string($0) })),
            ("imports_added", .array(r.why.importsAdded.map(input))),
            ("imports_removed", .array(r.why.importsRemoved.map(input))),
        ])
    }

    /// An exact kg difference with its sign: `+11`, `-0.5`, `+0`.
    static func signedKg(_ nano: Int128) -> String { (nano < 0 ? "" : "+") + ChangeAttribution.exactKg(nano) }

    static func signedPercent(_ share: Double) -> String { (share < 0 ? "-" : "+") + InventorySummary.percent(abs(share)) }
}
