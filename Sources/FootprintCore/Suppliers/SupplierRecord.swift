/// A supplier in the register: the master data of `suppliers.csv` with its optional columns.
public struct SupplierRecord: Sendable, Hashable, Codable {
    /// The supplier's id as purchases name it.
    public var id: String
    public var name: String
    /// ISO 3166 alpha-2 country code, if known.
    public var country: String?
    public var identifiers: SupplierIdentifiers
    public var contactName: String?
    public var contactEmail: String?
    /// Free-text categories (what is bought from the supplier), in file order.
    public var categories: [String]
    /// Marked strategic by procurement.
    public var strategic: Bool
    public var notes: String?
    /// The parent company: another supplier of the register, by id. A subsidiary without an SBTi status
    /// of its own inherits its parent's (`SupplierParents`).
    public var parent: String?
    /// A link to the supplier's entry in a company register (Brønnøysund, Companies House, GLEIF).
    public var companyRegister: String?

    public init(
        id: String,
        name: String,
        country: String? = nil,
        identifiers: SupplierIdentifiers = SupplierIdentifiers(),
        contactName: String? = nil,
        contactEmail: String? = nil,
        categories: [String] = [],
        strategic: Bool = false,
        notes: String? = nil,
        parent: String? = nil,
        companyRegister: String? = nil
    ) {
        self.parent = parent
        self.companyRegister = companyRegister
        self.id = id
        self.name = name
        self.country = country
        self.identifiers = identifiers
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.categories = categories
        self.strategic = strategic
        self.notes = notes
    }
}

/// A supplier's organisation identifiers, each as given (LEI and ISIN upper-cased).
public struct SupplierIdentifiers: Sendable, Hashable, Codable {
    /// National organisation number (in Norway, the 9-digit organisasjonsnummer).
    public var orgNumber: String?
    public var vat: String?
    /// Legal Entity Identifier (ISO 17442, 20 characters).
    public var lei: String?
    /// Dun & Bradstreet D-U-N-S number (9 digits).
    public var duns: String?
    /// International Securities Identification Number (ISO 6166, 12 characters).
    public var isin: String?
    /// The supplier's PACT `companyIds` (URNs such as `urn:lei:...`).
    public var pactCompanyIDs: [String]

    public init(
        orgNumber: String? = nil,
        vat: String? = nil,
        lei: String? = nil,
        duns: String? = nil,
        isin: String? = nil,
        pactCompanyIDs: [String] = []
    ) {
        self.orgNumber = orgNumber
        self.vat = vat
        self.lei = lei
        self.duns = duns
        self.isin = isin
        self.pactCompanyIDs = pactCompanyIDs
    }
}
