import FootprintCore

extension PACTCheck {
    /// Rules of the Technical Specifications the schema does not express, and the sum rules.
    mutating func semantic(_ pf: JSONValue, _ pcf: JSONValue, header: HeaderFacts, figures: CarbonFigures) {
        periods(header: header, figures: figures)
        coupling(pcf)
        if figures.declaredUnit == "kilogram", let mass = figures.decimals["productMassPerDeclaredUnit"],
            let amount = figures.decimals["declaredUnitAmount"], mass.double != amount.double
        {
            warning(
                "/pcf/productMassPerDeclaredUnit",
                "\"\(mass.text)\" differs from declaredUnitAmount \"\(amount.text)\" although the declared unit is kilogram; expected the two to be equal"
            )
        }
        if let share = figures.decimals["primaryDataShare"], share.double > 100 {
            warning("/pcf/primaryDataShare", "\"\(share.text)\" is more than 100; expected a percentage from 0 to 100")
        }
        if let exempted = figures.decimals["exemptedEmissionsPercent"], exempted.double > 100 {
            warning("/pcf/exemptedEmissionsPercent", "\"\(exempted.text)\" is more than 100; expected a percentage from 0 to 100")
        }
        sums(figures)
    }

    /// Reference period start < end (error); validity period V2: end after start (error), start not
    /// before the reference period end and end at most 3 years after it (warnings: the spec's own
    /// examples break these two).
    mutating func periods(header: HeaderFacts, figures: CarbonFigures) {
        if let start = figures.referenceStart, let end = figures.referenceEnd, end <= start {
            error(
                "/pcf/referencePeriodEnd",
                "\"\(end.text)\" is not after referencePeriodStart \"\(start.text)\"; expected the (exclusive) end of the reference period to be later than its start"
            )
        }
        if let start = header.validityStart, let end = header.validityEnd, end <= start {
            error(
                "/validityPeriodEnd",
                "\"\(end.text)\" is not after validityPeriodStart \"\(start.text)\"; expected the validity period to end after it starts"
            )
        }
        guard let referenceEnd = figures.referenceEnd else { return }
        if let start = header.validityStart, start < referenceEnd {
            warning(
                "/validityPeriodStart",
                "\"\(start.text)\" is before referencePeriodEnd \"\(referenceEnd.text)\"; expected the validity period to start at or after the end of the reference period (rule V2)"
            )
        }
        let limit = referenceEnd.addingYears(3)
        if let end = header.validityEnd, end > limit {
            warning(
                "/validityPeriodEnd",
                "\"\(end.text)\" is more than 3 years after referencePeriodEnd \"\(referenceEnd.text)\"; expected at most \(limit.text) (rule V2)"
            )
        }
    }

    /// Packaging (V4) and carbon capture (V5) flags against the figures they govern.
    mutating func coupling(_ pcf: JSONValue) {
        let packaging = Self.defined(pcf, "packagingEmissionsIncluded")?.boolValue
        if packaging == false, Self.defined(pcf, "packagingGhgEmissions") != nil {
            error(
                "/pcf/packagingGhgEmissions",
                "is given while packagingEmissionsIncluded is false; expected no packagingGhgEmissions, or packagingEmissionsIncluded true"
            )
        } else if packaging == true, Self.defined(pcf, "packagingGhgEmissions") == nil {
            warning(
                "/pcf/packagingGhgEmissions",
                "is missing while packagingEmissionsIncluded is true; expected the packaging emissions to be reported"
            )
        }
        if Self.defined(pcf, "ccsTechnologicalCO2CaptureIncluded")?.boolValue == false {
            for key in ["ccsTechnologicalCO2Capture", "technologicalCO2Removals", "technologicalCO2CaptureOrigin"] where Self.defined(pcf, key) != nil
            {
                error(
                    "/pcf/" + key,
                    "is given while ccsTechnologicalCO2CaptureIncluded is false; expected no \(key), or ccsTechnologicalCO2CaptureIncluded true"
                )
            }
        }
    }

    /// V11, warnings only: `pcfExcludingBiogenicUptake` = the sum of its parts (absent parts count
    /// as 0) and `pcfIncludingBiogenicUptake` = `pcfExcludingBiogenicUptake + biogenicCO2Uptake`.
    mutating func sums(_ figures: CarbonFigures) {
        let d = figures.decimals
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(1e-9, 1e-6 * max(abs(a), abs(b))) }
        let parts = [
            "fossilGhgEmissions", "landUseChangeGhgEmissions", "landManagementBiogenicCO2Emissions",
            "landManagementBiogenicCO2Removals", "technologicalCO2Removals", "ccsTechnologicalCO2Capture",
            "biogenicNonCO2Emissions",
        ]
        if let excluding = d["pcfExcludingBiogenicUptake"], let fossil = d["fossilGhgEmissions"] {
            let sum = parts.dropFirst().reduce(fossil.double) { $0 + (d[$1]?.double ?? 0) }
            if !close(sum, excluding.double) {
                warning(
                    "/pcf/pcfExcludingBiogenicUptake",
                    "\"\(excluding.text)\" differs from the sum of its parts (\(format(sum)) = " + parts.joined(separator: " + ")
                        + "); expected them to be equal"
                )
            }
        }
        if let excluding = d["pcfExcludingBiogenicUptake"], let including = d["pcfIncludingBiogenicUptake"] {
            let expected = excluding.double + (d["biogenicCO2Uptake"]?.double ?? 0)
            if !close(expected, including.double) {
                warning(
                    "/pcf/pcfIncludingBiogenicUptake",
                    "\"\(including.text)\" differs from pcfExcludingBiogenicUptake + biogenicCO2Uptake (\(format(expected))); expected them to be equal"
                )
            }
        }
    }

    func format(_ x: Double) -> String {
        let r = (x * 1e9).rounded() / 1e9
        return r == r.rounded() && abs(r) < 1e15 ? String(Int64(r)) : "\(r)"
    }
}
