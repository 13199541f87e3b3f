extension FieldParser {
    /// Reads `YYYY-MM-DD` and returns it as the number YYYYMMDD, or `nil` if it is not a valid calendar date.
    public static func date(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
        guard let year = dateYear(base, start, end) else { return nil }
        let month = Int32(base[start + 5] - 48) * 10 + Int32(base[start + 6] - 48)
        let day = Int32(base[start + 8] - 48) * 10 + Int32(base[start + 9] - 48)
        return year * 10000 + month * 100 + day
    }
}
