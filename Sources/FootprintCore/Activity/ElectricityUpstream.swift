/// Category 3 of purchased electricity: the well-to-tank of its generation and of the grid losses,
/// and the generation lost in transmission and distribution (T&D).
///
/// Assumption (docs/activity.md): each is a fixed share of the location-based factor, the share
/// DESNZ 2024 gives for the UK grid ('UK electricity' E25 = 0.20705; 'WTT- UK electricity' E19 =
/// 0.0459 and E24 = 0.00397; 'Transmission and distribution' E22 = 0.0183). For Great Britain this
/// reproduces the DESNZ figures; elsewhere it scales them with the country's own grid intensity.
public enum ElectricityUpstream {
    static let generation = 0.20705
    static let wttGeneration = 0.0459
    static let wttLosses = 0.00397
    static let losses = 0.0183

    /// Well-to-tank (generation and losses) per kg CO2e of the location-based factor.
    public static let wellToTankShare = (wttGeneration + wttLosses) / generation
    /// T&D losses per kg CO2e of the location-based factor.
    public static let lossShare = losses / generation

    public static let source =
        "Share of the location-based factor as in DESNZ GHG Conversion Factors 2024 v1.1: 'WTT- UK electricity' E19 (0.0459) + E24 (0.00397), "
        + "'Transmission and distribution' E22 (0.0183), over 'UK electricity' E25 (0.20705); OGL v3.0"
}
