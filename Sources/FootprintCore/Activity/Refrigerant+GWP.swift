extension Refrigerant {
    static let ar5Source = "IPCC AR5 WG1 (2013) Ch.8 Table 8.A.1, GWP-100"
    static let ar6Source = "IPCC AR6 WG1 (2021) Ch.7 Table 7.SM.7, GWP-100"

    static func ar5(_ value: Double, _ cell: String) -> CitedFigure {
        CitedFigure(
            value,
            source: "\(ar5Source); as DESNZ GHG Conversion Factors 2024 v1.1, sheet 'Refrigerant & other', cell \(cell)",
            verified: true
        )
    }

    static func ar6(_ value: Double, verified: Bool) -> CitedFigure { CitedFigure(value, source: ar6Source, verified: verified) }

    /// The pure gases' GWP-100. AR5: each equals the cited DESNZ cell (RefrigerantWorkbookTests).
    /// AR5 has no number for R-1234yf (it gives "<1"), so the gas has no AR5 figure and a row using it is an error.
    /// AR6: HFC-32, HFC-125, HFC-134a and SF6 were checked against a retrieved text quoting Table 7.SM.7;
    /// HFC-143a and HFO-1234yf were not (`verified: false`).
    static let pure: [GWPSet: [Refrigerant: CitedFigure]] = [
        .ar5: [
            .r744: ar5(1, "D20"), .r32: ar5(677, "D24"), .r125: ar5(3170, "D26"), .r134a: ar5(1300, "D28"), .r143a: ar5(4800, "D30"),
            .sf6: ar5(23500, "D45"),
        ],
        .ar6: [
            .r744: ar6(1, verified: true), .r32: ar6(771, verified: true), .r125: ar6(3740, verified: true), .r134a: ar6(1530, verified: true),
            .r143a: ar6(5810, verified: false), .sf6: ar6(25200, verified: true), .r1234yf: ar6(0.501, verified: false),
        ],
    ]
}
