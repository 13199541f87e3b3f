import FootprintCore
import Foundation

/// The CSV form of a run's lines (`footprint runs lines`): the line's place and input fields, its
/// method and kg, then the provenance columns of `calculate --lines-out`, written the same way
/// (numbers in their shortest round-trip form; empty where a column does not apply).
public enum RunLinesCSV {
    public static let columns =
        [
            "run", "import_id", "file", "source_line", "purchase_id", "date", "supplier", "category", "scope3_category", "amount",
            "currency", "product", "quantity", "unit", "customer",
        ]
        + ProvenanceCSV.columns
        + [
            "pact_footprint_id", "primary_data_share", "technological_dqr", "geographical_dqr", "temporal_dqr",
            "biogenic_co2_uptake_kg",
        ]

    public static let header = columns.joined(separator: ",") + "\n"

    /// The fields of one line, unquoted, in `columns` order. A line left out of the inventory has no
    /// Scope 3 category.
    public static func fields(_ l: RunLine) -> [String] {
        let p = l.provenance
        return [
            String(l.run), String(l.importID), l.file, String(l.sourceLine), l.purchaseID, l.date, l.supplier, l.category,
            p.exclusion == nil ? String(l.scope3.rawValue) : "", l.amount, l.currency, l.product ?? "", l.quantity ?? "", l.unit ?? "",
            l.customer ?? "",
        ]
            + ProvenanceCSV.fields(p)
            + [
                p.pactID ?? "", p.primaryDataShare ?? "", p.dataQuality?.technological ?? "",
                p.dataQuality?.geographical ?? "", p.dataQuality?.temporal ?? "", p.biogenicUptakeKg.map { "\($0)" } ?? "",
            ]
    }

    /// One CSV record (RFC 4180 quoting), ending in a newline.
    public static func row(_ l: RunLine) -> String {
        fields(l).map(ProvenanceCSV.quoted).joined(separator: ",") + "\n"
    }
}
