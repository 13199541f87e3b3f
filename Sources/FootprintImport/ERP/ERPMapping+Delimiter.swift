extension ERPMapping {
    /// The field delimiter of an export: `,` `;` tab or `|`.
    public enum Delimiter: String, Sendable, Hashable, CaseIterable, Decodable {
        case comma = ","
        case semicolon = ";"
        case tab = "\t"
        case pipe = "|"

        /// The delimiter's byte (all are ASCII).
        public var byte: UInt8 { rawValue.utf8.first! }

        /// Reads `,` `;` `|`, a tab character or the word `tab`.
        public init?(text: String) {
            if text.lowercased() == "tab" { self = .tab } else if let d = Delimiter(rawValue: text) { self = d } else { return nil }
        }

        public init(from decoder: any Decoder) throws {
            self = try decoder.decodeText(isNot: "a supported delimiter; expected \",\", \";\", \"|\" or \"tab\"") { Delimiter(text: $0) }
        }
    }

    /// The character encoding of an export's bytes.
    public enum TextEncoding: String, Sendable, Hashable, CaseIterable, Decodable {
        /// UTF-8; a leading byte-order mark is skipped.
        case utf8 = "utf-8"
        /// Windows code page 1252 (Western European), a superset of ISO-8859-1's printable characters.
        case windows1252 = "windows-1252"
        /// ISO-8859-1 (Latin-1): each byte is the Unicode code point of the same value.
        case iso88591 = "iso-8859-1"

        /// Reads the name, ignoring case, with the aliases `utf8`, `cp1252`, `latin1` and `latin-1`.
        public init?(name: String) {
            switch name.lowercased() {
            case "utf-8", "utf8": self = .utf8
            case "windows-1252", "cp1252", "cp-1252": self = .windows1252
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1": self = .iso88591
            default: return nil
            }
        }

        public init(from decoder: any Decoder) throws {
            self = try decoder.decodeText(isNot: "a supported encoding; expected \"utf-8\", \"windows-1252\" or \"iso-8859-1\"") {
                TextEncoding(name: $0)
            }
        }
    }
}
