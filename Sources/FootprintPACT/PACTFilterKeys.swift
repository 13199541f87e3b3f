import FootprintCore

/// What a ListFootprints filter looks at in a footprint, lowercased and small: the host keeps
/// these for every footprint it serves instead of the whole parsed document, and stores them beside
/// the footprint so that loading 100,000 footprints does not parse them again.
public struct PACTFilterKeys: Sendable, Hashable {
    public var isActive: Bool
    public var productIds: [String]
    public var companyIds: [String]
    public var classifications: [String]
    /// Region, country and subdivision, as present.
    public var geographies: [String]
    /// The effective validity period (NOTES V2 defaults), epoch milliseconds, both inclusive.
    public var validityStart: Int64
    public var validityEnd: Int64

    public init(_ f: PACTFootprint) {
        isActive = f.status == .active
        productIds = f.productIds.map { $0.lowercased() }
        companyIds = f.companyIds.map { $0.lowercased() }
        classifications = f.productClassifications.map { $0.lowercased() }
        geographies = [f.geographyRegionOrSubregion, f.geographyCountry, f.geographyCountrySubdivision].compactMap { $0?.lowercased() }
        validityStart = f.effectiveValidityStart.epochMilliseconds
        validityEnd = f.effectiveValidityEnd.epochMilliseconds
    }

    /// The keys as one compact JSON array, for storage.
    public var stored: String {
        func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
        return JSONValue.array([
            .bool(isActive), strings(productIds), strings(companyIds), strings(classifications), strings(geographies),
            .integer(Int(validityStart)), .integer(Int(validityEnd)),
        ]).compactString()
    }

    /// Reads `stored`; nil when the text is not such an array.
    public init?(stored text: String) {
        guard let items = (try? JSONValue.parse(string: text))?.arrayValue, items.count == 7, let active = items[0].boolValue else { return nil }
        func strings(_ v: JSONValue) -> [String]? { v.arrayValue?.compactMap(\.stringValue) }
        func integer(_ v: JSONValue) -> Int64? { if case .decimal(let t) = v { Int64(t) } else { nil } }
        guard let products = strings(items[1]), let companies = strings(items[2]), let classes = strings(items[3]), let geos = strings(items[4]),
            let start = integer(items[5]), let end = integer(items[6])
        else { return nil }
        isActive = active
        productIds = products
        companyIds = companies
        classifications = classes
        geographies = geos
        validityStart = start
        validityEnd = end
    }
}

extension PACTFilter {
    /// Whether a footprint with these keys meets every criterion; the same rules as `matches(_:)`.
    public func matches(_ k: PACTFilterKeys) -> Bool {
        if !statusKeys.isEmpty && !statusKeys.contains(k.isActive ? "active" : "deprecated") { return false }
        if !productKeys.isEmpty && !k.productIds.contains(where: productKeys.contains) { return false }
        if !companyKeys.isEmpty && !k.companyIds.contains(where: companyKeys.contains) { return false }
        if !classificationKeys.isEmpty && !k.classifications.contains(where: classificationKeys.contains) { return false }
        if !geographyKeys.isEmpty && !k.geographies.contains(where: geographyKeys.contains) { return false }
        if !validOn.isEmpty && !validOn.contains(where: { k.validityStart <= $0.epochMilliseconds && $0.epochMilliseconds <= k.validityEnd }) {
            return false
        }
        if !validAfter.isEmpty && !validAfter.contains(where: { k.validityStart > $0.epochMilliseconds }) { return false }
        if !validBefore.isEmpty && !validBefore.contains(where: { k.validityEnd < $0.epochMilliseconds }) { return false }
        return true
    }
}
