extension DownstreamCalculator {
    /// The lines of one return in the period: one per outcome, and the transport when its distance is given.
    static func lines(
        _ item: ProductReturn,
        _ factors: DownstreamFactors,
        _ takeBack: inout TakeBackResult,
        sharesFrom origin: SupplierAnswerOrigin? = nil
    ) throws(DownstreamCalculationError) -> [DownstreamLineResult] {
        let category = item.owner.category
        var indicators = item.owner == .own ? takeBack.own : takeBack.sold
        var lines: [DownstreamLineResult] = []
        let given = origin.map { "the take-back shares of \($0.text)" } ?? (item.outcomesInKg ? "kg per outcome" : "shares")
        let source = origin.map { "take-back answer: \($0.text)" } ?? item.programme
        for (t, kg) in item.shares.split(item.kg) {
            let line = try treatmentLine(
                location: item.location,
                category: category,
                part: .takeBack,
                product: item.productType,
                productType: item.productType,
                treatment: t,
                kg: kg,
                steps: [
                    "\(item.kg.downstreamText) kg returned (\(item.owner.rawValue) equipment) × \(TreatmentShares.percent(item.shares.fraction(t))) "
                        + "\(t.outcome) (\(given)\(origin != nil && t == .landfill ? "; its residual, taken as landfill" : "")) = \(kg.downstreamText) kg"
                ],
                inputSource: source,
                factors: factors
            )
            indicators.kgByTreatment[t, default: 0] += kg
            indicators.treatmentKgCO2e += line.kg
            lines.append(line)
        }
        if let km = item.transportKm {
            guard let factor = factors.freight[item.transportMode] else {
                throw DownstreamCalculationError("\(item.location): the factor set has no freight factor for '\(item.transportMode.rawValue)'")
            }
            let tonneKm = item.kg / 1000 * km
            let kg = tonneKm * factor.kgPerUnit
            lines.append(
                DownstreamLineResult(
                    location: item.location,
                    category: category,
                    part: .takeBackTransport,
                    product: item.productType,
                    productType: item.productType,
                    activity: tonneKm,
                    activityUnit: "tonne.km",
                    factor: LineFactor(factor),
                    kg: kg,
                    steps: [
                        "\(item.kg.downstreamText) kg / 1000 × \(km.downstreamText) km to the treatment site = \(tonneKm.downstreamText) tonne.km",
                        "× \(factor.kgPerUnit.downstreamText) kg CO2e per tonne.km (\(factor.name)) = \(kg.downstreamText) kg CO2e",
                    ],
                    inputSource: source
                )
            )
            indicators.transportKgCO2e += kg
        }
        indicators.returnedKg += item.kg
        indicators.units += item.units ?? 0
        if item.owner == .own { takeBack.own = indicators } else { takeBack.sold = indicators }
        takeBack.lines += 1
        return lines
    }
}
