/// The built-in Category 6 and 7 factors: UK Government GHG Conversion Factors for Company Reporting
/// 2024 (DESNZ), full set v1.1, each figure copied from the cell it cites (a test reads the workbook
/// and checks every one). docs/travel-and-commuting.md explains which row serves which activity.
extension TravelFactors {
    public static let desnz2024 = TravelFactors(
        air: airTable,
        ground: [
            .rail: pair(land, "D87", 0.03546, "passenger.km", "Rail, National rail", wtt: (wttLand, "D83", 0.00897)),
            .bus: pair(land, "D82", 0.02717, "passenger.km", "Bus, Coach", wtt: (wttLand, "D78", 0.00656)),
            .taxi: pair(land, "D71", 0.14861, "passenger.km", "Taxis, Regular taxi", wtt: (wttLand, "D67", 0.03697)),
            .carRental: pair(land, "X53", 0.16691, "km", "Cars (by size), Average car, Unknown", wtt: (wttLand, "I49", 0.04399)),
            .ferry: pair(sea, "D20", 0.1127, "passenger.km", "Ferry, Average (all passenger)", wtt: (wttSea, "D20", 0.02555)),
        ],
        hotels: Dictionary(uniqueKeysWithValues: hotelTable.map { ($0.name.lowercased(), $0.factor) }),
        hotelFallback: hotel("UK", 10.4, "D22").factor,
        commuting: [
            .carPetrol: pair(land, "H53", 0.1645, "km", "Cars (by size), Average car, Petrol", wtt: (wttLand, "E49", 0.04599)),
            .carDiesel: pair(land, "D53", 0.16984, "km", "Cars (by size), Average car, Diesel", wtt: (wttLand, "D49", 0.04146)),
            .carElectric: pair(
                land,
                "AF53",
                0.04745,
                "km",
                "Cars (by size), Average car, Battery Electric Vehicle",
                wtt: (wttLand, "K49", 0.01049)
            ),
            .carAverage: pair(land, "X53", 0.16691, "km", "Cars (by size), Average car, Unknown", wtt: (wttLand, "I49", 0.04399)),
            .motorbike: pair(land, "D65", 0.11367, "km", "Motorbike, Average", wtt: (wttLand, "D61", 0.02956)),
            .bus: pair(land, "D81", 0.10846, "passenger.km", "Bus, Average local bus", wtt: (wttLand, "D77", 0.02649)),
            .rail: pair(land, "D87", 0.03546, "passenger.km", "Rail, National rail", wtt: (wttLand, "D83", 0.00897)),
            .metroTram: pair(land, "D89", 0.0286, "passenger.km", "Rail, Light rail and tram", wtt: (wttLand, "D85", 0.00749)),
        ],
        homeworking: CitedFactor(
            name: "Homeworking (office equipment + heating)",
            kgPerUnit: 0.33378,
            unit: "per FTE Working Hour",
            sheet: "Homeworking",
            cell: "C24"
        )
    )

    static let airSheet = "Business travel- air"
    static let wttAir = "WTT- business travel- air"
    static let land = "Business travel- land"
    static let wttLand = "WTT- pass vehs & travel- land"
    static let sea = "Business travel- sea"
    static let wttSea = "WTT- business travel- sea"

    static func pair(_ sheet: String, _ cell: String, _ value: Double, _ unit: String, _ name: String, wtt: (String, String, Double)) -> Pair {
        Pair(
            CitedFactor(name: name, kgPerUnit: value, unit: unit, sheet: sheet, cell: cell),
            wellToTank: CitedFactor(name: "WTT- " + name, kgPerUnit: wtt.2, unit: unit, sheet: wtt.0, cell: wtt.1)
        )
    }

    /// One row of 'Business travel- air' (with RF in column E, without in I) and the row of its WTT
    /// sheet (with RF in E, without in F; the same figures).
    static func flight(
        _ haul: FlightHaul,
        _ seat: AirClass,
        row: Int,
        _ withRF: Double,
        _ withoutRF: Double,
        wttRow: Int,
        _ wtt: Double
    ) -> (AirKey, Air) {
        let name = "Flights, \(haul.desnzName), \(seat.desnzName)"
        func f(_ sheet: String, _ cell: String, _ v: Double, _ suffix: String) -> CitedFactor {
            CitedFactor(name: (sheet == wttAir ? "WTT- " : "") + name + ", " + suffix, kgPerUnit: v, unit: "passenger.km", sheet: sheet, cell: cell)
        }
        return (
            AirKey(haul, seat),
            Air(
                withRF: Pair(f(airSheet, "E\(row)", withRF, "With RF"), wellToTank: f(wttAir, "E\(wttRow)", wtt, "With RF")),
                withoutRF: Pair(f(airSheet, "I\(row)", withoutRF, "Without RF"), wellToTank: f(wttAir, "F\(wttRow)", wtt, "Without RF"))
            )
        )
    }

    static let airTable: [AirKey: Air] = Dictionary(
        uniqueKeysWithValues: [
            flight(.domestic, .averagePassenger, row: 23, 0.27257, 0.16098, wttRow: 20, 0.0335),
            flight(.shortHaul, .averagePassenger, row: 24, 0.18592, 0.10974, wttRow: 21, 0.02286),
            flight(.shortHaul, .economy, row: 25, 0.18287, 0.10794, wttRow: 22, 0.02249),
            flight(.shortHaul, .business, row: 26, 0.2743, 0.16191, wttRow: 23, 0.03373),
            flight(.longHaul, .averagePassenger, row: 27, 0.26128, 0.15423, wttRow: 24, 0.03213),
            flight(.longHaul, .economy, row: 28, 0.20011, 0.11812, wttRow: 25, 0.02461),
            flight(.longHaul, .premiumEconomy, row: 29, 0.32015, 0.18897, wttRow: 26, 0.03937),
            flight(.longHaul, .business, row: 30, 0.58028, 0.34252, wttRow: 27, 0.07137),
            flight(.longHaul, .first, row: 31, 0.8004, 0.47246, wttRow: 28, 0.09844),
            flight(.international, .averagePassenger, row: 32, 0.1758, 0.10377, wttRow: 29, 0.02162),
            flight(.international, .economy, row: 33, 0.13465, 0.07948, wttRow: 30, 0.01656),
            flight(.international, .premiumEconomy, row: 34, 0.21542, 0.12716, wttRow: 31, 0.02649),
            flight(.international, .business, row: 35, 0.39044, 0.23047, wttRow: 32, 0.04802),
            flight(.international, .first, row: 36, 0.53854, 0.31789, wttRow: 33, 0.06623),
        ]
    )

    static func hotel(_ country: String, _ value: Double, _ cell: String) -> (name: String, factor: CitedFactor) {
        (country, CitedFactor(name: "Hotel stay, \(country)", kgPerUnit: value, unit: "Room per night", sheet: "Hotel stay", cell: cell))
    }

    /// Every country of the 'Hotel stay' sheet that has a figure (the sheet lists some, such as
    /// Finland and Austria, without one, and has no row for Norway or Sweden).
    static let hotelTable = [
        hotel("UK", 10.4, "D22"), hotel("UK (London)", 11.5, "D23"), hotel("Australia", 35, "D29"),
        hotel("Belgium", 12.2, "D31"), hotel("Brazil", 8.7, "D32"), hotel("Canada", 7.4, "D33"),
        hotel("Chile", 27.6, "D34"), hotel("China", 53.5, "D35"), hotel("Colombia", 14.7, "D36"),
        hotel("Costa Rica", 4.7, "D37"), hotel("Egypt", 44.2, "D39"), hotel("France", 6.7, "D42"),
        hotel("Germany", 13.2, "D43"), hotel("Hong Kong, China", 51.5, "D45"), hotel("India", 58.9, "D46"),
        hotel("Indonesia", 62.7, "D47"), hotel("Italy", 14.3, "D50"), hotel("Japan", 39, "D51"),
        hotel("Jordan", 68.9, "D52"), hotel("Korea", 55.8, "D54"), hotel("Malaysia", 61.5, "D56"),
        hotel("Maldives", 152.2, "D57"), hotel("Mexico", 19.3, "D58"), hotel("Netherlands", 14.8, "D59"),
        hotel("Oman", 90.3, "D61"), hotel("Philippines", 54.3, "D64"), hotel("Portugal", 19, "D66"),
        hotel("Qatar", 86.2, "D67"), hotel("Russian Federation", 24.2, "D69"), hotel("Saudi Arabia", 106.4, "D70"),
        hotel("Singapore", 24.5, "D71"), hotel("South Africa", 51.4, "D72"), hotel("Spain", 7, "D73"),
        hotel("Switzerland", 6.6, "D74"), hotel("Thailand", 43.4, "D76"), hotel("Turkey", 32.1, "D77"),
        hotel("United Arab Emirates", 63.8, "D78"), hotel("United States", 16.1, "D79"), hotel("Vietnam", 38.5, "D80"),
    ]
}
