extension ERPMapping {
    /// How an export writes dates. Day and month may have one or two digits where a separator
    /// follows them; the year has four. Every date is checked against the calendar.
    public enum DateFormat: String, Sendable, Hashable, CaseIterable, Decodable {
        /// `31.12.2024` (Nordic and German exports).
        case dayMonthYearDots = "DD.MM.YYYY"
        /// `2024-12-31` (ISO 8601).
        case iso = "YYYY-MM-DD"
        /// `12/31/2024` (US exports).
        case monthDayYearSlashes = "MM/DD/YYYY"
        /// `31/12/2024` (UK and French exports).
        case dayMonthYearSlashes = "DD/MM/YYYY"
        /// `20241231` (SAP's internal form).
        case compact = "YYYYMMDD"

        /// An example date in this format, for error messages.
        var example: String {
            switch self {
            case .dayMonthYearDots: "31.12.2024"
            case .iso: "2024-12-31"
            case .monthDayYearSlashes: "12/31/2024"
            case .dayMonthYearSlashes: "31/12/2024"
            case .compact: "20241231"
            }
        }

        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let f = DateFormat(rawValue: text.uppercased()) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text)' is not a supported date format; expected one of "
                        + DateFormat.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")))
            }
            self = f
        }

        /// The result of reading a date.
        enum Parsed: Equatable {
            /// The ISO text `YYYY-MM-DD`.
            case date(String)
            /// The text does not have the format's shape.
            case malformed
            /// The shape is right but there is no such day (`31.02.2024`).
            case notInCalendar
        }

        /// Reads a date in this format.
        func parse(_ text: String) -> Parsed {
            let parts: [Substring]
            let order: (year: Int, month: Int, day: Int)
            switch self {
            case .dayMonthYearDots: (parts, order) = (text.split(separator: ".", omittingEmptySubsequences: false), (2, 1, 0))
            case .iso: (parts, order) = (text.split(separator: "-", omittingEmptySubsequences: false), (0, 1, 2))
            case .monthDayYearSlashes: (parts, order) = (text.split(separator: "/", omittingEmptySubsequences: false), (2, 0, 1))
            case .dayMonthYearSlashes: (parts, order) = (text.split(separator: "/", omittingEmptySubsequences: false), (2, 1, 0))
            case .compact:
                guard text.utf8.count == 8 else { return .malformed }
                let u = Array(text.utf8)
                parts = [Substring(decoding: u[0..<4], as: UTF8.self), Substring(decoding: u[4..<6], as: UTF8.self),
                         Substring(decoding: u[6..<8], as: UTF8.self)]
                order = (0, 1, 2)
            }
            guard parts.count == 3 else { return .malformed }
            func number(_ s: Substring, _ lengths: ClosedRange<Int>) -> Int? {
                guard lengths.contains(s.utf8.count), s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
                return Int(s)
            }
            let short = self == .compact || self == .iso ? 2...2 : 1...2
            guard let year = number(parts[order.year], 4...4), let month = number(parts[order.month], short),
                let day = number(parts[order.day], short)
            else { return .malformed }
            guard year >= 1, (1...12).contains(month), day >= 1,
                day <= FieldParser.daysIn(month: Int32(month), year: Int32(year))
            else { return .notInCalendar }
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return .date("\(year)-\(two(month))-\(two(day))")
        }
    }
}
