/// The built-in end-of-life and freight factors: UK Government GHG Conversion Factors for Company
/// Reporting 2024 (DESNZ), full set v1.1, each figure copied from the cell it cites (a test reads the
/// workbook and checks every one). docs/downstream.md explains which row serves which treatment.
extension DownstreamFactors {
    public static let desnz2024 = DownstreamFactors(
        weee: [
            .recycling: waste("E59", 6.41061, "Open-loop"),
            .incineration: waste("G59", 6.41061, "Combustion"),
            .landfill: waste("I59", 8.88386, "Landfill"),
        ],
        freight: [
            .hgv: CitedFactor(
                name: "HGV (all diesel), All HGVs, Average laden",
                kgPerUnit: 0.09752,
                unit: "tonne.km",
                sheet: freightSheet,
                cell: "P63"
            ),
            .van: CitedFactor(
                name: "Vans, Average (up to 3.5 tonnes), Unknown",
                kgPerUnit: 0.62264,
                unit: "tonne.km",
                sheet: freightSheet,
                cell: "T35"
            ),
        ]
    )

    static let wasteSheet = "Waste disposal"
    static let freightSheet = "Freighting goods"

    /// A WEEE - mixed row of 'Waste disposal' (rows 57-61 give the same figures for every kind of WEEE).
    static func waste(_ cell: String, _ value: Double, _ method: String) -> CitedFactor {
        CitedFactor(name: "Electrical items, WEEE - mixed, \(method)", kgPerUnit: value, unit: "tonnes", sheet: wasteSheet, cell: cell)
    }
}
