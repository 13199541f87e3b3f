public import FootprintCore

extension DownstreamDataReader {
    /// The columns of a duty cycle with hours named `<mode><suffix>`: `active_w`, `active_hours`, ...
    static func dutyCycleColumns(hoursSuffix: String) -> [String] {
        DutyCycle.Mode.allCases.flatMap { [$0.rawValue + "_w", $0.rawValue + hoursSuffix] }
    }

    /// `leased_equipment.csv`: equipment, customer, country, start, end, source; the energy as kwh
    /// (metered, for the whole row), or power_w with hours, or a duty cycle (`<mode>_w` with
    /// `<mode>_hours`, modes active, idle, sleep, off), per unit × units; optionally product_type, reference.
    public static func leasedEquipment(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [LeasedEquipment] {
        var result: [LeasedEquipment] = []
        try ReferenceDataReader.rows(
            table,
            required: ["equipment", "customer", "country", "start", "end", "source"],
            optional: ["product_type", "units", "kwh", "power_w", "hours", "reference"] + dutyCycleColumns(hoursSuffix: "_hours"),
            &diagnostics
        ) { r in
            let equipment = r.required("equipment")
            let customer = r.required("customer")
            let country = r.country("country", required: true)
            let start = r.date("start")
            let end = r.date("end")
            let source = r.required("source")
            var days: Int64?
            if let start, let end {
                if end < start {
                    r.fail(
                        "end",
                        "'\(r.optional("end")!)' is before the start \(r.optional("start")!); expected the last day the row covers, on or after its first"
                    )
                } else {
                    days = CivilDate.days(yyyymmdd: end) - CivilDate.days(yyyymmdd: start) + 1
                }
            }
            let units = r.positive("units", required: false, "a number of units")
            let kwh = r.nonNegative("kwh", required: false, "a number of kWh")
            let maxHours = days.map { Double($0) * 24 }
            let cycle = r.dutyCycle(
                powerColumn: "power_w",
                hoursColumn: "hours",
                modeHoursSuffix: "_hours",
                maxHours: maxHours,
                span: "its dates hold"
            )
            var energy: LeasedEquipment.Energy?
            switch (kwh, cycle) {
            case (.some, .some):
                r.fail("kwh", "both kwh and power figures are given; give one: kwh metered, or power_w with hours (or a duty cycle)")
            case (let kwh?, nil):
                if units != nil {
                    r.fail("units", "units multiplies power figures, and the row gives metered kwh (the whole row's); leave units empty")
                }
                energy = .metered(kwh: kwh)
            case (nil, .some(let cycle?)):
                energy = .power(cycle)
            case (nil, .some(nil)):
                break  // the duty cycle's columns have failed
            case (nil, nil):
                if r.optional("kwh") == nil {
                    r.fail(
                        "kwh",
                        "no energy is given; expected kwh (metered), or power_w with hours, or a duty cycle (active_w with active_hours, idle_w with idle_hours, ...)"
                    )
                }
            }
            guard r.diagnostics.isEmpty, let equipment, let customer, let country, let start, let end, let source, let energy else { return }
            result.append(
                LeasedEquipment(
                    location: SourceLocation(file: table.file, line: r.row.line),
                    equipment: equipment,
                    productType: r.optional("product_type"),
                    customer: customer,
                    country: country,
                    start: start,
                    end: end,
                    units: units ?? 1,
                    energy: energy,
                    source: source,
                    reference: r.optional("reference")
                )
            )
        }
        return result
    }

    /// `avoided_emissions.csv`: date, comparison (`replacement` or `reuse`), product, units, source; a
    /// replacement's old_kwh_per_year, new_kwh_per_year, years and country, or a re-use's
    /// new_kgco2e_per_unit and optionally reused_kgco2e_per_unit; optionally assumptions.
    public static func avoided(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [AvoidedEmissionComparison] {
        var result: [AvoidedEmissionComparison] = []
        let replacementColumns = ["old_kwh_per_year", "new_kwh_per_year", "years", "country"]
        let reuseColumns = ["new_kgco2e_per_unit", "reused_kgco2e_per_unit"]
        try ReferenceDataReader.rows(
            table,
            required: ["date", "comparison", "product", "units", "source"],
            optional: replacementColumns + reuseColumns + ["assumptions"],
            &diagnostics
        ) { r in
            let date = r.date("date")
            let product = r.required("product")
            let units = r.positive("units", required: true, "a number of units")
            let source = r.required("source")
            var comparison: AvoidedEmissionComparison.Comparison?
            if let kind = r.required("comparison") {
                switch kind.lowercased() {
                case "replacement":
                    for c in reuseColumns where r.optional(c) != nil {
                        r.fail(c, "a replacement compares kWh; leave \(c) empty (it belongs to a reuse row)")
                    }
                    let old = r.nonNegative("old_kwh_per_year", required: true, "kWh per year")
                    let new = r.nonNegative("new_kwh_per_year", required: true, "kWh per year")
                    let years = r.positive("years", required: true, "a number of years")
                    let country = r.country("country", required: true)
                    if let old, let new, let years, let country {
                        comparison = .replacement(oldKWhPerYear: old, newKWhPerYear: new, years: years, country: country)
                    }
                case "reuse":
                    for c in replacementColumns where r.optional(c) != nil {
                        r.fail(c, "a reuse row compares footprints per unit; leave \(c) empty (it belongs to a replacement row)")
                    }
                    let new = r.positive("new_kgco2e_per_unit", required: true, "a product footprint in kg CO2e per unit")
                    let reused = r.nonNegative("reused_kgco2e_per_unit", required: false, "kg CO2e per unit")
                    if let new { comparison = .reuse(newKgPerUnit: new, reusedKgPerUnit: reused) }
                default:
                    r.fail(
                        "comparison",
                        "'\(kind)' is not a comparison; expected replacement (an old installed base against its replacement) or reuse (re-used equipment against new)"
                    )
                }
            }
            guard r.diagnostics.isEmpty, let date, let product, let units, let source, let comparison else { return }
            result.append(
                AvoidedEmissionComparison(
                    location: SourceLocation(file: table.file, line: r.row.line),
                    date: date,
                    product: product,
                    units: units,
                    comparison: comparison,
                    source: source,
                    assumptions: r.optional("assumptions")
                )
            )
        }
        return result
    }
}

extension RowReader {
    /// Power × hours: `powerColumn` with `hoursColumn`, or a duty cycle of modes (`<mode>_w` with
    /// `<mode><modeHoursSuffix>`), not both (`powerColumn` nil: the modes only). Nil when none is given;
    /// `.some(nil)` when the columns failed. Zero hours and more hours in all than `maxHours` (the row's span) fail.
    mutating func dutyCycle(
        powerColumn: String?,
        hoursColumn: String,
        modeHoursSuffix: String,
        maxHours: Double?,
        span: String
    ) -> DutyCycle?? {
        let before = diagnostics.count
        var parts: [DutyCycle.Part] = []
        var firstHours: String?
        func pair(_ w: String, _ h: String, _ mode: DutyCycle.Mode?) {
            let watts = nonNegative(w, required: false, "a power in W")
            let hours = nonNegative(h, required: false, "a number of hours")
            switch (optional(w) != nil, optional(h) != nil) {
            case (true, false): fail(h, "the field is empty; \(w) needs the hours it applies to")
            case (false, true): fail(w, "the field is empty; \(h) needs the power in W it applies to")
            default: break
            }
            if hours == 0 {
                fail(
                    h,
                    "zero hours; expected the hours the equipment ran\(mode == nil ? "" : " in this mode") (leave both \(w) and \(h) empty if none)"
                )
            }
            if optional(h) != nil, firstHours == nil { firstHours = h }
            if let watts, let hours, hours > 0 { parts.append(DutyCycle.Part(mode: mode, watts: watts, hours: hours)) }
        }
        var single = false
        if let powerColumn {
            pair(powerColumn, hoursColumn, nil)
            single = optional(powerColumn) != nil || optional(hoursColumn) != nil
        }
        var modes = false
        for mode in DutyCycle.Mode.allCases {
            let w = mode.rawValue + "_w"
            let h = mode.rawValue + modeHoursSuffix
            guard optional(w) != nil || optional(h) != nil else { continue }
            modes = true
            if single, let powerColumn {
                fail(w, "both \(powerColumn) and a duty cycle are given; give one: \(powerColumn) with \(hoursColumn), or the modes' power and hours")
                break
            }
            pair(w, h, mode)
        }
        guard single || modes else { return nil }
        let cycle = DutyCycle(parts)
        if let maxHours, let firstHours, cycle.hours > maxHours {
            fail(
                firstHours,
                "\(cycle.hours.downstreamText) hours in all are more than \(span) (\(maxHours.downstreamText) hours); expected the hours of use within them"
            )
        }
        guard diagnostics.count == before, !parts.isEmpty else { return .some(nil) }
        return .some(cycle)
    }
}
