import FootprintCore
import FootprintStore
import Foundation

/// How `customers allocate` and `customers statement --format text` print.
enum AllocationOutput {
    static func kg(_ nano: Int128) -> String { ChangeAttribution.exactKg(nano) }

    static func tonnes(_ nano: Int128) -> String { String(format: "%.3f", Double(nano) / 1e12) }

    /// The allocation's balance: what customers received and what the company keeps, adding up to the inventory.
    static func balance(_ r: CustomerAllocation) -> [(String, Int128)] {
        let company = r.allocation.companySums
        var direct: Int128 = 0
        for sums in r.allocation.direct.values { direct += sums.totalNanoKg }
        var pooled: Int128 = 0
        for pool in r.allocation.pools { for sums in pool.customers.values { pooled += sums.totalNanoKg } }
        return [
            ("shared by the pools to customers", pooled),
            ("purchases passed through to their customer", direct),
            ("kept: unsold capacity of the pools", company.unsold.totalNanoKg),
            ("kept: pools nobody used or paid for", company.kept.totalNanoKg),
            ("kept: purchases for customers not in customers.csv", company.unknownCustomers.totalNanoKg),
            ("kept: in no pool and for no customer", company.unpooled.totalNanoKg),
        ]
    }

    /// Each customer's share, largest first.
    static func customerTotals(_ r: CustomerAllocation) -> [(id: String, nanoKg: Int128, supplierShare: Double)] {
        var sums: [String: ComponentSums] = [:]
        for (id, s) in r.allocation.direct { sums[id, default: [:]].add(s) }
        for pool in r.allocation.pools { for (id, s) in pool.customers { sums[id, default: [:]].add(s) } }
        return sums.map { id, s in
            let total = s.totalNanoKg
            return (id, total, total == 0 ? 0 : Double(s.supplierDataNanoKg) / Double(total))
        }
        .sorted { ($0.nanoKg, $1.id) > ($1.nanoKg, $0.id) }
    }

    static func text(_ r: CustomerAllocation, limit: Int) -> String {
        var out =
            "Allocation of \(r.period.description) (\(r.period.startText) to \(r.period.endText)), run #\(r.run.id), Scope 2 \(r.scope2Basis.rawValue)-based\n"
        out += "Inventory: \(tonnes(r.inputs.inventory.totalNanoKg)) t CO2e (\(r.inputs.purchaseLines) purchase lines"
        out += r.inputs.unmappedLines > 0 ? ", \(r.inputs.unmappedLines) of them unmapped with 0 kg" : ""
        out += "; Scope 1, Scope 2 and activity data by site)\n\n"
        let balance = balance(r)
        out += InventorySummary.table(
            ["part", "t CO2e", "share"],
            balance.map { name, nano in
                [name, tonnes(nano), share(nano, r.inputs.inventory.totalNanoKg)]
            } + [["total (equals the inventory exactly)", tonnes(r.allocation.totalNanoKg), "100.0%"]]
        )
        out += "\nPools:\n"
        out += InventorySummary.table(
            ["pool", "service", "key", "t CO2e", "customers", "used", "capacity", "unsold t", "note"],
            r.allocation.pools.map { p in
                [
                    p.pool.id, p.pool.service, p.keyUsed.rawValue, tonnes(p.pool.sums.totalNanoKg), String(p.customers.count),
                    ServiceQuantity.text(p.usedQuantity), p.pool.capacity.map { ServiceQuantity.text($0) } ?? "",
                    tonnes(p.unsold.totalNanoKg + p.kept.totalNanoKg), p.note ?? "",
                ]
            }
        )
        let totals = customerTotals(r)
        out += "\nCustomers (\(totals.count) with a share\(totals.count > limit ? ", the \(limit) largest" : "")):\n"
        out += InventorySummary.table(
            ["customer", "name", "t CO2e", "supplier data"],
            totals.prefix(limit).map { c in
                [c.id, r.data.customer(id: c.id)?.name ?? "", tonnes(c.nanoKg), String(format: "%.1f%%", c.supplierShare * 100)]
            }
        )
        var notes: [String] = []
        if !r.customersWithoutShare.isEmpty {
            notes.append(
                "\(r.customersWithoutShare.count) customers in force have no share (no usage or revenue in the period, no purchase for them): \(r.customersWithoutShare.prefix(5).joined(separator: ", "))\(r.customersWithoutShare.count > 5 ? ", ..." : "")"
            )
        }
        if r.usageRowsOutsidePeriod > 0 {
            notes.append("\(r.usageRowsOutsidePeriod) usage rows are dated outside \(r.period.name): not used")
        }
        for (id, sums) in r.allocation.unknownCustomers.sorted(by: { $0.key < $1.key }) {
            notes.append("purchases for '\(id)', not in customers.csv, are kept with the company: \(kg(sums.totalNanoKg)) kg")
        }
        // Equipment at the site of a customer the customer files do not know: its kWh reach no statement.
        for id in r.inputs.leasedEnergy.keys.sorted() where r.data.customer(id: id) == nil {
            notes.append(
                "leased_equipment.csv names customer '\(id)', not in customers.csv: its \(ServiceQuantity.text(r.inputs.leasedEnergy[id]!.kwh)) kWh (its own Scope 2 energy) are on no statement"
            )
        }
        if !notes.isEmpty { out += "\n" + notes.map { "note: \($0)\n" }.joined() }
        out += "\nStatements: 'footprint customers statement CUSTOMER' (or --all --out-dir DIR --format html).\n"
        return out
    }

    static func share(_ part: Int128, _ total: Int128) -> String {
        total == 0 ? "" : String(format: "%.1f%%", Double(part) / Double(total) * 100)
    }

    static func sumsJSON(_ sums: ComponentSums) -> JSONValue {
        .array(
            sums.sortedByKey().map { c, nano in
                .object([
                    ("scope", .integer(c.scope)),
                    ("scope3_category", c.scope == 3 ? .integer(c.scope3Category) : .null),
                    ("source", .string(c.source.name)),
                    ("kgco2e", .decimal(kg(nano))),
                ])
            }
        )
    }

    static func json(_ r: CustomerAllocation) -> JSONValue {
        let company = r.allocation.companySums
        return .object([
            ("run", .integer(Int(r.run.id))),
            ("period", .string(r.period.name)),
            ("first_day", .string(r.period.startText)),
            ("last_day", .string(r.period.endText)),
            ("scope2_basis", .string(r.scope2Basis.rawValue)),
            ("inventory_kgco2e", .decimal(kg(r.inputs.inventory.totalNanoKg))),
            ("allocated_kgco2e", .decimal(kg(r.allocation.allocatedSums.totalNanoKg))),
            (
                "kept",
                .object([
                    ("unsold_capacity_kgco2e", .decimal(kg(company.unsold.totalNanoKg))),
                    ("unused_pools_kgco2e", .decimal(kg(company.kept.totalNanoKg))),
                    ("unknown_customers_kgco2e", .decimal(kg(company.unknownCustomers.totalNanoKg))),
                    ("unpooled_kgco2e", .decimal(kg(company.unpooled.totalNanoKg))),
                    ("unpooled", sumsJSON(company.unpooled)),
                ])
            ),
            ("purchase_lines", .integer(r.inputs.purchaseLines)),
            ("unmapped_lines", .integer(r.inputs.unmappedLines)),
            ("usage_rows_in_period", .integer(r.usageRowsInPeriod)),
            ("usage_rows_outside_period", .integer(r.usageRowsOutsidePeriod)),
            ("revenue_currency", .object(r.revenueCurrency.sortedByKey().map { ($0.key, .string($0.value)) })),
            (
                "pools",
                .array(
                    r.allocation.pools.map { p in
                        .object([
                            ("pool", .string(p.pool.id)),
                            ("service", .string(p.pool.service)),
                            ("key_asked", .string(p.pool.key.rawValue)),
                            ("key_used", .string(p.keyUsed.rawValue)),
                            ("note", p.note.map { .string($0) } ?? .null),
                            ("kgco2e", .decimal(kg(p.pool.sums.totalNanoKg))),
                            ("components", sumsJSON(p.pool.sums)),
                            ("used_quantity", .decimal(ServiceQuantity.text(p.usedQuantity))),
                            ("capacity", p.pool.capacity.map { .decimal(ServiceQuantity.text($0)) } ?? .null),
                            ("unsold_kgco2e", .decimal(kg(p.unsold.totalNanoKg))),
                            ("kept_kgco2e", .decimal(kg(p.kept.totalNanoKg))),
                            ("major_sources", .array(p.pool.majorSources.map { .string($0) })),
                            (
                                "customers",
                                .object(p.customers.sortedByKey().map { ($0.key, .decimal(kg($0.value.totalNanoKg))) })
                            ),
                        ])
                    }
                )
            ),
            (
                "customers",
                .array(
                    customerTotals(r).map { c in
                        .object([
                            ("customer", .string(c.id)),
                            ("name", r.data.customer(id: c.id).map { .string($0.name) } ?? .null),
                            ("kgco2e", .decimal(kg(c.nanoKg))),
                            ("supplier_data_share", .number((c.supplierShare * 10000).rounded() / 10000)),
                            ("direct_kgco2e", .decimal(kg(r.allocation.direct[c.id]?.totalNanoKg ?? 0))),
                        ])
                    }
                )
            ),
            ("customers_without_share", .array(r.customersWithoutShare.map { .string($0) })),
            (
                "unknown_customers",
                .object(r.allocation.unknownCustomers.sortedByKey().map { ($0.key, .decimal(kg($0.value.totalNanoKg))) })
            ),
        ])
    }

    /// One statement as text.
    static func text(_ s: CustomerStatement) -> String {
        var out = "Emissions statement for \(s.customerName) (\(s.customer)), \(s.period) (\(s.firstDay) to \(s.lastDay))\n"
        out += "From calculation run #\(s.runID); Scope 2 \(s.scope2Basis)-based; \(s.verified ? "verified" : "not verified") by a third party\n"
        out +=
            "Total: \(tonnes(s.totalNanoKg)) t CO2e (\(kg(s.totalNanoKg)) kg); supplier data \(String(format: "%.1f%%", s.supplierDataShare * 100))\n\n"
        out += InventorySummary.table(
            ["service", "pool", "key", "quantity", "unit", "t CO2e", "major sources"],
            s.rows.map { row in
                [
                    row.serviceName, row.pool ?? "", row.key, row.quantity.map { ServiceQuantity.text($0) } ?? "", row.unit ?? "",
                    tonnes(row.nanoKg), row.majorSources.prefix(3).joined(separator: "; "),
                ]
            }
        )
        out += "\nBy scope:\n"
        let byScope = s.byScope
        out += InventorySummary.table(["scope", "t CO2e"], byScope.keys.sorted().map { ["Scope \($0)", tonnes(byScope[$0]!)] })
        out += "\nCDP supply chain allocation:\n"
        out += InventorySummary.table(
            ["scope", "level", "detail", "tCO2e", "uncertainty %", "method"],
            s.cdpRows.map {
                [
                    $0.scope, $0.allocationLevel, $0.allocationLevelDetail, String(format: "%.3f", $0.emissionsTonnes),
                    ServiceQuantity.text($0.uncertaintyPercent), $0.allocationMethod,
                ]
            }
        )
        if let e = s.leasedEnergy {
            out += "\nYour Scope 2 energy: \(e.text) used by our equipment at your sites (\(e.equipment.joined(separator: ", ")))\n"
            out += "  " + CustomerStatement.leasedEnergyNote + ".\n"
        }
        return out
    }

    /// The pools whose hardware is spread over its service life: the inventory's view beside the service footprints'.
    static func serviceLifeRows(
        _ view: ServiceLifeView,
        _ r: CustomerAllocation
    ) -> [(pool: String, inventory: Int128, service: Int128, current: Int128, charge: Int128)] {
        r.poolInputs.indices.compactMap { i in
            guard view.current[i] != nil || view.charge[i] != nil else { return nil }
            return (
                r.poolInputs[i].id, r.poolInputs[i].sums.totalNanoKg, view.allocation.pools[i].pool.sums.totalNanoKg,
                view.current[i]?.totalNanoKg ?? 0, view.charge[i]?.totalNanoKg ?? 0
            )
        }
    }

    static func serviceLifeText(_ view: ServiceLifeView, _ r: CustomerAllocation) -> String {
        var out = "Hardware spread over its service life in the service footprints (the inventory and statements count it when bought):\n"
        out += InventorySummary.table(
            ["pool", "inventory t", "hardware bought t", "hardware charge t", "service footprints t"],
            serviceLifeRows(view, r).map { [$0.pool, tonnes($0.inventory), tonnes($0.current), tonnes($0.charge), tonnes($0.service)] }
        )
        if !view.periodsRead.isEmpty {
            out += "Earlier periods read: " + view.periodsRead.map { "\($0.period) (run #\($0.run))" }.joined(separator: ", ") + "\n"
        }
        if !view.missingPeriods.isEmpty {
            out +=
                "note: \(view.missingPeriods.joined(separator: ", ")) have no calculation run: their hardware purchases are not in the charge ('footprint calculate --period YEAR' adds them)\n"
        }
        return out
    }

    static func serviceLifeJSON(_ view: ServiceLifeView, _ r: CustomerAllocation) -> JSONValue {
        .object([
            (
                "pools",
                .array(
                    serviceLifeRows(view, r).map { row in
                        .object([
                            ("pool", .string(row.pool)), ("inventory_kgco2e", .decimal(kg(row.inventory))),
                            ("hardware_bought_kgco2e", .decimal(kg(row.current))), ("hardware_charge_kgco2e", .decimal(kg(row.charge))),
                            ("service_footprints_kgco2e", .decimal(kg(row.service))),
                        ])
                    }
                )
            ),
            ("periods_read", .array(view.periodsRead.map { .object([("period", .string($0.period)), ("run", .integer(Int($0.run)))]) })),
            ("missing_periods", .array(view.missingPeriods.map { .string($0) })),
        ])
    }
}
