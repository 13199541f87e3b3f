public import FootprintCore

extension TravelDataReader {
    static let tripColumns = [
        "class", "haul", "distance_km", "return", "nights", "country", "origin", "destination", "traveller", "cost_centre", "reference",
    ]

    /// `travel.csv`: date, mode, and per mode the distance (transport) or nights and country (hotel).
    public static func trips(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [Trip] {
        var result: [Trip] = []
        try ReferenceDataReader.rows(table, required: ["date", "mode"], optional: tripColumns, &diagnostics) { r in
            let date = r.date("date")
            guard let modeText = r.required("mode") else { return }
            guard let mode = TravelMode(parsing: modeText) else {
                return r.fail("mode", "'\(modeText)' is not a travel mode; expected one of \(TravelMode.accepted)")
            }
            var trip = Trip(location: SourceLocation(file: table.file, line: r.row.line), date: date ?? 0, mode: mode)
            trip.origin = r.optional("origin")
            trip.destination = r.optional("destination")
            trip.traveller = r.optional("traveller") ?? r.optional("cost_centre")
            trip.reference = r.optional("reference")
            for column in ["class", "haul"] where mode != .air && r.optional(column) != nil {
                r.fail(column, "'\(r.optional(column)!)' is given for mode '\(mode.rawValue)'; \(column) applies to air only: leave it empty")
            }
            if mode == .hotel {
                trip.nights = r.nonNegative("nights", required: true, "room nights")
                trip.country = r.required("country")
                if let km = r.optional("distance_km") {
                    r.fail("distance_km", "'\(km)' is given for a hotel stay; a hotel row has nights and country: leave distance_km empty")
                }
            } else {
                if r.optional("distance_km") == nil {
                    r.fail("distance_km", "the field is empty; mode '\(mode.rawValue)' needs the one-way distance in km")
                } else {
                    trip.distanceKm = r.nonNegative("distance_km", required: true, "a distance in km")
                }
                trip.isReturn = r.flag("return")
            }
            if mode == .air {
                trip.seat = r.field("class", isNot: "a cabin class; expected one of \(AirClass.accepted), or empty when not known") {
                    AirClass(parsing: $0)
                }
                trip.haul = r.field("haul", isNot: "a haul; expected one of \(FlightHaul.accepted), or empty to pick it by distance") {
                    FlightHaul(parsing: $0)
                }
            }
            if r.diagnostics.isEmpty { result.append(trip) }
        }
        return result
    }
}
