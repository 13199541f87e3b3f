extension CorporateInventory {
    /// The summary's JSON with the corporate keys: `scope1_kgco2e`, `scope2_location_based_kgco2e`,
    /// `scope2_market_based_kgco2e` (null without activity data), `scope3_kgco2e` and
    /// `by_scope3_category` {"1".."15"} (the ledger's lines and the activity's Category 3), and
    /// `corporate` with the boundary, the parts of each scope, both totals and Scope 3's share.
    public func json() -> JSONValue {
        let number: (Double?) -> JSONValue = { $0.map { .number($0) } ?? .null }
        let rows = scope3Rows
        let corporate = JSONValue.object([
            ("boundary", boundary.json()),
            (
                "scope1",
                activity.map { a in
                    .object([
                        ("kgco2e", .number(a.scope1Kg)), ("stationary_combustion", .number(a.scope1StationaryKg)),
                        ("mobile_combustion", .number(a.scope1MobileKg)), ("fugitive", .number(a.scope1FugitiveKg)),
                    ])
                } ?? .null
            ),
            (
                "scope2",
                activity.map { a in
                    .object([("location_based_kgco2e", .number(a.scope2LocationKg)), ("market_based_kgco2e", .number(a.scope2MarketKg))])
                } ?? .null
            ),
            (
                "scope3_categories",
                .array(
                    rows.map { r in
                        .object([
                            ("category", .integer(r.category.rawValue)), ("title", .string(r.category.title)), ("kgco2e", .number(r.kg)),
                            ("from_ledger_kgco2e", .number(r.purchasesKg)), ("from_activity_kgco2e", .number(r.activityKg)),
                            ("excluded_justification", r.exclusion.map { .string($0) } ?? .null),
                            ("by_method_kgco2e", .object(CalculationMethod.allCases.map { ($0.name, .number(r.methodsKg[$0] ?? 0)) })),
                            ("supplier_data_share", .number(r.supplierDataShare)), ("activity_data_share", .number(r.activityShare)),
                        ])
                    }
                )
            ),
            ("total_location_based_kgco2e", .number(totalKg(marketBased: false))),
            ("total_market_based_kgco2e", .number(totalKg(marketBased: true))),
            ("scope3_share_market_based", activity == nil ? .null : .number(scope3Share(marketBased: true))),
            ("scope3_share_location_based", activity == nil ? .null : .number(scope3Share(marketBased: false))),
            ("biogenic_co2_kg", number(activity?.biogenicCO2Kg)),
            (
                "capitalisation",
                .array(
                    capitalisation.map { c in
                        .object([
                            ("asset_class", .string(c.threshold.assetClass)),
                            ("categories", .array(c.categories.map { .string($0) })),
                            ("currency", .string(c.threshold.currency.description)),
                            ("threshold_per_item", period.map { .number(c.threshold.amount(in: $0.end / 10000)) } ?? .null),
                            (
                                "steps",
                                .array(
                                    c.threshold.steps.map { step in
                                        .object([
                                            ("from_year", step.fromYear == Int32.min ? .null : .integer(Int(step.fromYear))),
                                            ("amount", .number(step.amount)),
                                        ])
                                    }
                                )
                            ),
                            ("source", .string(c.threshold.source)),
                        ])
                    }
                )
            ),
            (
                "disclosures_not_used_for_hybrid",
                .array(
                    disclosuresWithoutUpstreamScope3.map { d in
                        .object([
                            ("supplier", .string(d.supplier)), ("year", .integer(d.year)),
                            ("kind", .string(d.allocation == nil ? "disclosure" : "allocation")),
                            ("reason", .string(d.incompletenessReason)),
                        ])
                    }
                )
            ),
            (
                "goods_for_resale",
                .object([("categories", .array(resaleCategories.map { .string($0) })), ("kgco2e", .number(resaleKg))])
            ),
            ("statement", .string(scope3Sentence)),
        ])
        let replacing: [(String, JSONValue)] = [
            ("scope1_kgco2e", number(scope1Kg)),
            ("scope2_location_based_kgco2e", number(scope2LocationKg)),
            ("scope2_market_based_kgco2e", number(scope2MarketKg)),
            ("scope3_kgco2e", .number(scope3Kg)),
            ("by_scope3_category", .object(rows.map { (String($0.category.rawValue), .number($0.kg)) })),
            ("corporate", corporate),
        ]
        guard case .object(var members) = purchases.json() else { return purchases.json() }
        for (key, value) in replacing {
            if let i = members.firstIndex(where: { $0.0 == key }) { members[i].1 = value } else { members.append((key, value)) }
        }
        return .object(members)
    }

    /// The rows of the corporate inventory: scope, part, t CO2e, and a note.
    public var tableRows: [[String]] {
        let t = InventorySummary.tonnes
        var rows: [[String]] = []
        if let a = activity {
            rows.append(["Scope 1", "total", t(a.scope1Kg), ""])
            rows.append(["", "stationary combustion", t(a.scope1StationaryKg), ""])
            rows.append(["", "mobile combustion", t(a.scope1MobileKg), ""])
            rows.append(["", "fugitive (refrigerants)", t(a.scope1FugitiveKg), ""])
            rows.append(["Scope 2", "location-based", t(a.scope2LocationKg), ""])
            rows.append(["", "market-based", t(a.scope2MarketKg), ""])
        } else {
            rows.append(["Scope 1", "total", "-", "no activity data"])
            rows.append(["Scope 2", "location-based / market-based", "-", "no activity data"])
        }
        rows.append(["Scope 3", "total", t(scope3Kg), ""])
        for r in scope3Rows {
            var note = ""
            if let exclusion = r.exclusion {
                note = "not reported: " + exclusion
            } else if r.kg == 0 {
                note = "no data"
            } else {
                note = r.methodMix
            }
            // Category 13: whether it was computed, and that its electricity is not in our Scope 2.
            if r.category == .downstreamLeasedAssets, r.exclusion == nil { note += leasedAssetsNote }
            rows.append(["", r.category.label, r.exclusion == nil ? t(r.kg) : "-", note])
            if r.category == .purchasedGoodsAndServices, !resaleCategories.isEmpty {
                rows.append(["", "  of which goods for resale", t(resaleKg), "categories " + resaleCategories.joined(separator: ", ")])
            }
        }
        rows.append(["Total", "Scope 2 location-based", t(totalKg(marketBased: false)), ""])
        rows.append(["", "Scope 2 market-based", t(totalKg(marketBased: true)), ""])
        if let a = activity, a.biogenicCO2Kg != 0 {
            rows.append(["Outside the scopes", "biogenic CO2", t(a.biogenicCO2Kg), "reported apart"])
        }
        return rows
    }

    /// Category 13's note: what its figure is, or what its absence means.
    var leasedAssetsNote: String {
        otherScope3Kg[.downstreamLeasedAssets] == nil
            ? "; no leased_equipment.csv (equipment we own and run at customers' sites on their power)"
            : "; customers' electricity (their Scope 2), not in our Scope 2"
    }

    /// The rows for CSV: scope, part, kg CO2e (full precision, empty when unknown or not reported), note.
    public var csvRows: [[String]] {
        func kg(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        var rows: [[String]] = [
            ["scope1", "total", kg(scope1Kg), activity == nil ? "no activity data" : ""],
            ["scope1", "stationary combustion", kg(activity?.scope1StationaryKg), ""],
            ["scope1", "mobile combustion", kg(activity?.scope1MobileKg), ""],
            ["scope1", "fugitive", kg(activity?.scope1FugitiveKg), ""],
            ["scope2", "location-based", kg(scope2LocationKg), ""],
            ["scope2", "market-based", kg(scope2MarketKg), ""],
            ["scope3", "total", kg(scope3Kg), ""],
        ]
        for r in scope3Rows {
            rows.append([
                "scope3", String(r.category.rawValue), r.exclusion == nil ? kg(r.kg) : "",
                r.exclusion.map { "not reported: " + $0 } ?? (r.methodMix + (r.category == .downstreamLeasedAssets ? leasedAssetsNote : "")),
            ])
        }
        rows.append(["total", "scope2 location-based", kg(totalKg(marketBased: false)), ""])
        rows.append(["total", "scope2 market-based", kg(totalKg(marketBased: true)), ""])
        rows.append(["outside scopes", "biogenic CO2", kg(activity?.biogenicCO2Kg), ""])
        if !resaleCategories.isEmpty {
            rows.append(["scope3", "1 goods for resale", kg(resaleKg), "categories " + resaleCategories.joined(separator: " ")])
        }
        return rows
    }

    /// The readable corporate inventory: the boundary, the scopes, and the sentence.
    public func text() -> String {
        var out = "Corporate inventory"
        if !boundary.company.isEmpty { out += " of \(boundary.company)" }
        if let period { out += ", \(period) (\(period.startText) to \(period.endText))" }
        out += "\nBoundary: \(boundary.approach.title)"
        if !boundary.entities.isEmpty { out += "; entities: " + boundary.entities.map(\.name).joined(separator: ", ") }
        let inside = boundary.sites.filter(\.consolidated).map(\.name)
        let outside = boundary.sites.filter { !$0.consolidated }.map(\.name)
        if !inside.isEmpty { out += "\nSites: " + inside.joined(separator: ", ") }
        if !outside.isEmpty { out += "; outside the boundary: " + outside.joined(separator: ", ") }
        out += "\n" + InventorySummary.table(["scope", "part", "t CO2e", "note"], tableRows)
        return out + capitalisationText + disclosuresText + scope3Sentence + "\n"
    }

    /// The same as a Markdown section.
    public func markdown() -> String {
        var out = "## Corporate inventory"
        if let period { out += ", \(period)" }
        out += "\n\n"
        if !boundary.company.isEmpty { out += "Company: \(boundary.company). " }
        out += "Consolidation: \(boundary.approach.title).\n\n| scope | part | t CO2e | note |\n| --- | --- | ---: | --- |\n"
        for row in tableRows {
            out +=
                "| " + row.map { $0.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }.joined(separator: " | ")
                + " |\n"
        }
        return out + "\n" + capitalisationText + disclosuresText + "\n" + scope3Sentence + "\n"
    }

    /// The disclosures the hybrid method left out, one line; empty when there are none.
    public var disclosuresText: String {
        guard !disclosuresWithoutUpstreamScope3.isEmpty else { return "" }
        let list = disclosuresWithoutUpstreamScope3.map { "\($0.supplier) \($0.year)\($0.allocation == nil ? "" : " (allocation)")" }.sorted()
            .joined(separator: ", ")
        return
            "Disclosures not used for the hybrid method, as they report no upstream Scope 3, or not its Category 1 "
            + "(their suppliers' lines went to the next method): \(list)\n"
    }

    /// `Capital goods by the accounts, else by these thresholds: ...`, one line per asset class; empty without one.
    public var capitalisationText: String {
        guard !capitalisation.isEmpty else { return "" }
        let year = period.map { $0.end / 10000 } ?? 9999
        var out =
            "Category 2 by the accounts, else by the capitalisation threshold of each asset class (one item at or above it is a capital good, below it is expensed, Category 1):\n"
        var sources: [String] = []
        for c in capitalisation {
            out += "- \(c.threshold.assetClass) (\(c.categories.joined(separator: ", "))): \(c.threshold.text(in: year))\n"
            if !sources.contains(c.threshold.source) { sources.append(c.threshold.source) }
        }
        return out + sources.map { "  Source: \($0)\n" }.joined()
    }
}
