/// The fifteen categories of the GHG Protocol Corporate Value Chain (Scope 3) Standard.
///
/// Categories 1-8 are upstream, 9-15 downstream. Footprint's ledger is a purchase ledger, so
/// its lines fall in the upstream categories; the others exist so that mappings and reports can
/// name them.
public enum Scope3Category: Int, Sendable, CaseIterable, Comparable, Codable {
    case purchasedGoodsAndServices = 1
    case capitalGoods = 2
    case fuelAndEnergyRelatedActivities = 3
    case upstreamTransportationAndDistribution = 4
    case wasteGeneratedInOperations = 5
    case businessTravel = 6
    case employeeCommuting = 7
    case upstreamLeasedAssets = 8
    case downstreamTransportationAndDistribution = 9
    case processingOfSoldProducts = 10
    case useOfSoldProducts = 11
    case endOfLifeTreatmentOfSoldProducts = 12
    case downstreamLeasedAssets = 13
    case franchises = 14
    case investments = 15

    /// The category's name as the standard gives it.
    public var title: String {
        switch self {
        case .purchasedGoodsAndServices: "Purchased goods and services"
        case .capitalGoods: "Capital goods"
        case .fuelAndEnergyRelatedActivities: "Fuel- and energy-related activities"
        case .upstreamTransportationAndDistribution: "Upstream transportation and distribution"
        case .wasteGeneratedInOperations: "Waste generated in operations"
        case .businessTravel: "Business travel"
        case .employeeCommuting: "Employee commuting"
        case .upstreamLeasedAssets: "Upstream leased assets"
        case .downstreamTransportationAndDistribution: "Downstream transportation and distribution"
        case .processingOfSoldProducts: "Processing of sold products"
        case .useOfSoldProducts: "Use of sold products"
        case .endOfLifeTreatmentOfSoldProducts: "End-of-life treatment of sold products"
        case .downstreamLeasedAssets: "Downstream leased assets"
        case .franchises: "Franchises"
        case .investments: "Investments"
        }
    }

    /// A short label for reports: `3.1 Purchased goods and services`.
    public var label: String { "3.\(rawValue) \(title)" }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Reads `1`...`15`, optionally prefixed `3.` or `cat`/`category` (`3.6`, `cat6`, `Category 6`).
    public init?(parsing text: String) {
        var t = Substring(text.lowercased()).drop { $0 == " " }
        for prefix in ["category", "cat", "3."] where t.hasPrefix(prefix) {
            t = t.dropFirst(prefix.count).drop { $0 == " " || $0 == "." }
            break
        }
        guard let n = Int(t.trimmingSuffixSpaces()), let category = Scope3Category(rawValue: n) else { return nil }
        self = category
    }
}

extension Substring {
    fileprivate func trimmingSuffixSpaces() -> Substring {
        var s = self
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
