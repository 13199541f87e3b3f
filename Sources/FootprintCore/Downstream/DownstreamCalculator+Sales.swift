extension DownstreamCalculator {
    /// The use profiles and end-of-life profiles by key, and the totals so far.
    struct SalesContext {
        var byProduct: [String: UseProfile] = [:]
        var byType: [String: UseProfile] = [:]
        var endOfLifeProfiles: [String: EndOfLifeProfile] = [:]
        let grid: GridFactorSet
        let factors: DownstreamFactors
        var use = UsePhaseResult()
        var endOfLife = EndOfLifeResult()

        init(_ data: DownstreamData, grid: GridFactorSet, factors: DownstreamFactors) {
            for profile in data.useProfiles {
                if let product = profile.product {
                    byProduct[product] = profile
                } else {
                    byType[profile.productType.lowercased()] = profile
                }
            }
            for profile in data.endOfLife { endOfLifeProfiles[Self.key(profile.productType, profile.country)] = profile }
            self.grid = grid
            self.factors = factors
        }

        static func key(_ type: String, _ country: String?) -> String { type.lowercased() + "|" + (country ?? "") }

        /// The sale's use-phase line and end-of-life lines, or its exclusions.
        mutating func add(_ sale: Sale, to result: inout DownstreamResult) throws(DownstreamCalculationError) {
            guard let profile = byProduct[sale.product] else {
                let reason =
                    "product '\(sale.product)' is not in product_use.csv, the products bought for resale: add its row "
                    + "(product, product_type, and power and lifetime, or mass) or correct the sale"
                for category in [Scope3Category.useOfSoldProducts, .endOfLifeTreatmentOfSoldProducts] {
                    result.exclusions.append(
                        DownstreamExclusion(location: sale.location, category: category, product: sale.product, units: sale.quantity, reason: reason)
                    )
                }
                use.excludedUnits += sale.quantity
                endOfLife.excludedUnits += sale.quantity
                return
            }
            if let given = sale.productType, given.lowercased() != profile.productType.lowercased() {
                throw DownstreamCalculationError(
                    "\(sale.location): product '\(sale.product)' is sold as product type '\(given)', but \(profile.location) "
                        + "gives it type '\(profile.productType)'; correct one of them, or leave the sale's product_type empty"
                )
            }
            let fallback = byType[profile.productType.lowercased()]
            try usePhase(sale, profile, fallback, &result)
            try endOfLife(sale, profile, fallback, &result)
        }

        mutating func usePhase(
            _ sale: Sale,
            _ profile: UseProfile,
            _ fallback: UseProfile?,
            _ result: inout DownstreamResult
        ) throws(DownstreamCalculationError) {
            let energyRow = profile.kwhPerYear != nil ? profile : fallback?.kwhPerYear != nil ? fallback : nil
            let lifetimeRow = profile.lifetimeYears != nil ? profile : fallback?.lifetimeYears != nil ? fallback : nil
            guard let energyRow, let kwhPerYear = energyRow.kwhPerYear, let lifetimeRow, let lifetime = lifetimeRow.lifetimeYears else {
                let missing = energyRow == nil ? "no power or kWh per year" : "no lifetime"
                result.exclusions.append(
                    DownstreamExclusion(
                        location: sale.location,
                        category: .useOfSoldProducts,
                        product: sale.product,
                        units: sale.quantity,
                        reason: "product '\(sale.product)' (\(profile.location)) has \(missing), and product type '\(profile.productType)' "
                            + "has no default in product_use.csv; add the figure from the vendor's data sheet"
                    )
                )
                use.excludedUnits += sale.quantity
                return
            }
            let year = Int(sale.date / 10000)
            let factor = try DownstreamCalculator.gridFactor(grid, country: sale.country, year: year, at: sale.location)
            let lifetimeKWh = kwhPerYear * lifetime * sale.quantity
            let kg = lifetimeKWh * factor.kgPerKWh
            let applied = LineFactor(factor)
            result.lines.append(
                DownstreamLineResult(
                    location: sale.location,
                    category: .useOfSoldProducts,
                    part: .use,
                    product: sale.product,
                    productType: profile.productType,
                    activity: lifetimeKWh,
                    activityUnit: "kWh",
                    factor: applied,
                    kg: kg,
                    steps: [
                        "\(energyRow.energyStep ?? "") (\(energyRow.location))",
                        "× \(lifetime.downstreamText) years of use (\(lifetimeRow.location)) × \(sale.quantity.downstreamText) units "
                            + "= \(lifetimeKWh.downstreamText) kWh over the products' life",
                        "× \(factor.kgPerKWh.downstreamText) kg CO2e/kWh (\(applied.name), country of use \(sale.country), year of sale \(year)) "
                            + "= \(kg.downstreamText) kg CO2e",
                    ],
                    inputSource: energyRow.source == lifetimeRow.source ? energyRow.source : "\(energyRow.source); \(lifetimeRow.source)"
                )
            )
            use.kg += kg
            use.units += sale.quantity
            use.lifetimeKWh += lifetimeKWh
            use.lines += 1
        }

        mutating func endOfLife(
            _ sale: Sale,
            _ profile: UseProfile,
            _ fallback: UseProfile?,
            _ result: inout DownstreamResult
        ) throws(DownstreamCalculationError) {
            let massRow = profile.massKg != nil ? profile : fallback?.massKg != nil ? fallback : nil
            let treatment = endOfLifeProfiles[Self.key(profile.productType, sale.country)] ?? endOfLifeProfiles[Self.key(profile.productType, nil)]
            guard let massRow, let unitKg = massRow.massKg, let treatment else {
                let mass = massRow?.massKg.map { $0 * sale.quantity }
                let reason =
                    massRow == nil
                    ? "product '\(sale.product)' (\(profile.location)) has no mass_kg, and product type '\(profile.productType)' has no default in product_use.csv"
                    : "end_of_life.csv has no treatment for product type '\(profile.productType)' in \(sale.country) or without a country"
                result.exclusions.append(
                    DownstreamExclusion(
                        location: sale.location,
                        category: .endOfLifeTreatmentOfSoldProducts,
                        product: sale.product,
                        units: sale.quantity,
                        kg: mass,
                        reason: reason
                    )
                )
                endOfLife.excludedUnits += sale.quantity
                endOfLife.excludedKg += mass ?? 0
                return
            }
            let mass = unitKg * sale.quantity
            let first = "\(sale.quantity.downstreamText) units × \(unitKg.downstreamText) kg (\(massRow.location)) = \(mass.downstreamText) kg sold"
            for (t, kg) in treatment.shares.split(mass) {
                let line = try DownstreamCalculator.treatmentLine(
                    location: sale.location,
                    category: .endOfLifeTreatmentOfSoldProducts,
                    part: .endOfLife,
                    product: sale.product,
                    productType: profile.productType,
                    treatment: t,
                    kg: kg,
                    steps: [
                        first,
                        "× \(TreatmentShares.percent(treatment.shares.fraction(t))) \(t.rawValue) (\(treatment.location)) = \(kg.downstreamText) kg",
                    ],
                    inputSource: treatment.source,
                    factors: factors
                )
                result.lines.append(line)
                endOfLife.kg += line.kg
                endOfLife.massKgByTreatment[t, default: 0] += kg
            }
            endOfLife.massKg += mass
            endOfLife.lines += 1
        }
    }
}
