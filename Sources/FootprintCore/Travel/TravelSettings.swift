/// The stated choices of a Category 6 and 7 calculation, recorded in every result.
public struct TravelSettings: Sendable, Hashable {
    /// Air travel with or without radiative forcing (default: with, as DESNZ recommends).
    public var radiativeForcing: RadiativeForcing
    /// Whether the well-to-tank emissions of the fuels (and, for electric cars, the electricity) are
    /// counted in Categories 6 and 7 (default: yes; always shown apart).
    public var includeWellToTank: Bool
    /// Whether home-working counts in Category 7 (optional in the GHG Protocol; default: yes, shown apart).
    public var includeHomeworking: Bool
    /// Below this response rate a result carries a warning that the survey may not represent the
    /// workforce (default 0.3: 30%).
    public var minimumResponseRate: Double

    public init(
        radiativeForcing: RadiativeForcing = .with,
        includeWellToTank: Bool = true,
        includeHomeworking: Bool = true,
        minimumResponseRate: Double = 0.3
    ) {
        self.radiativeForcing = radiativeForcing
        self.includeWellToTank = includeWellToTank
        self.includeHomeworking = includeHomeworking
        self.minimumResponseRate = minimumResponseRate
    }
}
