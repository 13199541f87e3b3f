import FootprintCore

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
            self = try decoder.decodeText(
                isNot: "a supported date format; expected one of " + DateFormat.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            ) { DateFormat(rawValue: $0.uppercased()) }
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
            // Every format is at most ten bytes; a longer text is malformed, and its numbers could overflow.
            guard text.utf8.count <= 10 else { return .malformed }
            // The three numbers in the order written, with their digit counts.
            var values = (0, 0, 0)
            var lengths = (0, 0, 0)
            var part = 0
            let separator: UInt8? =
                switch self {
                case .dayMonthYearDots: 46
                case .iso: 45
                case .monthDayYearSlashes, .dayMonthYearSlashes: 47
                case .compact: nil
                }
            for (i, c) in text.utf8.enumerated() {
                if let separator, c == separator {
                    part += 1
                    guard part < 3 else { return .malformed }
                    continue
                }
                guard c >= 48 && c <= 57 else { return .malformed }
                if separator == nil { part = i < 4 ? 0 : i < 6 ? 1 : 2 }
                let d = Int(c - 48)
                switch part {
                case 0: (values.0, lengths.0) = (values.0 * 10 + d, lengths.0 + 1)
                case 1: (values.1, lengths.1) = (values.1 * 10 + d, lengths.1 + 1)
                default: (values.2, lengths.2) = (values.2 * 10 + d, lengths.2 + 1)
                }
            }
            let short = self == .compact || self == .iso ? 2...2 : 1...2
            let year: (Int, Int)
            let month: (Int, Int)
            let day: (Int, Int)
            switch self {
            case .dayMonthYearDots, .dayMonthYearSlashes:
                (day, month, year) = ((values.0, lengths.0), (values.1, lengths.1), (values.2, lengths.2))
            case .iso, .compact:
                (year, month, day) = ((values.0, lengths.0), (values.1, lengths.1), (values.2, lengths.2))
            case .monthDayYearSlashes:
                (month, day, year) = ((values.0, lengths.0), (values.1, lengths.1), (values.2, lengths.2))
            }
            guard part == 2, year.1 == 4, short.contains(month.1), short.contains(day.1) else { return .malformed }
            guard year.0 >= 1, (1...12).contains(month.0), day.0 >= 1,
                day.0 <= CivilDate.daysIn(month: Int32(month.0), year: Int32(year.0))
            else { return .notInCalendar }
            let m = month.0 < 10 ? "0\(month.0)" : "\(month.0)"
            let d = day.0 < 10 ? "0\(day.0)" : "\(day.0)"
            // Four digits, as written: the year 0024 is `0024-09-19`, which the canonical reader accepts (found by fuzzing).
            let y = String(year.0)
            return .date(String(repeating: "0", count: 4 - y.utf8.count) + "\(y)-\(m)-\(d)")
        }
    }
}
