public import FootprintCore
public import Foundation

/// Reads assessment criteria from a JSON file (docs/suppliers.md#assessment): `criteria` (id, kind,
/// weight and the kind's thresholds) and `tiers` (name, minimum_score).
public enum AssessmentCriteriaFile {
    public static func read(path: String) throws(InputError) -> AssessmentCriteria {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, message: "cannot read '\(path)': no such file or not readable")
        }
        return try decode(data: data, file: name)
    }

    public static func decode(data: Data, file: String) throws(InputError) -> AssessmentCriteria {
        let criteria: AssessmentCriteria
        do { criteria = try JSONDecoder().decode(AssessmentCriteria.self, from: data) } catch let error as DecodingError {
            throw InputError(file: file, line: 1, message: describe(error))
        } catch {
            throw InputError(file: file, line: 1, message: "not valid JSON: \(error)")
        }
        let problems = criteria.problems()
        guard problems.isEmpty else { throw InputError(problems.map { Diagnostic(file: file, line: 1, message: $0) }) }
        return criteria
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String { keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined() }
        switch error {
        case .keyNotFound(let key, let context): return "missing key '\(key.stringValue)' at \(path(context.codingPath).ifEmpty("the top"))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let kinds = AssessmentCriteria.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            return "bad value at \(path(context.codingPath).ifEmpty("the top")): \(context.debugDescription)"
                + (context.codingPath.last?.stringValue == "kind" ? "; expected one of \(kinds)" : "")
        @unknown default: return "\(error)"
        }
    }
}

extension String {
    fileprivate func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
