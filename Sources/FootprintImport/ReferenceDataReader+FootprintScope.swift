public import FootprintCore

extension ReferenceDataReader {
    /// The optional columns of product_footprints.csv that say what a footprint covers, as PACT does:
    /// when it may be used, the period its data describe, its primary-data share and data quality.
    static let footprintScopeColumns = [
        "valid_from", "valid_to", "reference_period_start", "reference_period_end", "primary_data_share", "dqi_technological",
        "dqi_geographical", "dqi_temporal",
    ]

    /// Reads `footprintScopeColumns` into `footprint`: `valid_from` and `valid_to` (first and last day,
    /// both included; either may be empty) set its validity, which the supplier-specific rule checks
    /// against each line's date; the reference period, `primary_data_share` (0 to 100 percent) and the
    /// three data-quality ratings (1 best to 5 worst, as PACT v3) are recorded and shown in the line's source.
    /// Returns false after reporting a problem on the row.
    static func readScope(_ r: inout RowReader, into footprint: inout ProductFootprint) -> Bool {
        var valid = true
        func date(_ column: String) -> Int32? {
            r.field(column, valid: &valid, isNot: "a date; expected YYYY-MM-DD, such as 2024-01-31") { text in
                text.count == 10 ? CivilDate.dayNumber(text).map { CivilDate.yyyymmdd(days: Int64($0)) } : nil
            }
        }
        let from = date("valid_from")
        let to = date("valid_to")
        let start = date("reference_period_start")
        let end = date("reference_period_end")
        guard valid else { return false }
        if let first = from, let last = to, last < first {
            r.fail("valid_to", "the footprint's validity ends before it starts (valid_from \(r.optional("valid_from")!)); give its last valid day")
            return false
        }
        if from != nil || to != nil { footprint.validity = ValidityPeriod(firstDay: from, lastDay: to) }
        switch (start, end) {
        case (nil, nil): break
        case (let first?, let last?):
            guard first <= last else {
                r.fail("reference_period_end", "the reference period ends before it starts; give its first and last day")
                return false
            }
            footprint.referencePeriod = first...last
        default:
            r.fail(start == nil ? "reference_period_start" : "reference_period_end", "give both ends of the reference period, or neither")
            return false
        }
        footprint.primaryDataShare = r.field("primary_data_share", valid: &valid, isNot: "a share; expected a percentage from 0 to 100, such as 45") {
            FieldParser.decimal($0).map { (0...100).contains($0.value) } == true ? $0 : nil
        }
        guard valid else { return false }
        let ratings = ["dqi_technological", "dqi_geographical", "dqi_temporal"].map { r.optional($0) }
        if ratings.contains(where: { $0 != nil }) {
            for (column, text) in zip(["dqi_technological", "dqi_geographical", "dqi_temporal"], ratings) {
                guard let text else {
                    r.fail(column, "the field is empty; give all three data-quality ratings, or none")
                    return false
                }
                guard let value = FieldParser.decimal(text)?.value, value >= 1, value <= 5 else {
                    r.fail(column, "'\(text)' is not a data-quality rating; expected a number from 1 (best) to 5 (worst), as PACT v3 (v2: 1 to 3)")
                    return false
                }
            }
            footprint.dataQuality = DataQualityRatings(technological: ratings[0]!, geographical: ratings[1]!, temporal: ratings[2]!)
        }
        return true
    }
}
