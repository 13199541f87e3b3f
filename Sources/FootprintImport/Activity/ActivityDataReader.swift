public import FootprintCore
import Foundation

/// Reads the activity files of a data folder (docs/activity.md) into `ActivityData`: `sites.csv`,
/// `fuel.csv`, `refrigerants.csv`, `energy.csv`, `energy_instruments.csv`, `grid_factors.csv`, all
/// optional. Every problem in every file is reported; nothing is returned if there is one.
public enum ActivityDataReader {
    public static let fileNames = ["sites.csv", "fuel.csv", "refrigerants.csv", "energy.csv", "energy_instruments.csv", "grid_factors.csv"]

    public static func read(directory: String) throws(InputError) -> ActivityData {
        try read(tables: CSVTable.folder(directory))
    }

    /// Reads the files `table` gives by name (nil for a file that is absent): from a folder, or from
    /// the contents a workspace keeps.
    public static func read(
        tables table: (String, inout [Diagnostic]) throws(InputError) -> CSVTable?
    ) throws(InputError) -> ActivityData {
        var diagnostics: [Diagnostic] = []
        var data = ActivityData()
        func attempt(_ body: () throws(InputError) -> Void) {
            do { try body() } catch { diagnostics += error.diagnostics }
        }
        func load(_ name: String) throws(InputError) -> CSVTable? { try table(name, &diagnostics) }
        attempt { () throws(InputError) in if let t = try load("sites.csv") { data.sites = try sites(t, &diagnostics) } }
        let known = Set(data.sites.map(\.id))
        attempt { () throws(InputError) in if let t = try load("fuel.csv") { data.fuel = try fuel(t, sites: known, &diagnostics) } }
        attempt { () throws(InputError) in
            if let t = try load("refrigerants.csv") { data.refrigerants = try refrigerants(t, sites: known, &diagnostics) }
        }
        attempt { () throws(InputError) in if let t = try load("energy.csv") { data.energy = try energy(t, sites: known, &diagnostics) } }
        attempt { () throws(InputError) in
            if let t = try load("energy_instruments.csv") { data.instruments = try instruments(t, sites: known, &diagnostics) }
        }
        attempt { () throws(InputError) in if let t = try load("grid_factors.csv") { data.gridFactors = try gridFactors(t, &diagnostics) } }
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return data
    }
}

extension RowReader {
    /// A `YYYY-MM-DD` day as YYYYMMDD.
    mutating func day(_ column: String, required: Bool = true) -> Int32? {
        field(column, required: required, isNot: "a date; expected YYYY-MM-DD, such as 2024-03-31") {
            CivilDate.isValid($0) ? Int32($0.filter { $0 != "-" }) : nil
        }
    }

    /// A non-negative quantity.
    mutating func quantity(_ column: String, required: Bool = true) -> Double? {
        nonNegative(column, required: required, "a quantity")
    }

    /// A site id that is a row of sites.csv.
    mutating func site(_ column: String, _ known: Set<String>, required: Bool = true) -> String? {
        self.known(column, required: required, in: known, expected: "a site of sites.csv (\(known.sorted().joined(separator: ", ")))")
    }

    /// One of the raw values of an enumeration, any case.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, required: Bool = true) -> T?
    where T.RawValue == String {
        field(column, required: required, isNot: "known; expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))") { text in
            T.allCases.first { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }
        }
    }

    /// An ISO 3166 alpha-2 country code, upper-cased.
    mutating func country(_ column: String) -> String? {
        field(column, required: true, isNot: "a country code; expected ISO 3166 alpha-2, such as NO") {
            $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } ? $0.uppercased() : nil
        }
    }

    var location: SourceLocation { SourceLocation(file: table.file, line: row.line) }
}
