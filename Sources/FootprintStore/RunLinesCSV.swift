import FootprintCore
import Foundation

/// The CSV form of a run's lines (`footprint runs lines`): the line's place and input fields, its
/// method and kg, then the provenance columns of `calculate --lines-out`, written the same way
/// (numbers in their shortest round-trip form; empty where a column does not apply).
public enum RunLinesCSV {
    public static let columns = [
        "run", "import_id", "file", "source_line", "purchase_id", "date", "supplier", "category", "scope3_category", "amount",
        "currency", "product", "quantity", "unit", "customer", "method", "kgco2e", "factor_kgco2e_per_unit", "factor_unit", "source",
        "unit_conversion", "fx_line_per_usd", "fx_target_per_usd", "price_index_ratio", "activity", "unmapped_reason",
        "fall_through", "pact_footprint_id", "primary_data_share", "technological_dqr", "geographical_dqr", "temporal_dqr",
        "biogenic_co2_uptake_kg",
    ]

    public static let header = columns.joined(separator: ",") + "\n"

    /// The fields of one line, unquoted, in `columns` order.
    public static func fields(_ l: RunLine) -> [String] {
        let p = l.provenance
        func number(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
        return [
            String(l.run), String(l.importID), l.file, String(l.sourceLine), l.purchaseID, l.date, l.supplier, l.category,
            String(l.scope3.rawValue), l.amount, l.currency, l.product ?? "", l.quantity ?? "", l.unit ?? "", l.customer ?? "",
            l.methodName, l.method == nil ? "0" : "\(l.kg)", p.factorValue ?? "", p.factorUnit ?? "", p.source?.label ?? "",
            l.method == nil || p.unitConversion == 1 ? "" : "\(p.unitConversion)", number(p.fxLinePerUSD), number(p.fxTargetPerUSD),
            number(p.priceIndexRatio), number(p.activity), p.unmappedReason?.explanation ?? "",
            p.fallThrough?.code ?? "", p.pactID ?? "", p.primaryDataShare ?? "", p.dataQuality?.technological ?? "",
            p.dataQuality?.geographical ?? "", p.dataQuality?.temporal ?? "", number(p.biogenicUptakeKg),
        ]
    }

    /// One CSV record (RFC 4180 quoting), ending in a newline.
    public static func row(_ l: RunLine) -> String {
        var out = ""
        for (i, field) in fields(l).enumerated() {
            if i > 0 { out += "," }
            out += quoted(field)
        }
        return out + "\n"
    }

    static func quoted(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
