/// The emissions of one input row, with where they came from: the row, the factor, its source,
/// and the choices that applied.
public struct TravelLineResult: Sendable, Hashable {
    public var location: SourceLocation
    public var category: Scope3Category
    /// `air`, `rail`, `road`, `sea`, `hotel` (Category 6) or the commuting mode (Category 7).
    public var part: String
    /// The activity: passenger-km, vehicle-km, room nights or FTE hours (per year, for a survey row).
    public var activity: Double
    public var activityUnit: String
    /// Nil for a mode that emits nothing in use (bicycle, walk).
    public var factor: CitedFactor?
    public var kg: Double
    /// The well-to-tank factor and its kg (0 when there is none or it is not included).
    public var wellToTankFactor: CitedFactor?
    public var wellToTankKg: Double
    /// Air only: the radiative-forcing choice, and the kg without RF (equal to `kg` when without).
    public var radiativeForcing: RadiativeForcing?
    public var kgWithoutRF: Double?
    /// How the factor was chosen, where a rule applied (the band, a class without a row, a fallback).
    public var note: String?

    /// `kg` plus the well-to-tank kg.
    public var totalKg: Double { kg + wellToTankKg }
}
