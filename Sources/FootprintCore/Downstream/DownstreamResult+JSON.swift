extension DownstreamResult {
    /// The result as JSON (snake_case keys; kg CO2e unrounded; a part whose file is absent is `null`):
    /// `period`, `category11_kgco2e`, `category12_kgco2e` (sales' end of life and returned sold products),
    /// `category5_kgco2e` (own returns), `use_phase`, `end_of_life`, `take_back` (by owner: the ESRS E5
    /// waste indicators in kg, the emissions and the circularity KPIs), `exclusions`, `warnings`, and
    /// with `lines`, every line's provenance.
    public func json(lines includeLines: Bool = false) -> JSONValue {
        let categories = kgByCategory
        var members: [(String, JSONValue)] = [
            ("period", period.json()),
            ("category11_kgco2e", categories[.useOfSoldProducts].map { .number($0) } ?? .null),
            ("category12_kgco2e", categories[.endOfLifeTreatmentOfSoldProducts].map { .number($0) } ?? .null),
            ("category5_kgco2e", categories[.wasteGeneratedInOperations].map { .number($0) } ?? .null),
            ("category13_kgco2e", categories[.downstreamLeasedAssets].map { .number($0) } ?? .null),
            ("use_phase", usePhase.map(Self.json) ?? .null),
            ("end_of_life", endOfLife.map(Self.json) ?? .null),
            (
                "take_back",
                takeBack.map { t in
                    .object([
                        ("own", Self.json(t.own)), ("sold", Self.json(t.sold)), ("total", Self.json(t.total)), ("lines", .integer(t.lines)),
                        ("outside_period", .object([("lines", .integer(t.outsidePeriod))])),
                    ])
                } ?? .null
            ),
            ("leased_assets", leasedAssets.map(Self.json) ?? .null),
            ("exclusions", .array(exclusions.map(Self.json))),
            ("warnings", .array(warnings.map { .string($0) })),
        ]
        if includeLines { members.append(("lines", .array(lines.map(Self.json)))) }
        return .object(members)
    }

    static func json(_ u: UsePhaseResult) -> JSONValue {
        .object([
            ("kgco2e", .number(u.kg)), ("grid_basis", .string(u.basis.rawValue)), ("units", .number(u.units)),
            ("lifetime_kwh", .number(u.lifetimeKWh)), ("lines", .integer(u.lines)),
            ("outside_period", .object([("lines", .integer(u.outsidePeriod))])), ("excluded_units", .number(u.excludedUnits)),
        ])
    }

    static func json(_ l: LeasedAssetsResult) -> JSONValue {
        .object([
            ("kgco2e", .number(l.kg)), ("grid_basis", .string(l.basis.rawValue)), ("kwh", .number(l.kwh)), ("lines", .integer(l.lines)),
            ("outside_period", .object([("lines", .integer(l.outsidePeriod))])),
            ("in_our_scope2", .bool(false)),
            ("note", .string(LeasedAssetsResult.note)),
            (
                "customers",
                .array(
                    l.byCustomer.keys.sorted().map { c in
                        let e = l.byCustomer[c]!
                        return .object([
                            ("customer", .string(c)), ("kwh", .number(e.kwh)),
                            ("kwh_by_country", .object(e.kwhByCountry.keys.sorted().map { ($0, JSONValue.number(e.kwhByCountry[$0]!)) })),
                            ("equipment", .array(e.equipment.map { .string($0) })),
                        ])
                    }
                )
            ),
        ])
    }

    static func json(_ e: EndOfLifeResult) -> JSONValue {
        .object([
            ("kgco2e", .number(e.kg)), ("mass_kg", .number(e.massKg)),
            ("mass_kg_by_treatment", .object(Treatment.allCases.map { ($0.rawValue, JSONValue.number(e.massKgByTreatment[$0] ?? 0)) })),
            ("lines", .integer(e.lines)), ("excluded_units", .number(e.excludedUnits)), ("excluded_kg", .number(e.excludedKg)),
        ])
    }

    static func json(_ w: WasteIndicators) -> JSONValue {
        let rate: (Double?) -> JSONValue = { $0.map { .number($0) } ?? .null }
        return .object([
            ("returned_kg", .number(w.returnedKg)), ("units", .number(w.units)),
            ("waste_kg_by_treatment", .object(Treatment.allCases.map { ($0.rawValue, JSONValue.number(w.kg($0))) })),
            ("diverted_from_disposal_kg", .number(w.divertedKg)), ("directed_to_disposal_kg", .number(w.disposedKg)),
            ("treatment_kgco2e", .number(w.treatmentKgCO2e)), ("transport_kgco2e", .number(w.transportKgCO2e)),
            ("kgco2e", .number(w.totalKg)), ("reuse_rate", rate(w.reuseRate)), ("recycling_rate", rate(w.recyclingRate)),
            ("diversion_rate", rate(w.diversionRate)), ("recycling_rate_of_rest", rate(w.recyclingRateOfRest)),
        ])
    }

    static func json(_ x: DownstreamExclusion) -> JSONValue {
        .object([
            ("file", .string(x.location.file)), ("line", .integer(x.location.line)), ("scope3_category", .integer(x.category.rawValue)),
            ("product", .string(x.product)), ("units", .number(x.units)), ("mass_kg", x.kg.map { .number($0) } ?? .null),
            ("reason", .string(x.reason)),
        ])
    }

    static func json(_ l: DownstreamLineResult) -> JSONValue {
        var m: [(String, JSONValue)] = [
            ("file", .string(l.location.file)), ("line", .integer(l.location.line)), ("scope3_category", .integer(l.category.rawValue)),
            ("part", .string(l.part.rawValue)), ("product", .string(l.product)), ("product_type", .string(l.productType)),
        ]
        if let c = l.customer { m.append(("customer", .string(c))) }
        if let t = l.treatment { m.append(("treatment", .string(t.rawValue))) }
        m += [("activity", .number(l.activity)), ("activity_unit", .string(l.activityUnit)), ("kgco2e", .number(l.kg))]
        if let f = l.factor {
            m += [
                ("factor", .string(f.name)), ("factor_kgco2e_per_unit", .number(f.kgPerUnit)), ("factor_unit", .string(f.unit)),
                ("factor_source", .string(f.source)),
            ]
        }
        if let s = l.inputSource { m.append(("input_source", .string(s))) }
        m.append(("steps", .array(l.steps.map { .string($0) })))
        return .object(m)
    }
}
