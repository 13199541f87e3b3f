extension GridFactor {
    static let nveClimate2023 =
        "NVE, Klimadeklarasjon for fysisk levert strøm (news 'Lavt klimagassutslipp knyttet til norsk strømforbruk i 2023', nve.no, 11.06.2024)"
    static let eiResidual = "Energimarknadsinspektionen (Ei), Nordic residual mix calculated by Grexel for RE-DISS"
    /// The EEA's indicator (CC BY 4.0): direct emissions per kWh of gross electricity generation, data year
    /// 2023 as revised in the 2024 release; read in a third party's transcription that cites the EEA's file,
    /// not in the EEA's own table, hence not verified.
    static let eea2023 =
        "EEA, 'Greenhouse gas emission intensity of electricity generation', country level, data year 2023 (file EEA-ghg-intensity-electricity-generation-country-level-2024.csv; CC BY 4.0), as transcribed in github.com/themisiqco/themisiq lib/ghg/factors/eea-2023.ts at commit 74cc7c0 (the EEA's own table not retrieved); per kWh of gross generation"

    /// The built-in factors (docs/activity.md lists them): Norway's and Sweden's from their agencies, the
    /// EU's 27 location-based figures from the EEA, the UK's from DESNZ. Countries not here have no default:
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
        GridFactor(area: "AT", year: 2023, basis: .location, kgPerKWh: 0.059, source: "\(eea2023): 59 g CO2e/kWh", verified: false),
        GridFactor(area: "BE", year: 2023, basis: .location, kgPerKWh: 0.15, source: "\(eea2023): 150 g CO2e/kWh", verified: false),
        GridFactor(area: "BG", year: 2023, basis: .location, kgPerKWh: 0.293, source: "\(eea2023): 293 g CO2e/kWh", verified: false),
        GridFactor(area: "CY", year: 2023, basis: .location, kgPerKWh: 0.575, source: "\(eea2023): 575 g CO2e/kWh", verified: false),
        GridFactor(area: "CZ", year: 2023, basis: .location, kgPerKWh: 0.361, source: "\(eea2023): 361 g CO2e/kWh", verified: false),
        GridFactor(area: "DE", year: 2023, basis: .location, kgPerKWh: 0.316, source: "\(eea2023): 316 g CO2e/kWh", verified: false),
        GridFactor(area: "DK", year: 2023, basis: .location, kgPerKWh: 0.083, source: "\(eea2023): 83 g CO2e/kWh", verified: false),
        GridFactor(area: "EE", year: 2023, basis: .location, kgPerKWh: 0.543, source: "\(eea2023): 543 g CO2e/kWh", verified: false),
        GridFactor(area: "ES", year: 2023, basis: .location, kgPerKWh: 0.14, source: "\(eea2023): 140 g CO2e/kWh", verified: false),
        GridFactor(area: "FI", year: 2023, basis: .location, kgPerKWh: 0.033, source: "\(eea2023): 33 g CO2e/kWh", verified: false),
        GridFactor(area: "FR", year: 2023, basis: .location, kgPerKWh: 0.047, source: "\(eea2023): 47 g CO2e/kWh", verified: false),
        GridFactor(area: "GR", year: 2023, basis: .location, kgPerKWh: 0.343, source: "\(eea2023): 343 g CO2e/kWh", verified: false),
        GridFactor(area: "HR", year: 2023, basis: .location, kgPerKWh: 0.139, source: "\(eea2023): 139 g CO2e/kWh", verified: false),
        GridFactor(area: "HU", year: 2023, basis: .location, kgPerKWh: 0.147, source: "\(eea2023): 147 g CO2e/kWh", verified: false),
        GridFactor(area: "IE", year: 2023, basis: .location, kgPerKWh: 0.255, source: "\(eea2023): 255 g CO2e/kWh", verified: false),
        GridFactor(area: "IT", year: 2023, basis: .location, kgPerKWh: 0.248, source: "\(eea2023): 248 g CO2e/kWh", verified: false),
        GridFactor(area: "LT", year: 2023, basis: .location, kgPerKWh: 0.078, source: "\(eea2023): 78 g CO2e/kWh", verified: false),
        GridFactor(area: "LU", year: 2023, basis: .location, kgPerKWh: 0.038, source: "\(eea2023): 38 g CO2e/kWh", verified: false),
        GridFactor(area: "LV", year: 2023, basis: .location, kgPerKWh: 0.068, source: "\(eea2023): 68 g CO2e/kWh", verified: false),
        GridFactor(area: "MT", year: 2023, basis: .location, kgPerKWh: 0.341, source: "\(eea2023): 341 g CO2e/kWh", verified: false),
        GridFactor(area: "NL", year: 2023, basis: .location, kgPerKWh: 0.255, source: "\(eea2023): 255 g CO2e/kWh", verified: false),
        GridFactor(area: "PL", year: 2023, basis: .location, kgPerKWh: 0.595, source: "\(eea2023): 595 g CO2e/kWh", verified: false),
        GridFactor(area: "PT", year: 2023, basis: .location, kgPerKWh: 0.115, source: "\(eea2023): 115 g CO2e/kWh", verified: false),
        GridFactor(area: "RO", year: 2023, basis: .location, kgPerKWh: 0.189, source: "\(eea2023): 189 g CO2e/kWh", verified: false),
        GridFactor(area: "SE", year: 2023, basis: .location, kgPerKWh: 0.007, source: "\(eea2023): 7 g CO2e/kWh", verified: false),
        GridFactor(area: "SI", year: 2023, basis: .location, kgPerKWh: 0.166, source: "\(eea2023): 166 g CO2e/kWh", verified: false),
        GridFactor(area: "SK", year: 2023, basis: .location, kgPerKWh: 0.083, source: "\(eea2023): 83 g CO2e/kWh", verified: false),
        GridFactor(
            area: "GB",
            year: 2024,
            basis: .location,
            kgPerKWh: 0.20705,
            source: "DESNZ GHG Conversion Factors 2024 v1.1, sheet 'UK electricity', cell E25 (Electricity generated, Electricity: UK); OGL v3.0"
        ),
    ]
}
