extension String {
    /// The text as the travel files' keywords are compared: trimmed of spaces, lower-cased, with
    /// `_`, `/` and inner spaces read as `-` (`Car_Rental`, `metro/tram`, `premium economy`).
    var travelKeyword: String {
        String(
            lowercased().drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
                .map { $0 == "_" || $0 == "/" || $0 == " " ? "-" : $0 }
        )
    }
}
