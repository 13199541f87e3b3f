public import FootprintCore
import Foundation

/// Reads the travel and commuting files of a data folder (docs/travel-and-commuting.md): `travel.csv`,
/// `commuting_survey.csv` and `workforce.csv`, each optional (absent: that category is not computed).
/// Every problem in every file is reported; nothing is returned if there is one.
public enum TravelDataReader {
    public static let tripsFile = "travel.csv"
    public static let surveyFile = "commuting_survey.csv"
    public static let workforceFile = "workforce.csv"

    public static func read(directory: String) throws(InputError) -> TravelData {
        try read(tables: CSVTable.folder(directory))
    }

    /// Reads the files `table` gives by name (nil for a file that is absent): from a folder, or from
    /// the contents a workspace keeps. `requiringWorkforce`: a survey without workforce.csv is an error
    /// here (a folder); a workspace imports the files one by one, so the calculation says it instead.
    public static func read(
        requiringWorkforce: Bool = true,
        tables table: (String, inout [Diagnostic]) throws(InputError) -> CSVTable?
    ) throws(InputError) -> TravelData {
        var diagnostics: [Diagnostic] = []
        var data = TravelData()
        var thrown: [Diagnostic] = []
        func attempt(_ body: () throws(InputError) -> Void) {
            do { try body() } catch { thrown += error.diagnostics }
        }
        var hasWorkforce = false
        attempt { () throws(InputError) in if let t = try table(tripsFile, &diagnostics) { data.trips = try trips(t, &diagnostics) } }
        attempt { () throws(InputError) in if let t = try table(surveyFile, &diagnostics) { data.survey = try survey(t, &diagnostics) } }
        attempt { () throws(InputError) in
            if let t = try table(workforceFile, &diagnostics) {
                hasWorkforce = true
                data.workforce = try workforce(t, &diagnostics)
            }
        }
        if requiringWorkforce, data.survey != nil, data.workforce.isEmpty, !hasWorkforce {
            diagnostics.append(
                Diagnostic(
                    file: workforceFile,
                    line: 0,
                    message: "missing: commuting_survey.csv is extrapolated to the headcount, which workforce.csv gives; "
                        + "add workforce.csv with the columns year, headcount (and optionally working_weeks, hours_per_day)"
                )
            )
        }
        diagnostics += thrown
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return data
    }
}

extension RowReader {
    /// A number of zero or more; `unit` names what it counts in the message.
    mutating func nonNegative(_ column: String, required: Bool, _ unit: String) -> Double? {
        guard let value = decimal(column, required: required) else { return nil }
        guard value.value >= 0 else {
            fail(column, "'\(optional(column)!)' is negative; expected \(unit) of zero or more")
            return nil
        }
        return value.value
    }

    /// A `YYYY-MM-DD` date as YYYYMMDD.
    mutating func date(_ column: String) -> Int32? {
        field(column, required: true, isNot: "a date; expected YYYY-MM-DD, such as 2024-03-15") { text in
            var utf8 = Array(text.utf8)
            return utf8.withUnsafeMutableBufferPointer { b in b.count == 10 ? FieldParser.date(UnsafePointer(b.baseAddress!), 0, 10) : nil }
        }
    }

    /// `yes`/`no` (also `true`/`false`, `1`/`0`, `y`/`n`); empty is `no`.
    mutating func flag(_ column: String) -> Bool {
        guard let text = optional(column) else { return false }
        switch text.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default:
            fail(column, "'\(text)' is not yes or no; expected yes, no (or true, false), or an empty field for no")
            return false
        }
    }
}
