extension DecodingError {
    /// `dataCorrupted` at `codingPath`, with `message` as its description.
    static func corrupted(_ codingPath: [any CodingKey], _ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: message))
    }
}

extension Decoder {
    /// A value `parse` reads from a single string; throws "'text' is not `isNot`" when it gives nil.
    func decodeText<T>(isNot: @autoclosure () -> String, _ parse: (String) -> T?) throws -> T {
        let text = try singleValueContainer().decode(String.self)
        guard let value = parse(text) else { throw DecodingError.corrupted(codingPath, "'\(text)' is not \(isNot())") }
        return value
    }
}
