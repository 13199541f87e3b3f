/// The GHG Protocol calculation methods of FORMATS.md's hierarchy, from most to least specific.
public enum CalculationMethod: UInt8, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case supplierSpecific = 0
    case hybrid = 1
    case averageData = 2
    case spendBased = 3

    /// The method's name as FORMATS.md and the JSON summary spell it.
    public var name: String {
        switch self {
        case .supplierSpecific: "supplier-specific"
        case .hybrid: "hybrid"
        case .averageData: "average-data"
        case .spendBased: "spend-based"
        }
    }

    public var description: String { name }

    /// Whether the method rests on data the supplier delivered (footprints or disclosures).
    public var usesSupplierData: Bool { self == .supplierSpecific || self == .hybrid }

    /// The name used for lines no method could compute.
    public static let unmappedName = "unmapped"
}
