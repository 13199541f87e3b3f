public import FootprintCore

extension DownstreamDataReader {
    /// `returns.csv`: date, product_type, owner (`own` or `sold`), kg, and the outcomes as shares
    /// (`<treatment>_pct`, adding up to 100) or masses (`<treatment>_kg`, adding up to kg); optionally
    /// units, transport_km, transport_mode (`hgv` or `van`), programme. A row with no outcomes and a
    /// programme takes the shares of that supplier's take-back answer (the calculation finds it).
    public static func returns(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [ProductReturn] {
        var result: [ProductReturn] = []
        let outcomes = Treatment.allCases.flatMap { [$0.rawValue + "_pct", $0.rawValue + "_kg"] }
        try ReferenceDataReader.rows(
            table,
            required: ["date", "product_type", "owner", "kg"],
            optional: ["units", "transport_km", "transport_mode", "programme"] + outcomes,
            &diagnostics
        ) { r in
            let date = r.date("date")
            let type = r.required("product_type")
            let owner = r.field(
                "owner",
                required: true,
                isNot: "an owner; expected own (the company's equipment, Category 5) or sold (products it sold, Category 12)"
            ) { ProductReturn.Owner(rawValue: $0.lowercased()) }
            let kg = r.positive("kg", required: true, "a mass in kg")
            let units = r.nonNegative("units", required: false, "a number of units")
            let km = r.nonNegative("transport_km", required: false, "a distance in km")
            let mode =
                r.field("transport_mode", isNot: "a vehicle; expected hgv or van, or empty for hgv") { FreightMode(rawValue: $0.lowercased()) }
                ?? .hgv
            let percent = r.treatments(suffix: "_pct", "a share in percent")
            let masses = r.treatments(suffix: "_kg", "a mass in kg")
            var shares: TreatmentShares?
            switch (percent, masses) {
            case (nil, nil):
                // No outcomes: the programme's supplier's take-back answer gives the shares (the calculation takes them).
                if r.optional("programme") == nil {
                    r.fail(
                        "recycling_pct",
                        "no outcome is given; expected the shares <outcome>_pct adding up to 100, the masses <outcome>_kg adding up to kg, "
                            + "or in programme the id of the supplier whose take-back answer gives the shares"
                    )
                }
            case (.some, .some):
                r.fail("recycling_kg", "outcomes are given both as shares (_pct) and as masses (_kg); give one of them")
            case (let percent?, nil):
                shares = r.shares(percent, suffix: "_pct")
            case (nil, let masses?):
                let sum = Treatment.allCases.reduce(0) { $0 + (masses[$1] ?? 0) }
                if let kg, abs(sum - kg) > max(0.001, kg * 1e-9) {
                    let column = Treatment.allCases.first { masses[$0] != nil }.map { $0.rawValue + "_kg" } ?? "kg"
                    r.fail(
                        column,
                        "the outcomes add up to \(sum) kg, and the row returns \(kg) kg; expected every returned kilogram to have one outcome"
                    )
                } else if sum > 0 {
                    shares = TreatmentShares(masses.mapValues { $0 / sum })
                }
            }
            let fromAnswer = percent == nil && masses == nil
            guard r.diagnostics.isEmpty, let date, let type, let owner, let kg, let shares = shares ?? (fromAnswer ? TreatmentShares([:]) : nil)
            else {
                return
            }
            result.append(
                ProductReturn(
                    location: SourceLocation(file: table.file, line: r.row.line),
                    date: date,
                    productType: type,
                    owner: owner,
                    units: units,
                    kg: kg,
                    shares: shares,
                    outcomesInKg: masses != nil,
                    transportKm: km,
                    transportMode: mode,
                    programme: r.optional("programme"),
                    sharesFromAnswer: fromAnswer
                )
            )
        }
        return result
    }
}
