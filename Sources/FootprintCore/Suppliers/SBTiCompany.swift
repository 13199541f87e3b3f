import Foundation

/// One company of the SBTi target dashboard's companies download, as far as Footprint uses it.
public struct SBTiCompany: Sendable, Hashable, Codable {
    /// The sheet row the company is on (for the match report).
    public var row: Int
    public var sbtiID: String?
    public var name: String
    public var isin: String?
    public var lei: String?
    public var location: String?
    public var organizationType: String?
    public var nearTermStatus: SBTiStatus
    public var classification: SBTiClassification?
    public var nearTermTargetYear: Int?
    public var netZeroCommitted: Bool
    public var netZeroYear: Int?
    /// The dashboard's own date for the row, as given.
    public var dateUpdated: String?

    public init(
        row: Int,
        sbtiID: String? = nil,
        name: String,
        isin: String? = nil,
        lei: String? = nil,
        location: String? = nil,
        organizationType: String? = nil,
        nearTermStatus: SBTiStatus,
        classification: SBTiClassification? = nil,
        nearTermTargetYear: Int? = nil,
        netZeroCommitted: Bool = false,
        netZeroYear: Int? = nil,
        dateUpdated: String? = nil
    ) {
        self.row = row
        self.sbtiID = sbtiID
        self.name = name
        self.isin = isin
        self.lei = lei
        self.location = location
        self.organizationType = organizationType
        self.nearTermStatus = nearTermStatus
        self.classification = classification
        self.nearTermTargetYear = nearTermTargetYear
        self.netZeroCommitted = netZeroCommitted
        self.netZeroYear = netZeroYear
        self.dateUpdated = dateUpdated
    }

    /// The company's status as a fact about `supplier`.
    public func fact(supplier: String, source: String, checkedOn: String) -> SupplierStatusFact {
        var fact = SupplierStatusFact(supplier: supplier, kind: .sbti, source: source, checkedOn: checkedOn)
        fact.sbtiStatus = nearTermStatus
        fact.classification = classification
        fact.nearTermTargetYear = nearTermTargetYear
        fact.netZeroCommitted = netZeroCommitted
        fact.netZeroYear = netZeroYear
        fact.evidence = sbtiID.map { "SBTi id \($0)" }
        return fact
    }

    /// Reads the dashboard's wording of a near-term status: "Targets set", "Committed",
    /// "Commitment removed", "Removed", "Expired", "Commitment expired", or empty for none.
    public static func status(_ text: String?) -> SBTiStatus? {
        let t = (text ?? "").lowercased().trimmingCharacters(in: .whitespaces)
        if t.isEmpty || t == "none" || t == "no" { return SBTiStatus.none }
        if t.contains("removed") { return .removed }
        if t.contains("expired") { return .expired }
        if t.contains("target") && t.contains("set") { return .targetsSet }
        if t.contains("commit") { return .committed }
        return nil
    }

    /// Reads a classification: "1.5°C", "1.5 C", "Well-below 2°C", "WB2C", "2°C".
    public static func classification(_ text: String?) -> SBTiClassification? {
        let t = (text ?? "").lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "")
        if t.isEmpty { return nil }
        if t.hasPrefix("1.5") { return .onePointFive }
        if t.contains("wellbelow") || t == "wb2c" || t == "wb2°c" { return .wellBelowTwo }
        if t.hasPrefix("2") { return .two }
        return nil
    }
}
