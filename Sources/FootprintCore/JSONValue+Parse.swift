extension JSONValue {
    /// Parses JSON text strictly (RFC 8259): object members keep their order (duplicates are kept
    /// too), every number becomes `.decimal(exactText)`, strings must be valid UTF-8. A leading
    /// UTF-8 byte order mark is ignored; nesting deeper than 512 levels is rejected.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            var parser = JSONByteParser(bytes: buffer)
            return try parser.parseDocument()
        }
    }

    /// Parses JSON text given as a Swift string (see ``parse(_:)-(Collection<UInt8>)``).
    public static func parse(string: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(string.utf8))
    }
}

/// The recursive-descent parser behind ``JSONValue/parse(_:)``.
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0
    static let maxDepth = 512

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if i < bytes.count { throw failure("the end of the document after the top-level value") }
        return value
    }

    @inline(__always) mutating func skipWhitespace() {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1 } else { return }
        }
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard i < bytes.count else { throw failure("a value (object, array, string, number, true, false or null)") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .decimal(try parseNumber())
        default: throw failure("a value (object, array, string, number, true, false or null)")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let start = i
        for k in 0..<word.utf8CodeUnitCount {
            guard i < bytes.count, bytes[i] == word.utf8Start[k] else {
                i = start
                throw failure("a value (object, array, string, number, true, false or null)")
            }
            i += 1
        }
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > Self.maxDepth { throw failure("at most \(Self.maxDepth) levels of nested arrays and objects") }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        var members: [(String, JSONValue)] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw failure(members.isEmpty ? "a member name in double quotes or '}'" : "a member name in double quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw failure("':' after the member name") }
            i += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard i < bytes.count else { throw failure("',' or '}'") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                depth -= 1
                return .object(members)
            }
            throw failure("',' or '}'")
        }
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard i < bytes.count else { throw failure("',' or ']'") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                depth -= 1
                return .array(items)
            }
            throw failure("',' or ']'")
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as its exact text.
    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw failure("a digit") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw failure("'.', 'e' or the end of the number (no leading zeros)") }
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw failure("a digit after the decimal point") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw failure("a digit in the exponent") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// A string starting at the opening quote; leaves `i` after the closing quote.
    mutating func parseString() throws(JSONParseError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                guard let s = String(validating: slice, as: UTF8.self) else {
                    i = start + firstInvalidUTF8(slice)
                    throw failure("valid UTF-8 text")
                }
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw failure("a character other than a control character (escape it as \\n, \\t or \\u00XX)") }
            i += 1
        }
        guard i < bytes.count else { throw failure("'\"' closing the string") }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                guard let s = String(validating: out, as: UTF8.self) else { throw failure("valid UTF-8 text in the string") }
                i += 1
                return s
            }
            if b < 0x20 { throw failure("a character other than a control character (escape it as \\n, \\t or \\u00XX)") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { throw failure("an escape character after '\\'") }
            switch bytes[i] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                i += 1
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw failure("'\\u' with a low surrogate after the high surrogate \\u\(String(scalar, radix: 16))")
                    }
                    i += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else {
                        i -= 4
                        throw failure("a low surrogate (DC00-DFFF)")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    i -= 4
                    throw failure("a high surrogate (D800-DBFF) before a low surrogate")
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8))
                continue
            default: throw failure("an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")
            }
            i += 1
        }
        throw failure("'\"' closing the string")
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw failure("four hexadecimal digits after \\u") }
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw failure("four hexadecimal digits after \\u")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    func firstInvalidUTF8(_ slice: UnsafeBufferPointer<UInt8>) -> Int {
        var k = 0
        while k < slice.count {
            var n = 1
            while n <= 4, k + n <= slice.count {
                if String(validating: UnsafeBufferPointer(rebasing: slice[k..<k + n]), as: UTF8.self) != nil { break }
                n += 1
            }
            if n > 4 || k + n > slice.count { return k }
            k += n
        }
        return k
    }

    /// The error at the current position, with line and column counted from the start.
    func failure(_ expected: String) -> JSONParseError {
        var line = 1
        var column = 1
        var k = 0
        let end = min(i, bytes.count)
        while k < end {
            let b = bytes[k]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        let found: String
        if i >= bytes.count {
            found = "end of input"
        } else {
            let b = bytes[i]
            if b >= 0x21 && b < 0x7F {
                found = "'\(Character(Unicode.Scalar(b)))'"
            } else if b == 0x20 {
                found = "a space"
            } else if b == 0x0A {
                found = "a line break"
            } else {
                found = "byte 0x\(String(b, radix: 16, uppercase: true))"
            }
        }
        return JSONParseError(line: line, column: column, offset: i, found: found, expected: expected)
    }
}
