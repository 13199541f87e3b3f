/// A factor library read into memory: what it is, its factors, and the Scope 3 category
/// each of its factor categories falls in by default.
public struct FactorLibraryContent: Sendable, Hashable {
    public var info: FactorLibraryInfo
    public var factors: [EmissionFactor]
    /// Factor category -> the Scope 3 category a purchase in it is reported under, unless a
    /// mapping says otherwise. A category without an entry has no default (fuels and
    /// electricity, for instance, are Scope 1 and 2 of the reporting company).
    public var scope3Defaults: [String: Scope3Category]

    public init(info: FactorLibraryInfo, factors: [EmissionFactor], scope3Defaults: [String: Scope3Category] = [:]) {
        self.info = info
        self.factors = factors
        self.scope3Defaults = scope3Defaults
    }

    /// The factors of one category (one spend-based and any number of average-data ones).
    public func factors(inCategory category: String) -> [EmissionFactor] {
        factors.filter { $0.category == category }
    }
}
