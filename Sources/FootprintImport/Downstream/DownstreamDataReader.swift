public import FootprintCore
import Foundation

/// Reads the sold-products and take-back files of a data folder (docs/downstream.md): `sales.csv`,
/// `product_use.csv`, `end_of_life.csv`, `returns.csv`, `leased_equipment.csv` and
/// `avoided_emissions.csv`, each optional (absent: what needs it is
/// not computed). Every problem in every file is reported; nothing is returned if there is one.
public enum DownstreamDataReader {
    public static let salesFile = "sales.csv"
    public static let useFile = "product_use.csv"
    public static let endOfLifeFile = "end_of_life.csv"
    public static let returnsFile = "returns.csv"
    public static let leasedFile = "leased_equipment.csv"
    public static let avoidedFile = "avoided_emissions.csv"

    public static func read(directory: String) throws(InputError) -> DownstreamData {
        try read(tables: CSVTable.folder(directory))
    }

    /// Reads the files `table` gives by name (nil for a file that is absent): from a folder, or from
    /// the contents a workspace keeps. A sale's product is matched with `product_use.csv` by the
    /// calculation, which counts and states a sale it cannot match (the files are imported one by one).
    public static func read(
        tables table: (String, inout [Diagnostic]) throws(InputError) -> CSVTable?
    ) throws(InputError) -> DownstreamData {
        var diagnostics: [Diagnostic] = []
        var data = DownstreamData()
        var thrown: [Diagnostic] = []
        func attempt(_ body: () throws(InputError) -> Void) {
            do { try body() } catch { thrown += error.diagnostics }
        }
        attempt { () throws(InputError) in if let t = try table(salesFile, &diagnostics) { data.sales = try sales(t, &diagnostics) } }
        attempt { () throws(InputError) in if let t = try table(useFile, &diagnostics) { data.useProfiles = try useProfiles(t, &diagnostics) } }
        attempt { () throws(InputError) in if let t = try table(endOfLifeFile, &diagnostics) { data.endOfLife = try endOfLife(t, &diagnostics) } }
        attempt { () throws(InputError) in if let t = try table(returnsFile, &diagnostics) { data.returns = try returns(t, &diagnostics) } }
        attempt { () throws(InputError) in
            if let t = try table(leasedFile, &diagnostics) { data.leasedEquipment = try leasedEquipment(t, &diagnostics) }
        }
        attempt { () throws(InputError) in if let t = try table(avoidedFile, &diagnostics) { data.avoided = try avoided(t, &diagnostics) } }
        diagnostics += thrown
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return data
    }
}

extension RowReader {
    /// A country of use: ISO 3166 alpha-2 (two letters), upper-cased.
    mutating func country(_ column: String, required: Bool) -> String? {
        field(column, required: required, isNot: "a country code; expected ISO 3166 alpha-2, such as NO or SE") {
            $0.uppercased().isTwoCapitals ? $0.uppercased() : nil
        }
    }

    /// A number above zero; `what` names it in the message.
    mutating func positive(_ column: String, required: Bool, _ what: String) -> Double? {
        guard let value = nonNegative(column, required: required, what) else { return nil }
        guard value > 0 else {
            fail(column, "'\(optional(column)!)' is zero; expected \(what) of more than zero")
            return nil
        }
        return value
    }

    /// The shares or masses of the treatments, from the columns `<treatment><suffix>` (`recycling_pct`),
    /// as fractions of their unit; nil when the row gives none of them.
    mutating func treatments(suffix: String, _ what: String) -> [Treatment: Double]? {
        var values: [Treatment: Double] = [:]
        var given = false
        for t in Treatment.allCases {
            let column = t.rawValue + suffix
            guard optional(column) != nil else { continue }
            given = true
            if let v = nonNegative(column, required: true, what) { values[t] = v }
        }
        return given ? values : nil
    }

    /// Checks percentages add up to 100 (within 0.01) and returns them as fractions; fails on the
    /// row's first share column otherwise.
    mutating func shares(_ percent: [Treatment: Double], suffix: String) -> TreatmentShares? {
        let sum = Treatment.allCases.reduce(0) { $0 + (percent[$1] ?? 0) }
        guard abs(sum - 100) <= 0.01 else {
            let column = Treatment.allCases.first { optional($0.rawValue + suffix) != nil }.map { $0.rawValue + suffix } ?? "recycling" + suffix
            let parts = Treatment.allCases.compactMap { t in percent[t].map { "\(t.rawValue) \($0)" } }.joined(separator: " + ")
            fail(column, "the shares add up to \((sum * 1e6).rounded() / 1e6)% (\(parts)); expected 100%: every kilogram has one outcome")
            return nil
        }
        return TreatmentShares(percent.mapValues { $0 / 100 })
    }
}
