import GRDB

extension DatabaseColumnDecodingStrategy {
    /// Snake-case columns to the record types' camel-case properties, with the acronyms `id`, `url`
    /// and `sha256` in capitals after the first word: `client_id` is `clientID`, `target_url` is `targetURL`.
    static let camelCaseAcronyms = DatabaseColumnDecodingStrategy.custom { column in
        let words = column.split(separator: "_")
        let key = words.dropFirst().reduce(String(words.first ?? "")) { key, word in
            key + (["id", "url", "sha256"].contains(word) ? word.uppercased() : word.prefix(1).uppercased() + word.dropFirst())
        }
        return ColumnKey(stringValue: key)
    }
}

/// A coding key named by a column.
private struct ColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
