import Foundation
import Testing

/// `footprint customers allocate` and `footprint customers statement` on the example company
/// (docs/customers.md): the allocation equals the corporate inventory exactly, a pool holds exactly
/// the run's lines its selectors name, and a customer's statement is its share.
@Suite struct CustomersAllocateCommandTests {
    static var example: String { CalculateCommandTests.example }

    static let corporateFiles: [(String, String)] = [
        ("company", "company.json"), ("categories", "categories.csv"), ("sites", "sites.csv"), ("fuel", "fuel.csv"),
        ("refrigerants", "refrigerants.csv"), ("energy", "energy.csv"), ("energy-instruments", "energy_instruments.csv"),
        ("grid-factors", "grid_factors.csv"), ("travel", "travel.csv"), ("commuting-survey", "commuting_survey.csv"),
        ("workforce", "workforce.csv"),
    ]

    static let customerFiles: [(String, String)] = [
        ("customers", "customers.csv"), ("services", "services.csv"), ("service-pools", "service_pools.csv"),
        ("service-usage", "service_usage.csv"),
    ]

    /// The example's ledger, corporate and customer files imported, and 2024 calculated (run #1).
    static func workspace(_ dir: URL) throws -> String {
        let db = dir.appendingPathComponent("w.sqlite").path
        try CLIHarness.exampleWorkspace(db)
        for (kind, name) in corporateFiles {
            let out = try CLIHarness.footprint("import", kind, example + "/" + name, "--db", db)
            #expect(out.status == 0, "\(name): \(out.stderr)")
        }
        // The ERP ledgers carry customer ids (K-1001, ...) that customers.csv does not know.
        let erp = CLIHarness.packageRoot.appendingPathComponent("examples/erp/nordic").path
        for name in ["hovedbok_2024.csv", "hovedbok_2024_ovrige.csv", "hovedbok_2024_varekjop.csv"] {
            let out = try CLIHarness.footprint("import", "purchases", erp + "/" + name, "--mapping", erp + "/mapping.json", "--db", db)
            #expect(out.status == 0, "\(name): \(out.stderr)")
        }
        let calc = try CLIHarness.footprint("calculate", "--period", "2024", "--db", db)
        #expect(calc.status == 0, "\(calc.stderr)")
        for (kind, name) in customerFiles {
            let out = try CLIHarness.footprint("import", kind, example + "/" + name, "--db", db)
            #expect(out.status == 0, "\(name): \(out.stderr)")
        }
        return db
    }

    static func decimal(_ value: Any?) -> Decimal? {
        if let n = value as? NSNumber { return Decimal(string: n.stringValue) }
        return nil
    }

    /// The records of a CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var closed = false  // just after a closing quote: a quote here is an escaped one
        for c in text {
            if quoted {
                if c == "\"" {
                    quoted = false
                    closed = true
                } else {
                    field.append(c)
                }
                continue
            }
            defer { closed = (c == "\"") ? closed : false }
            switch c {
            case "\"":
                if closed { field.append(c) }
                quoted = true
                closed = false
            case ",":
                row.append(field)
                field = ""
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default:
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }

    @Test func allocationEqualsTheInventoryAndPoolsHoldTheirLines() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.workspace(dir)

        let out = try CLIHarness.footprint("customers", "allocate", "--period", "2024", "--json", "--db", db)
        #expect(out.status == 0, "\(out.stderr)")
        let doc = try CLIHarness.json(out.stdout)
        let inventory = try #require(Self.decimal(doc["inventory_kgco2e"]))
        let allocated = try #require(Self.decimal(doc["allocated_kgco2e"]))
        let kept = try #require(doc["kept"] as? [String: Any])
        var sum = allocated
        for key in ["unsold_capacity_kgco2e", "unused_pools_kgco2e", "unknown_customers_kgco2e", "unpooled_kgco2e"] {
            sum += try #require(Self.decimal(kept[key]))
        }
        #expect(sum == inventory, "allocated + kept = \(sum), inventory \(inventory)")

        // The corporate inventory (market-based Scope 2) is what was allocated, to the gram.
        let corporate = try CLIHarness.footprint("report", "--corporate", "--format", "json", "--db", db)
        #expect(corporate.status == 0, "\(corporate.stderr)")
        let scopes = try CLIHarness.json(corporate.stdout)
        var corporateTotal = Decimal(0)
        for key in ["scope1_kgco2e", "scope2_market_based_kgco2e", "scope3_kgco2e"] { corporateTotal += try #require(Self.decimal(scopes[key])) }
        #expect(abs(NSDecimalNumber(decimal: corporateTotal - inventory).doubleValue) < 0.001, "corporate \(corporateTotal), allocated \(inventory)")
        let customers = try #require(doc["customers"] as? [[String: Any]])
        #expect(customers.count == 60)
        var customerSum = Decimal(0)
        for c in customers { customerSum += try #require(Self.decimal(c["kgco2e"])) }
        #expect(customerSum == allocated)
        #expect(doc["purchase_lines"] as? Int == scopes["lines"] as? Int)
        #expect(doc["usage_rows_in_period"] as? Int == 2625 && doc["usage_rows_outside_period"] as? Int == 0)
        let unknown = try #require(doc["unknown_customers"] as? [String: Any])
        #expect(Set(unknown.keys) == ["K-1001", "K-1002", "K-1017", "K-1040"])

        // The NETWORK pool (suppliers SUP-0004 and SUP-0040, and SUP-0005's category 517311) holds exactly
        // the run's lines of those suppliers that carry no customer id, as `runs lines` gives them.
        let lines = try CLIHarness.footprint("runs", "lines", "1", "--db", db)
        #expect(lines.status == 0, "\(lines.stderr)")
        let rows = Self.csvRows(lines.stdout)
        let header = try #require(rows.first)
        let supplier = try #require(header.firstIndex(of: "supplier"))
        let category = try #require(header.firstIndex(of: "category"))
        let customer = try #require(header.firstIndex(of: "customer"))
        let kg = try #require(header.firstIndex(of: "kgco2e"))
        var network = Decimal(0)
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        for row in rows.dropFirst() where row[customer].isEmpty {
            let s = row[supplier]
            if s == "SUP-0004" || s == "SUP-0040" || (s == "SUP-0005" && row[category] == "517311") {
                network += Decimal(string: row[kg]) ?? 0
            }
        }
        let pools = try #require(doc["pools"] as? [[String: Any]])
        let pool = try #require(pools.first { $0["pool"] as? String == "NETWORK" })
        let poolKg = try #require(Self.decimal(pool["kgco2e"]))
        #expect(abs(NSDecimalNumber(decimal: poolKg - network).doubleValue) < 0.001, "pool \(poolKg), lines \(network)")
        #expect(pool["key_used"] as? String == "usage" && pool["unsold_kgco2e"] as? Int == 0)
        let compute = try #require(pools.first { $0["pool"] as? String == "DC-COMPUTE" })
        #expect(try #require(Self.decimal(compute["unsold_kgco2e"])) > 0, "capacity above usage keeps the unsold share")

        // Location-based Scope 2 passes on another figure; the balance still closes.
        let location = try CLIHarness.footprint("customers", "allocate", "--period", "2024", "--scope2", "location", "--json", "--db", db)
        #expect(location.status == 0, "\(location.stderr)")
        let loc = try CLIHarness.json(location.stdout)
        #expect(loc["scope2_basis"] as? String == "location" && Self.decimal(loc["inventory_kgco2e"]) != inventory)

        let text = try CLIHarness.footprint("customers", "allocate", "--db", db)
        #expect(text.status == 0 && text.stdout.contains("total (equals the inventory exactly)"), "\(text.stdout)")
    }

    @Test func statementsAreTheCustomersShares() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.workspace(dir)
        let alloc = try CLIHarness.json(try CLIHarness.footprint("customers", "allocate", "--json", "--db", db).stdout)
        let customers = try #require(alloc["customers"] as? [[String: Any]])
        let first = try #require(customers.first { $0["customer"] as? String == "CUST-001" })

        let json = try CLIHarness.footprint("customers", "statement", "CUST-001", "--format", "json", "--db", db)
        #expect(json.status == 0, "\(json.stderr)")
        let statement = try CLIHarness.json(json.stdout)
        #expect(Self.decimal(statement["kgco2e"]) == Self.decimal(first["kgco2e"]))
        #expect(statement["language"] as? String == "nb" && statement["period"] as? String == "2024")
        let cdp = try #require(statement["cdp_allocation"] as? [[String: Any]])
        #expect(!cdp.isEmpty && cdp.allSatisfy { $0["verified"] as? String == "No" })

        let english = try CLIHarness.footprint("customers", "statement", "CUST-001", "--format", "html", "--language", "en", "--db", db)
        #expect(english.status == 0 && english.stdout.contains("<html lang=\"en\">"))
        let englishCSV = try CLIHarness.footprint("customers", "statement", "CUST-001", "--format", "csv", "--language", "en", "--db", db)
        #expect(englishCSV.stdout.contains("Purchases made for you") && !englishCSV.stdout.contains("Innkjøp"), "\(englishCSV.stdout)")
        let cdpCSV = try CLIHarness.footprint("customers", "statement", "CUST-001", "--format", "cdp", "--verified", "--db", db)
        #expect(cdpCSV.status == 0 && cdpCSV.stdout.hasPrefix("requesting_member,scope,") && cdpCSV.stdout.contains(",Yes,"))

        let folder = dir.appendingPathComponent("statements")
        let all = try CLIHarness.footprint("customers", "statement", "--all", "--out-dir", folder.path, "--format", "html", "--db", db)
        #expect(all.status == 0 && all.stdout.contains("Wrote 60 statements of 2024 (run #1)"), "\(all.stdout)\(all.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
        #expect(files.count == 60)
        let page = try String(contentsOf: folder.appendingPathComponent("CUST-001.html"), encoding: .utf8)
        #expect(page.contains("<html lang=\"nb\">") && page.contains("Fjordkraft Logistikk AS"))

        let unknown = try CLIHarness.footprint("customers", "statement", "CUST-999", "--db", db)
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown customer 'CUST-999'"))
        let both = try CLIHarness.footprint("customers", "statement", "CUST-001", "--all", "--db", db)
        #expect(both.status != 0 && both.stderr.contains("give a customer id or --all, not both"))
    }

    @Test func overlappingPoolsAndMissingRunsAreErrors() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.workspace(dir)
        // A second pool that also takes SUP-0004's lines would count them twice.
        let pools = try String(contentsOfFile: Self.example + "/service_pools.csv", encoding: .utf8)
        let overlapping = dir.appendingPathComponent("service_pools.csv")
        try (pools + "EXTRA,SOC,usage,,,,SUP-0004,334210,,\n").write(to: overlapping, atomically: true, encoding: .utf8)
        let list = try CLIHarness.json("{\"a\":" + (try CLIHarness.footprint("imports", "--json", "--db", db).stdout) + "}")
        let imports = try #require(list["a"] as? [[String: Any]])
        let current = try #require(imports.last { $0["kind"] as? String == "service-pools" && $0["status"] as? String == "active" })
        let id = try #require(current["id"] as? Int)
        let replaced = try CLIHarness.footprint("import", "service-pools", overlapping.path, "--replace", String(id), "--db", db)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let out = try CLIHarness.footprint("customers", "allocate", "--db", db)
        #expect(out.status == 1 && out.stdout.isEmpty)
        #expect(out.stderr.contains("pools 'NETWORK' and 'EXTRA' both select"), "\(out.stderr)")
        #expect(out.stderr.contains("make the selectors of service_pools.csv disjoint"))

        let noRun = try CLIHarness.footprint("customers", "allocate", "--period", "2023", "--db", db)
        #expect(noRun.status == 1 && noRun.stderr.contains("2023 has no calculation run yet"), "\(noRun.stderr)")
    }

    @Test func publishSpreadsHardwareOverItsLifeAndSupersedes() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.workspace(dir)
        #expect(try CLIHarness.footprint("pact", "clients", "add", "CUST-001", "--db", db).status == 0)

        let first = try CLIHarness.footprint("customers", "publish", "--period", "2024", "--json", "--db", db)
        #expect(first.status == 0, "\(first.stderr)")
        let doc = try CLIHarness.json(first.stdout)
        #expect(doc["published"] as? Int == 2 && doc["superseded"] as? Int == 0)
        #expect((doc["customers_without_client"] as? [String])?.count == 59)
        let life = try #require(doc["service_life"] as? [String: Any])
        #expect(life["missing_periods"] as? [String] == ["2023", "2022", "2021", "2020"])
        let pools = try #require(life["pools"] as? [[String: Any]])
        #expect(pools.compactMap { $0["pool"] as? String } == ["DC-COMPUTE", "DC-STORAGE", "WORKPLACE"])
        for pool in pools {
            let inventory = try #require(Self.decimal(pool["inventory_kgco2e"]))
            let bought = try #require(Self.decimal(pool["hardware_bought_kgco2e"]))
            let charge = try #require(Self.decimal(pool["hardware_charge_kgco2e"]))
            let service = try #require(Self.decimal(pool["service_footprints_kgco2e"]))
            #expect(service == inventory - bought + charge, "\(pool)")
            // Only this period's purchases are known: a fifth (servers, storage) or a quarter (laptops), to the nano-kg.
            let years: Decimal = pool["pool"] as? String == "WORKPLACE" ? 4 : 5
            #expect(abs(NSDecimalNumber(decimal: charge - bought / years).doubleValue) < 1e-6, "\(pool)")
        }
        let listed = try CLIHarness.footprint("pact", "list", "--json", "--db", db)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2 && rows.allSatisfy { $0["sharedWith"] as? [String] == ["CUST-001"] })

        // The same figures again: nothing new. 2023 calculated: its hardware joins the charge, and the
        // new footprints supersede the first ones.
        let again = try CLIHarness.json(try CLIHarness.footprint("customers", "publish", "--period", "2024", "--json", "--db", db).stdout)
        #expect(again["published"] as? Int == 0 && again["unchanged"] as? Int == 2)
        #expect(try CLIHarness.footprint("calculate", "--period", "2023", "--db", db).status == 0)
        let third = try CLIHarness.footprint("customers", "publish", "--period", "2024", "--json", "--db", db)
        #expect(third.status == 0, "\(third.stderr)")
        let restated = try CLIHarness.json(third.stdout)
        let read = try #require((restated["service_life"] as? [String: Any])?["periods_read"] as? [[String: Any]])
        #expect(read.compactMap { $0["period"] as? String } == ["2023"])
        #expect(restated["published"] as? Int == 2 && restated["superseded"] as? Int == 2)
        let after = try CLIHarness.footprint("pact", "list", "--json", "--db", db)
        let all = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])
        #expect(all.filter { $0["status"] as? String == "Deprecated" }.count == 2 && all.filter { $0["status"] as? String == "Active" }.count == 2)
    }
}
