extension DownstreamCalculator {
    /// One treatment of a mass: tonnes × the treatment's factor per tonne; re-use and refurbishment
    /// have no factor (not waste treatments) and 0 kg CO2e.
    static func treatmentLine(
        location: SourceLocation,
        category: Scope3Category,
        part: DownstreamLineResult.Part,
        product: String,
        productType: String,
        treatment: Treatment,
        kg: Double,
        steps: [String],
        inputSource: String?,
        factors: DownstreamFactors
    ) throws(DownstreamCalculationError) -> DownstreamLineResult {
        let tonnes = kg / 1000
        var line = DownstreamLineResult(
            location: location,
            category: category,
            part: part,
            product: product,
            productType: productType,
            treatment: treatment,
            activity: tonnes,
            activityUnit: "tonnes",
            factor: nil,
            kg: 0,
            steps: steps,
            inputSource: inputSource
        )
        if treatment.isReuse {
            line.steps.append(
                "\(treatment.rawValue): no end-of-life factor (not a waste treatment: DESNZ 2024 'Waste disposal', note A97-A98) = 0 kg CO2e"
            )
            return line
        }
        guard let factor = factors.weee[treatment] else {
            throw DownstreamCalculationError(
                "\(location): the factor set has no \(treatment.rawValue) factor for WEEE; add one or give another treatment"
            )
        }
        line.factor = LineFactor(factor)
        line.kg = tonnes * factor.kgPerUnit
        line.steps.append(
            "/ 1000 = \(tonnes.downstreamText) tonnes × \(factor.kgPerUnit.downstreamText) kg CO2e per tonne (\(factor.name)) = \(line.kg.downstreamText) kg CO2e"
        )
        return line
    }
}
