/// The IPCC assessment report whose 100-year global warming potentials convert a gas to CO2e.
public enum GWPSet: String, Sendable, Hashable, CaseIterable {
    /// IPCC Fifth Assessment Report (2013), WG1 Ch.8 Table 8.A.1; the set DESNZ 2024 uses.
    case ar5 = "AR5"
    /// IPCC Sixth Assessment Report (2021), WG1 Ch.7 Table 7.SM.7.
    case ar6 = "AR6"

    /// The set a refrigerant row without `gwp_set` uses: the most recent report, as the GHG Protocol recommends.
    public static let `default`: GWPSet = .ar6

    /// `AR5` or `AR6`, any case.
    public init?(parsing text: String) { self.init(rawValue: text.uppercased()) }
}
