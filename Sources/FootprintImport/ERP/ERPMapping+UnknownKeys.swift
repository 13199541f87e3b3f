extension ERPMapping {
    /// Any key of a JSON object.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Throws for a key the mapping format does not know, so that a misspelt key (`date_fromat`)
    /// is an error rather than silently ignored.
    static func rejectUnknownKeys<Key: CodingKey & CaseIterable>(in decoder: any Decoder, known: Key.Type) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let names = Key.allCases.map(\.stringValue)
        for key in container.allKeys where !names.contains(key.stringValue) {
            throw DecodingError.corrupted(
                decoder.codingPath + [key],
                "unknown key; expected one of \(names.map { "\"\($0)\"" }.joined(separator: ", "))"
            )
        }
    }
}
