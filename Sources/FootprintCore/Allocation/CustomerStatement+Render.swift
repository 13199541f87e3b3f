extension CustomerStatement {
    /// The statement as JSON: exact kg (decimal), by row and component, totals, and the CDP rows.
    public var json: JSONValue {
        .object([
            ("customer", .string(customer)),
            ("customer_name", .string(customerName)),
            ("language", .string(language.rawValue)),
            ("period", .string(period)),
            ("first_day", .string(firstDay)),
            ("last_day", .string(lastDay)),
            ("run", .integer(Int(runID))),
            ("scope2_basis", .string(scope2Basis)),
            ("kgco2e", .decimal(ChangeAttribution.exactKg(totalNanoKg))),
            ("by_scope", .object(byScope.sortedByKey().map { ("scope_\($0.key)", .decimal(ChangeAttribution.exactKg($0.value))) })),
            ("supplier_data_share", .number((supplierDataShare * 10000).rounded() / 10000)),
            (
                "services",
                .array(
                    rows.map { row in
                        .object([
                            ("service", row.service.map { .string($0) } ?? .null),
                            ("service_name", .string(row.serviceName)),
                            ("pool", row.pool.map { .string($0) } ?? .null),
                            ("allocation_key", .string(row.key)),
                            ("quantity", row.quantity.map { .decimal(ServiceQuantity.text($0)) } ?? .null),
                            ("unit", row.unit.map { .string($0) } ?? .null),
                            ("kgco2e", .decimal(ChangeAttribution.exactKg(row.nanoKg))),
                            (
                                "components",
                                .array(
                                    row.sums.sortedByKey().map { c, nano in
                                        .object([
                                            ("scope", .integer(c.scope)),
                                            ("scope3_category", c.scope == 3 ? .integer(c.scope3Category) : .null),
                                            ("source", .string(c.source.name)),
                                            ("kgco2e", .decimal(ChangeAttribution.exactKg(nano))),
                                        ])
                                    }
                                )
                            ),
                        ])
                    }
                )
            ),
            ("cdp_allocation", .array(cdpRows.map(\.json))),
            ("your_scope2_energy", leasedEnergyJSON),
        ])
    }

    /// The electricity of our equipment at the customer's sites: the customer's own Scope 2 energy; null without any.
    var leasedEnergyJSON: JSONValue {
        guard let e = leasedEnergy else { return .null }
        return .object([
            ("kwh", .number(e.kwh)),
            ("kwh_by_country", .object(e.kwhByCountry.keys.sorted().map { ($0, JSONValue.number(e.kwhByCountry[$0]!)) })),
            ("equipment", .array(e.equipment.map { .string($0) })),
            ("in_total", .bool(false)),
            ("note", .string(Self.leasedEnergyNote)),
        ])
    }

    /// The statement as CSV: one row per service (or passed-through purchases) and component.
    public var csv: String {
        var out = "customer,period,service,service_name,pool,allocation_key,quantity,unit,scope,scope3_category,source,kgco2e\n"
        for row in rows {
            for (c, nano) in row.sums.sorted(by: { $0.key < $1.key }) {
                let fields = [
                    customer, period, row.service ?? "", row.serviceName, row.pool ?? "", row.key,
                    row.quantity.map { ServiceQuantity.text($0) } ?? "", row.unit ?? "", String(c.scope),
                    c.scope == 3 ? String(c.scope3Category) : "", c.source.name, ChangeAttribution.exactKg(nano),
                ]
                out += fields.map(ProvenanceCSV.quoted).joined(separator: ",") + "\n"
            }
        }
        // The customer's own Scope 2 energy: kWh by country, no kg (not a share of our emissions).
        if let e = leasedEnergy {
            for country in e.kwhByCountry.keys.sorted() {
                let fields = [
                    customer, period, "", "Electricity of our equipment at your sites in \(country) (your Scope 2)", "", "your-scope2-energy",
                    ServiceQuantity.text(e.kwhByCountry[country]!), "kWh", "", "", "leased-equipment", "",
                ]
                out += fields.map(ProvenanceCSV.quoted).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// The CDP supply chain allocation table as CSV, in CDP's column order.
    public var cdpCSV: String {
        var out = CDPRow.header.joined(separator: ",") + "\n"
        for row in cdpRows { out += row.fields.map(ProvenanceCSV.quoted).joined(separator: ",") + "\n" }
        return out
    }
}

extension CustomerStatement.CDPRow {
    static let header = [
        "requesting_member", "scope", "allocation_level", "allocation_level_detail", "emissions_tco2e", "uncertainty_percent",
        "major_sources", "verified", "allocation_method", "quantity", "unit", "explanation",
    ]

    var fields: [String] {
        [
            requestingMember, scope, allocationLevel, allocationLevelDetail, ServiceQuantity.text(emissionsTonnes),
            ServiceQuantity.text(uncertaintyPercent),
            majorSources, verified, allocationMethod, quantity, unit, explanation,
        ]
    }

    var json: JSONValue {
        .object(
            zip(Self.header, fields).map { name, value in
                (name, name == "emissions_tco2e" || name == "uncertainty_percent" ? .decimal(value) : .string(value))
            }
        )
    }
}
