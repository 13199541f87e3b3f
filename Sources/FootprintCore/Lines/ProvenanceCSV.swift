/// The provenance columns of a line, as `calculate --lines-out` and `runs lines` write them (one
/// writer for both): numbers in their shortest round-trip form, empty where a column does not apply,
/// RFC 4180 quoting. A line left out of the inventory has `outside-period` or `excluded` as its method,
/// 0 kg, and the period or the exclusion's reason in `unmapped_reason` (the column of why a line has no figure).
/// `fall_through` names the rule a line looked eligible for and fell through (`FallThrough.code`); the
/// last column, `method_boundary`, names the boundary of the method and figure that computed the line
/// (`MethodBoundary`), empty when none did.
public enum ProvenanceCSV {
    /// The columns, in order.
    public static let columns = [
        "method", "kgco2e", "factor_kgco2e_per_unit", "factor_unit", "source", "unit_conversion", "fx_line_per_usd",
        "fx_target_per_usd", "price_index_ratio", "activity", "unmapped_reason", "fall_through", "method_boundary",
    ]

    /// The fields of `p`, unquoted, in `columns` order. A line left out of the inventory has its status
    /// (`outside-period`, `excluded`) in the method column and why in the reason column.
    public static func fields(_ p: LineProvenance) -> [String] {
        func number(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
        if let exclusion = p.exclusion {
            return [exclusion.status.exclusionName!, "0", "", "", "", "", "", "", "", "", exclusion.explanation, "", ""]
        }
        return [
            p.method?.name ?? CalculationMethod.unmappedName, p.method == nil ? "0" : "\(p.kg)", p.factorValue ?? "",
            p.factorUnit ?? "", p.source?.label ?? "", p.method == nil || p.unitConversion == 1 ? "" : "\(p.unitConversion)",
            number(p.fxLinePerUSD), number(p.fxTargetPerUSD), number(p.priceIndexRatio), number(p.activity),
            p.unmappedReason?.explanation ?? "", p.fallThrough?.code ?? "", p.methodBoundary?.label ?? "",
        ]
    }

    /// Appends `field`, quoted when it holds a comma, a quote or a line break.
    public static func append(_ field: String, to out: inout [UInt8]) {
        guard field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
            out.append(contentsOf: field.utf8)
            return
        }
        out.append(34)
        for b in field.utf8 {
            if b == 34 { out.append(34) }
            out.append(b)
        }
        out.append(34)
    }

    /// `field`, quoted when it holds a comma, a quote or a line break.
    public static func quoted(_ field: String) -> String {
        var out: [UInt8] = []
        append(field, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
