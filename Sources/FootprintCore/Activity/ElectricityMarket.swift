/// The market boundary of the GHG Protocol Scope 2 Quality Criteria: an instrument applies only to
/// consumption in the market where it was produced.
///
/// The EU member states with Norway, Iceland and Liechtenstein (EU-EEA) are one market: their
/// guarantees of origin are issued under Directive (EU) 2018/2001 and transferred between
/// registries through the AIB hub. Every other country is its own market (Great Britain's REGOs
/// are not EU guarantees of origin since 2021).
public enum ElectricityMarket {
    static let euEEA: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT",
        "RO", "SK", "SI", "ES", "SE", "NO", "IS", "LI",
    ]

    /// `EU-EEA` for its members, the country code otherwise.
    public static func of(country: String) -> String {
        let code = country.uppercased()
        return euEEA.contains(code) ? "EU-EEA" : code
    }
}
