extension DownstreamCalculator {
    /// The location-based grid factor of `country`, the latest not after `year` (as Scope 2 chooses it),
    /// or an error naming the row that needs it.
    static func gridFactor(
        _ grid: GridFactorSet,
        country: String,
        year: Int,
        at location: SourceLocation
    ) throws(DownstreamCalculationError) -> GridFactor {
        guard let factor = grid.factor(areas: [country], basis: .location, year: year) else {
            let years = grid.years(areas: [country], basis: .location)
            throw DownstreamCalculationError(
                "\(location): no location-based grid factor for country '\(country)' in or before \(year)"
                    + (years.isEmpty ? "" : " (there are for \(years.map(String.init).joined(separator: ", ")))")
                    + "; add a grid_factors.csv row (area,year,basis,kgco2e_per_kwh,source) with basis location"
            )
        }
        return factor
    }

    /// Category 13: the rows of `leased_equipment.csv` in the period, each kWh × the location-based grid
    /// factor of its country; a row that runs over the period's first or last day counts for its days in
    /// the period. The kWh are the customers' (they pay for the power): kept by customer for their statements.
    static func leasedAssets(
        _ rows: [LeasedEquipment],
        period: ReportingPeriod,
        grid: GridFactorSet,
        _ result: inout DownstreamResult
    ) throws(DownstreamCalculationError) -> LeasedAssetsResult {
        var leased = LeasedAssetsResult()
        for row in rows {
            let from = max(row.start, period.start)
            let to = min(row.end, period.end)
            guard from <= to else {
                leased.outsidePeriod += 1
                continue
            }
            var steps = ["\(row.energyStep) (\(row.location))"]
            var kwh = row.kwh
            let total = row.days
            let inPeriod = CivilDate.days(yyyymmdd: to) - CivilDate.days(yyyymmdd: from) + 1
            if inPeriod < total {
                kwh = row.kwh * Double(inPeriod) / Double(total)
                steps.append(
                    "× \(inPeriod) of its \(total) days in the period (\(ReportingPeriod.text(from)) to \(ReportingPeriod.text(to))) "
                        + "= \(kwh.downstreamText) kWh"
                )
            }
            let year = Int(to / 10000)
            let factor = try gridFactor(grid, country: row.country, year: year, at: row.location)
            let kg = kwh * factor.kgPerKWh
            let applied = LineFactor(factor)
            steps.append(
                "× \(factor.kgPerKWh.downstreamText) kg CO2e/kWh (\(applied.name), country \(row.country), year \(year)) = \(kg.downstreamText) kg CO2e"
            )
            steps.append("the customer \(row.customer) pays for this electricity: its Scope 2, not ours; our Category 13")
            result.lines.append(
                DownstreamLineResult(
                    location: row.location,
                    category: .downstreamLeasedAssets,
                    part: .leasedAsset,
                    product: row.equipment,
                    productType: row.productType ?? "",
                    customer: row.customer,
                    activity: kwh,
                    activityUnit: "kWh",
                    factor: applied,
                    kg: kg,
                    steps: steps,
                    inputSource: row.source
                )
            )
            leased.kg += kg
            leased.kwh += kwh
            leased.lines += 1
            leased.byCustomer[row.customer, default: CustomerLeasedEnergy()].add(row.equipment, country: row.country, kwh: kwh)
        }
        return leased
    }
}
