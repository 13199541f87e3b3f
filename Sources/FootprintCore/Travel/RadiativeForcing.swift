/// Whether air travel counts the non-CO2 effects of aviation at altitude (contrails, NOx, water
/// vapour), DESNZ's "With RF" factors (about 70% above the direct CO2), or only the direct emissions.
/// DESNZ recommends `with`; the choice is recorded in every result, and a company should keep it
/// from one year to the next.
public enum RadiativeForcing: String, Sendable, Hashable, CaseIterable, Codable {
    case with
    case without

    public init?(parsing text: String) { self.init(rawValue: text.lowercased()) }
}
