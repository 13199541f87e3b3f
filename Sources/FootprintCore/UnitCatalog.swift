/// The units Footprint converts between, and the aliases it accepts for them.
///
/// Base units: mass kg, energy MJ (1 kWh = 3.6 MJ), volume l, freight tkm, count piece, time hour,
/// distance km (1 mile = 1.609344 km), passenger distance pkm, accommodation room-night, area m2,
/// data transfer megabit second.
public enum UnitCatalog {
    /// Every known unit with its accepted spellings (matched case-sensitively first, then case-insensitively).
    public static let units: [(unit: MeasureUnit, aliases: [String])] = [
        (MeasureUnit(symbol: "g", dimension: .mass, baseUnits: 0.001), ["gram", "grams"]),
        (MeasureUnit(symbol: "kg", dimension: .mass, baseUnits: 1), ["kilogram", "kilograms", "kgs"]),
        (MeasureUnit(symbol: "t", dimension: .mass, baseUnits: 1000), ["tonne", "tonnes", "metric ton", "ton"]),
        (MeasureUnit(symbol: "Wh", dimension: .energy, baseUnits: 0.0036), []),
        (MeasureUnit(symbol: "kWh", dimension: .energy, baseUnits: 3.6), ["kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours"]),
        (MeasureUnit(symbol: "MWh", dimension: .energy, baseUnits: 3600), []),
        (MeasureUnit(symbol: "MJ", dimension: .energy, baseUnits: 1), ["megajoule", "megajoules"]),
        (MeasureUnit(symbol: "GJ", dimension: .energy, baseUnits: 1000), []),
        (MeasureUnit(symbol: "l", dimension: .volume, baseUnits: 1), ["L", "litre", "litres", "liter", "liters"]),
        (MeasureUnit(symbol: "m3", dimension: .volume, baseUnits: 1000), ["m³", "cubic metre", "cubic meter", "cubic metres", "cubic meters"]),
        (
            MeasureUnit(symbol: "tkm", dimension: .freight, baseUnits: 1),
            ["t.km", "tonne.km", "tonne-km", "t-km", "ton kilometer", "ton kilometre", "tonne kilometer", "tonne kilometre"]
        ),
        (
            MeasureUnit(symbol: "piece", dimension: .count, baseUnits: 1),
            ["pieces", "pcs", "pc", "unit", "units", "each", "ea", "item", "items", "stk"]
        ),
        (MeasureUnit(symbol: "hour", dimension: .time, baseUnits: 1), ["hours", "h", "hr", "hrs"]),
        (MeasureUnit(symbol: "km", dimension: .distance, baseUnits: 1), ["kilometre", "kilometres", "kilometer", "kilometers"]),
        (MeasureUnit(symbol: "mi", dimension: .distance, baseUnits: 1.609344), ["mile", "miles"]),
        (
            MeasureUnit(symbol: "pkm", dimension: .passengerDistance, baseUnits: 1),
            ["passenger.km", "passenger-km", "passenger km", "p.km", "passenger-kilometre", "passenger-kilometres"]
        ),
        (MeasureUnit(symbol: "pmi", dimension: .passengerDistance, baseUnits: 1.609344), ["passenger.mile", "passenger-mile", "passenger miles"]),
        (
            MeasureUnit(symbol: "room-night", dimension: .accommodation, baseUnits: 1),
            ["room per night", "room night", "room nights", "room-nights", "roomnight", "roomnights"]
        ),
        (
            MeasureUnit(symbol: "m2", dimension: .area, baseUnits: 1),
            ["m²", "square metre", "square meter", "square metres", "square meters", "sqm"]
        ),
        (
            MeasureUnit(symbol: "Mbit.s", dimension: .dataTransfer, baseUnits: 1),
            ["megabit second", "megabit seconds", "megabit-second", "Mbit s", "Mbit*s"]
        ),
    ]

    /// The unit of a PACT v3 `declaredUnitOfMeasurement` (`liter`, `kilogram`, `cubic meter`, `kilowatt hour`,
    /// `megajoule`, `ton kilometer`, `square meter`, `piece`, `hour`, `megabit second`), or `nil` for any other text.
    public static func pactDeclaredUnit(_ text: String) -> MeasureUnit? {
        let known = [
            "liter", "kilogram", "cubic meter", "kilowatt hour", "megajoule", "ton kilometer", "square meter", "piece", "hour", "megabit second",
        ]
        return known.contains(text) ? lookup(text) : nil
    }

    private static let exact: [String: MeasureUnit] = {
        var table: [String: MeasureUnit] = [:]
        for (unit, aliases) in units {
            table[unit.symbol] = unit
            for alias in aliases { table[alias] = unit }
        }
        return table
    }()

    private static let folded: [String: MeasureUnit] = {
        var table: [String: MeasureUnit] = [:]
        for (unit, aliases) in units {
            for name in [unit.symbol] + aliases where table[name.lowercased()] == nil {
                table[name.lowercased()] = unit
            }
        }
        // `mwh` could be read as milli-watt-hours; case-insensitive matching follows common usage (MWh).
        return table
    }()

    /// Whether `text` is a unit that counts items (`piece`, `pcs`, `stk`, ...): a quantity in it is a number of items.
    public static func countsItems(_ text: String) -> Bool { lookup(text)?.dimension == .count }

    /// The known unit for a symbol or alias, or `nil`.
    public static func lookup(_ text: String) -> MeasureUnit? {
        exact[text] ?? folded[text.lowercased()]
    }
}
