public import FootprintCore

extension DownstreamDataReader {
    /// `product_use.csv`: product_type and source; product (empty: the type's default), power_w with
    /// hours_per_year, or kwh_per_year, or a duty cycle (`<mode>_w` with `<mode>_hours_per_year`),
    /// lifetime_years (more than 0), mass_kg.
    public static func useProfiles(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [UseProfile] {
        var result: [UseProfile] = []
        var seen: [String: Int] = [:]
        try ReferenceDataReader.rows(
            table,
            required: ["product_type", "source"],
            optional: ["product", "power_w", "hours_per_year", "kwh_per_year", "lifetime_years", "mass_kg"]
                + dutyCycleColumns(hoursSuffix: "_hours_per_year"),
            &diagnostics
        ) { r in
            let type = r.required("product_type")
            let source = r.required("source")
            let product = r.optional("product")
            let power = r.nonNegative("power_w", required: false, "a power in W")
            let hours = r.nonNegative("hours_per_year", required: false, "hours per year")
            let kwh = r.nonNegative("kwh_per_year", required: false, "kWh per year")
            if let hours, hours > 8784 {
                r.fail(
                    "hours_per_year",
                    "'\(r.optional("hours_per_year")!)' is more hours than a year has (8784 in a leap year); expected 8760 or less"
                )
            }
            if power != nil && kwh != nil {
                r.fail("kwh_per_year", "both power_w and kwh_per_year are given; give one: power_w with hours_per_year, or kwh_per_year")
            } else if power != nil && hours == nil {
                r.fail("hours_per_year", "the field is empty; power_w needs the hours of use per year (8760 for equipment always on)")
            } else if hours != nil && power == nil && kwh == nil {
                r.fail("power_w", "the field is empty; hours_per_year needs the typical power in W")
            }
            // A duty cycle of modes (active_w with active_hours_per_year, ...), instead of power_w or kwh_per_year.
            var cycle: DutyCycle?
            if let modes = r.dutyCycle(
                powerColumn: nil,
                hoursColumn: "hours_per_year",
                modeHoursSuffix: "_hours_per_year",
                maxHours: 8784,
                span: "a year holds"
            ) {
                let first = DutyCycle.Mode.allCases.map { $0.rawValue + "_w" }.first { r.optional($0) != nil } ?? "active_w"
                if power != nil || hours != nil || kwh != nil {
                    r.fail(first, "a duty cycle and power_w, hours_per_year or kwh_per_year are given; give one of them")
                }
                cycle = modes
            }
            let lifetime = r.nonNegative("lifetime_years", required: false, "a lifetime in years")
            if lifetime == 0 {
                r.fail(
                    "lifetime_years",
                    "a lifetime of zero years; expected the years of use, more than zero (leave it empty to take the type's default)"
                )
            }
            let mass = r.positive("mass_kg", required: false, "a mass in kg")
            if let type {
                let key = product.map { "product '\($0)'" } ?? "the default of product type '\(type)'"
                if let first = seen[key.lowercased()] {
                    r.fail(product == nil ? "product_type" : "product", "\(key) is given twice (first on line \(first)); expected one row")
                } else {
                    seen[key.lowercased()] = r.row.line
                }
            }
            guard r.diagnostics.isEmpty, let type, let source else { return }
            result.append(
                UseProfile(
                    location: SourceLocation(file: table.file, line: r.row.line),
                    product: product,
                    productType: type,
                    powerW: power,
                    hoursPerYear: hours,
                    kwhPerYear: kwh,
                    dutyCycle: cycle,
                    lifetimeYears: lifetime,
                    massKg: mass,
                    source: source
                )
            )
        }
        return result
    }

    /// `end_of_life.csv`: product_type, source, and the shares `<treatment>_pct` adding up to 100;
    /// optionally the country of use (empty: any country).
    public static func endOfLife(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [EndOfLifeProfile] {
        var result: [EndOfLifeProfile] = []
        var seen: [String: Int] = [:]
        try ReferenceDataReader.rows(
            table,
            required: ["product_type", "source"],
            optional: ["country"] + Treatment.allCases.map { $0.rawValue + "_pct" },
            &diagnostics
        ) { r in
            let type = r.required("product_type")
            let source = r.required("source")
            let country = r.country("country", required: false)
            guard let percent = r.treatments(suffix: "_pct", "a share in percent") else {
                return r.fail(
                    "recycling_pct",
                    "no share is given; expected the shares in percent of \(Treatment.allCases.map { $0.rawValue + "_pct" }.joined(separator: ", ")) adding up to 100"
                )
            }
            let shares = r.shares(percent, suffix: "_pct")
            if let type {
                let key = "\(type.lowercased())|\(country ?? "")"
                if let first = seen[key] {
                    r.fail(
                        "product_type",
                        "product type '\(type)' in \(country ?? "any country") is given twice (first on line \(first)); expected one row"
                    )
                } else {
                    seen[key] = r.row.line
                }
            }
            guard r.diagnostics.isEmpty, let type, let source, let shares else { return }
            result.append(
                EndOfLifeProfile(
                    location: SourceLocation(file: table.file, line: r.row.line),
                    productType: type,
                    country: country,
                    shares: shares,
                    source: source
                )
            )
        }
        return result
    }
}
