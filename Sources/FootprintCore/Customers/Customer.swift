/// The language a customer's statements are written in (customers.csv `language`).
public enum StatementLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    /// Norwegian Bokmål.
    case nb
    /// English, the default.
    case en
}

/// A customer of the company (customers.csv): the id the purchase ledger's `customer` column and
/// service_usage.csv use, and what its statements need.
public struct Customer: Sendable, Hashable {
    public var id: String
    public var name: String
    /// ISO 3166 alpha-2, upper case.
    public var country: String?
    public var language: StatementLanguage
    /// The customer's PACT `companyIds` (URNs), for footprints published to it.
    public var pactCompanyIDs: [String]
    public var orgNumber: String?
    public var location: SourceLocation?

    public init(
        id: String,
        name: String,
        country: String? = nil,
        language: StatementLanguage = .en,
        pactCompanyIDs: [String] = [],
        orgNumber: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.language = language
        self.pactCompanyIDs = pactCompanyIDs
        self.orgNumber = orgNumber
        self.location = location
    }
}
