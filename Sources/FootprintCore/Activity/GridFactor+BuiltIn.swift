extension GridFactor {
    static let nveClimate2023 =
        "NVE, Klimadeklarasjon for fysisk levert strøm (news 'Lavt klimagassutslipp knyttet til norsk strømforbruk i 2023', nve.no, 11.06.2024)"
    static let eiResidual = "Energimarknadsinspektionen (Ei), Nordic residual mix calculated by Grexel for RE-DISS"
    static let statista2023 =
        "Statista, 'Carbon intensity of the power sector in the European Union in 2023, by country' (life-cycle g CO2e/kWh; primary source not named there)"

    /// The built-in factors (docs/activity.md lists them). Countries not here have no default:
    /// a site there needs a `grid_factors.csv` row. No bidding-zone figures are built in; a zone falls back to its country.
    public static let builtIn: [GridFactor] = [
        GridFactor(area: "NO", year: 2022, basis: .location, kgPerKWh: 0.019, source: "\(nveClimate2023): 19 g CO2e/kWh in 2022"),
        GridFactor(area: "NO", year: 2023, basis: .location, kgPerKWh: 0.015, source: "\(nveClimate2023): 15 g CO2e/kWh in 2023"),
        GridFactor(
            area: "NO",
            year: 2015,
            basis: .residualMix,
            kgPerKWh: 0.509,
            source: "NVE, Electricity disclosure 2015 (nve.no): estimated emissions of the electricity disclosure, CO2 509 g/kWh"
        ),
        GridFactor(
            area: "NO",
            year: 2020,
            basis: .residualMix,
            kgPerKWh: 0.402,
            source:
                "NVE, Varedeklarasjon for strømleverandører 2020: CO2 402 g/kWh (as quoted by the supplier Wattn, wattn.no; NVE's own page not retrieved)",
            verified: false
        ),
        GridFactor(
            area: "SE",
            year: 2019,
            basis: .residualMix,
            kgPerKWh: 0.33853,
            source: "\(eiResidual), residual mix 2019: 338.53 g CO2/kWh (ei.se news, 2020-06-22)"
        ),
        GridFactor(
            area: "SE",
            year: 2021,
            basis: .residualMix,
            kgPerKWh: 0.37199,
            source: "\(eiResidual), residual mix 2021: 371.99 g CO2/kWh (ei.se news, 2022-06-08)"
        ),
        GridFactor(
            area: "SE",
            year: 2023,
            basis: .residualMix,
            kgPerKWh: 0.5241,
            source: "\(eiResidual), 'Residualmix 2023': 524.10 g CO2/kWh (ei.se, Residualmix)"
        ),
        GridFactor(area: "SE", year: 2023, basis: .location, kgPerKWh: 0.0407, source: "\(statista2023): Sweden 40.7", verified: false),
        GridFactor(area: "PL", year: 2023, basis: .location, kgPerKWh: 0.662, source: "\(statista2023): Poland 662", verified: false),
        GridFactor(
            area: "GB",
            year: 2024,
            basis: .location,
            kgPerKWh: 0.20705,
            source: "DESNZ GHG Conversion Factors 2024 v1.1, sheet 'UK electricity', cell E25 (Electricity generated, Electricity: UK); OGL v3.0"
        ),
    ]
}
