import FootprintCore

extension ActivityDataReader {
    static func sites(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [ActivitySite] {
        var result: [ActivitySite] = []
        var seen: [String: Int] = [:]
        try ReferenceDataReader.rows(
            table,
            required: ["site", "country"],
            optional: ["name", "bidding_zone", "legal_entity", "consolidated"],
            &diagnostics
        ) { r in
            let id = r.required("site")
            let country = r.country("country")
            let consolidated =
                r.field("consolidated", isNot: "yes or no; expected yes (in the boundary, the default) or no") {
                    ["yes": true, "true": true, "1": true, "no": false, "false": false, "0": false][$0.lowercased()]
                } ?? true
            guard let id, let country else { return }
            if let first = seen[id] { return r.fail("site", "duplicate site '\(id)'; it is already on line \(first)") }
            seen[id] = r.row.line
            result.append(
                ActivitySite(
                    id: id,
                    name: r.optional("name") ?? id,
                    country: country,
                    biddingZone: r.optional("bidding_zone")?.uppercased(),
                    legalEntity: r.optional("legal_entity"),
                    consolidated: consolidated,
                    location: r.location
                )
            )
        }
        return result
    }

    static func fuel(_ table: CSVTable, sites: Set<String>, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [FuelUse] {
        var result: [FuelUse] = []
        try ReferenceDataReader.rows(table, required: ["date", "site", "fuel", "quantity", "unit"], optional: ["vehicle", "use"], &diagnostics) { r in
            let date = r.day("date")
            let site = r.site("site", sites)
            let fuel = r.choice("fuel", FuelFactor.Fuel.self)
            let quantity = r.quantity("quantity")
            let unit = r.choice("unit", FuelFactor.Unit.self)
            let use = r.choice("use", CombustionUse.self, required: false) ?? (r.optional("vehicle") == nil ? .stationary : .mobile)
            guard let date, let site, let fuel, let quantity, let unit else { return }
            guard FuelFactor.builtIn(fuel, unit) != nil else {
                let units = FuelFactor.units(of: fuel).map(\.rawValue).joined(separator: ", ")
                return r.fail("unit", "'\(unit.rawValue)' is not a unit DESNZ gives for \(fuel.rawValue); expected one of \(units)")
            }
            result.append(
                FuelUse(
                    date: date,
                    site: site,
                    vehicle: r.optional("vehicle"),
                    fuel: fuel,
                    quantity: quantity,
                    unit: unit,
                    use: use,
                    location: r.location
                )
            )
        }
        return result
    }

    static func refrigerants(_ table: CSVTable, sites: Set<String>, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [RefrigerantLeak] {
        var result: [RefrigerantLeak] = []
        try ReferenceDataReader.rows(table, required: ["date", "site", "gas", "kg"], optional: ["gwp_set"], &diagnostics) { r in
            let date = r.day("date")
            let site = r.site("site", sites)
            let kg = r.quantity("kg")
            var set = GWPSet.default
            if let text = r.optional("gwp_set") {
                guard let parsed = GWPSet(parsing: text) else { return r.fail("gwp_set", "'\(text)' is not a GWP set; expected AR5 or AR6") }
                set = parsed
            }
            guard let text = r.required("gas") else { return }
            guard let gas = Refrigerant(parsing: text) else {
                return r.fail(
                    "gas",
                    "'\(text)' has no built-in GWP; expected one of \(Refrigerant.allCases.map(\.rawValue).joined(separator: ", ")) "
                        + "(or report it as a gas Footprint knows the composition of)"
                )
            }
            guard gas.gwp(set) != nil else {
                let others = GWPSet.allCases.filter { gas.gwp($0) != nil }.map(\.rawValue)
                return r.fail(
                    "gas",
                    "\(gas.rawValue) has no GWP-100 in \(set.rawValue); set gwp_set to \(others.joined(separator: " or ")), which has one"
                )
            }
            guard let date, let site, let kg else { return }
            result.append(RefrigerantLeak(date: date, site: site, gas: gas, kg: kg, gwpSet: set, location: r.location))
        }
        return result
    }

    static func energy(_ table: CSVTable, sites: Set<String>, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [EnergyUse] {
        var result: [EnergyUse] = []
        try ReferenceDataReader.rows(table, required: ["site", "month", "carrier", "kwh"], optional: ["meter", "supplier"], &diagnostics) { r in
            let site = r.site("site", sites)
            let yearMonth = r.field("month", required: true, isNot: "a month; expected YYYY-MM, such as 2024-03") { text -> (Int, Int)? in
                let parts = text.split(separator: "-")
                guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m)
                else { return nil }
                return (y, m)
            }
            let carrier = r.choice("carrier", EnergyCarrier.self)
            let kwh = r.quantity("kwh")
            guard let site, let yearMonth, let carrier, let kwh else { return }
            result.append(
                EnergyUse(
                    site: site,
                    year: yearMonth.0,
                    month: yearMonth.1,
                    carrier: carrier,
                    kwh: kwh,
                    meter: r.optional("meter"),
                    supplier: r.optional("supplier"),
                    location: r.location
                )
            )
        }
        return result
    }

    static func instruments(_ table: CSVTable, sites: Set<String>, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [EnergyInstrument] {
        var result: [EnergyInstrument] = []
        try ReferenceDataReader.rows(
            table,
            required: ["id", "type", "mwh", "country", "production_start", "production_end"],
            optional: ["technology", "cancelled_on", "site", "kgco2e_per_kwh"],
            &diagnostics
        ) { r in
            let id = r.required("id")
            let kind = r.choice("type", EnergyInstrument.Kind.self)
            let mwh = r.quantity("mwh")
            let country = r.country("country")
            let start = r.day("production_start")
            let end = r.day("production_end")
            let cancelled = r.day("cancelled_on", required: false)
            let site = r.site("site", sites, required: false)
            let rate = r.quantity("kgco2e_per_kwh", required: kind == .supplierSpecificRate)
            if let start, let end, end < start { r.fail("production_end", "the production period ends before it starts") }
            guard let id, let kind, let mwh, let country, let start, let end else { return }
            if kind == .supplierSpecificRate, rate == nil { return }
            result.append(
                EnergyInstrument(
                    id: id,
                    kind: kind,
                    mwh: mwh,
                    technology: r.optional("technology"),
                    country: country,
                    productionStart: start,
                    productionEnd: end,
                    cancelledOn: cancelled,
                    site: site,
                    kgPerKWh: rate ?? 0,
                    location: r.location
                )
            )
        }
        return result
    }

    static func gridFactors(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [GridFactor] {
        var result: [GridFactor] = []
        var seen: [String: Int] = [:]
        try ReferenceDataReader.rows(table, required: ["area", "year", "basis", "kgco2e_per_kwh", "source"], &diagnostics) { r in
            let area = r.required("area")?.uppercased()
            let year = r.year("year")
            let basis = r.choice("basis", GridFactor.Basis.self)
            let value = r.quantity("kgco2e_per_kwh")
            let source = r.required("source")
            guard let area, let year, let basis, let value, let source else { return }
            let key = "\(area) \(year) \(basis.rawValue)"
            if let first = seen[key] { return r.fail("area", "duplicate factor for \(key); it is already on line \(first)") }
            seen[key] = r.row.line
            result.append(GridFactor(area: area, year: year, basis: basis, kgPerKWh: value, source: source, location: r.location))
        }
        return result
    }
}
