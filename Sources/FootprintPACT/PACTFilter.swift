import FootprintCore

/// The ListFootprints filter of PACT v3 (also the criteria of a RequestCreatedEvent): OR between
/// the values of one criterion, AND across criteria; an empty criterion does not filter.
/// Ids, classifications, geographies and statuses match case-insensitively.
public struct PACTFilter: Sendable, Equatable {
    /// `productId` values (URNs), matched against `productIds`.
    public var productId: [String] = []
    /// `companyId` values, matched against `companyIds`.
    public var companyId: [String] = []
    /// `geography` values, matched against any of the three geography fields.
    public var geography: [String] = []
    /// `classification` values, matched against `productClassifications`.
    public var classification: [String] = []
    /// The validity period contains the instant (start ≤ t ≤ end).
    public var validOn: [PACTDateTime] = []
    /// The validity period starts strictly after the instant.
    public var validAfter: [PACTDateTime] = []
    /// The validity period ends strictly before the instant.
    public var validBefore: [PACTDateTime] = []
    /// `status` values; an unknown value matches nothing (it is not an error).
    public var status: [String] = []
    /// Query parameters that were not filters and were ignored (`limit`, pagination, `x-...`, others).
    public var ignoredParameters: [String] = []

    /// The filter that matches every footprint.
    public init() {}

    /// The filter of a ListFootprints query (`name=value` pairs, repeated names allowed, already
    /// percent-decoded). An unparsable date is an error; `limit`, vendor `x-...` parameters,
    /// pagination parameters and other unknown names are ignored and listed in `ignoredParameters`.
    public init(query: [(name: String, value: String)]) throws(PACTFilterError) {
        self.init()
        for (name, value) in query {
            if Self.criteria.contains(name) { try append(value, to: name) } else { ignoredParameters.append(name) }
        }
        prepare()
    }

    /// The criterion names of ListFootprints and RequestCreatedEvent.
    public static let criteria: Set<String> = [
        "productId", "companyId", "geography", "classification", "status", "validOn", "validAfter", "validBefore",
    ]

    /// The filter of a RequestCreatedEvent's `data`: each criterion a string or an array of
    /// strings; `comment` and unknown members are ignored.
    public init(requestCreatedData data: JSONValue) throws(PACTFilterError) {
        self.init()
        guard let members = data.objectMembers else {
            throw PACTFilterError(parameter: "data", message: "found \(PACTCheck.describe(data)); expected an object of filter criteria")
        }
        for (name, value) in members {
            guard Self.criteria.contains(name) else {
                ignoredParameters.append(name)
                continue
            }
            if value.isNull { continue }
            let values: [String]
            if let s = value.stringValue {
                values = [s]
            } else if let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) {
                values = items.compactMap(\.stringValue)
            } else {
                throw PACTFilterError(parameter: name, message: "found \(PACTCheck.describe(value)); expected a string or an array of strings")
            }
            for v in values { try append(v, to: name) }
        }
        prepare()
    }

    private mutating func append(_ v: String, to name: String) throws(PACTFilterError) {
        switch name {
        case "productId": productId.append(v)
        case "companyId": companyId.append(v)
        case "geography": geography.append(v)
        case "classification": classification.append(v)
        case "status": status.append(v)
        case "validOn": validOn.append(try Self.date(v, name))
        case "validAfter": validAfter.append(try Self.date(v, name))
        default: validBefore.append(try Self.date(v, name))
        }
    }

    static func date(_ value: String, _ name: String) throws(PACTFilterError) -> PACTDateTime {
        guard let d = PACTDateTime(value) else {
            throw PACTFilterError(
                parameter: name,
                message: "\"\(value)\" is not an RFC 3339 date-time; expected a value such as \"2025-01-01T00:00:00Z\""
            )
        }
        return d
    }

    // Lowercased sets, computed once so that `matches` is cheap.
    var productKeys: Set<String> = []
    var companyKeys: Set<String> = []
    var geographyKeys: Set<String> = []
    var classificationKeys: Set<String> = []
    var statusKeys: Set<String> = []

    private mutating func prepare() {
        productKeys = Set(productId.map { $0.lowercased() })
        companyKeys = Set(companyId.map { $0.lowercased() })
        geographyKeys = Set(geography.map { $0.lowercased() })
        classificationKeys = Set(classification.map { $0.lowercased() })
        statusKeys = Set(status.map { $0.lowercased() })
    }

    /// True when no criterion is given.
    public var isEmpty: Bool {
        productId.isEmpty && companyId.isEmpty && geography.isEmpty && classification.isEmpty && validOn.isEmpty
            && validAfter.isEmpty && validBefore.isEmpty && status.isEmpty
    }

    /// Whether `f` meets every criterion (one value of each suffices). Validity uses
    /// `effectiveValidityStart/End` (default [referencePeriodEnd, referencePeriodEnd + 3 years]).
    public func matches(_ f: PACTFootprint) -> Bool {
        if !statusKeys.isEmpty && !statusKeys.contains(f.status == .active ? "active" : "deprecated") { return false }
        if !productKeys.isEmpty && productKeys.isDisjoint(with: f.productIdKeys) { return false }
        if !companyKeys.isEmpty && companyKeys.isDisjoint(with: f.companyIdKeys) { return false }
        if !classificationKeys.isEmpty && classificationKeys.isDisjoint(with: f.classificationKeys) { return false }
        if !geographyKeys.isEmpty && geographyKeys.isDisjoint(with: f.geographyKeys) { return false }
        if !validOn.isEmpty || !validAfter.isEmpty || !validBefore.isEmpty {
            let start = f.effectiveValidityStart.epochMilliseconds
            let end = f.effectiveValidityEnd.epochMilliseconds
            if !validOn.isEmpty && !validOn.contains(where: { start <= $0.epochMilliseconds && $0.epochMilliseconds <= end }) { return false }
            if !validAfter.isEmpty && !validAfter.contains(where: { start > $0.epochMilliseconds }) { return false }
            if !validBefore.isEmpty && !validBefore.contains(where: { end < $0.epochMilliseconds }) { return false }
        }
        return true
    }
}
