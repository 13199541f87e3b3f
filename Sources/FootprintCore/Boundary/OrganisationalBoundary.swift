/// The reporting company and what its inventory covers: the consolidation approach, the legal
/// entities inside the boundary, and the Scope 3 categories it does not report with the reason
/// (the GHG Protocol asks for a justification of every excluded category). Written into every run
/// and report. Read from `company.json` (docs/inventory.md).
public struct OrganisationalBoundary: Sendable, Hashable {
    public struct Entity: Sendable, Hashable {
        public var id: String
        public var name: String
        public var country: String?
        /// The company's equity share in the entity, 0...1 (1 for a wholly owned subsidiary); applied
        /// under the equity-share approach.
        public var equityShare: Double

        public init(id: String, name: String, country: String? = nil, equityShare: Double = 1) {
            self.id = id
            self.name = name
            self.country = country
            self.equityShare = equityShare
        }
    }

    public var company: String
    public var approach: ConsolidationApproach
    public var entities: [Entity]
    /// The month (1...12) the fiscal year starts in.
    public var fiscalYearStart: Int
    /// Scope 3 categories the company does not report, each with its justification.
    public var excludedScope3: [Scope3Category: String]
    /// The sites of the activity data (sites.csv), inside the boundary or not.
    public var sites: [ActivitySite] = []
    /// The company's PACT `companyIds` (URNs), for the footprints it publishes (service footprints).
    public var pactCompanyIDs: [String] = []

    public init(
        company: String = "",
        approach: ConsolidationApproach = .operationalControl,
        entities: [Entity] = [],
        fiscalYearStart: Int = 1,
        excludedScope3: [Scope3Category: String] = [:]
    ) {
        self.company = company
        self.approach = approach
        self.entities = entities
        self.fiscalYearStart = fiscalYearStart
        self.excludedScope3 = excludedScope3
    }

    public func json() -> JSONValue {
        .object(
            [
                ("company", .string(company)),
                ("consolidation_approach", .string(approach.rawValue)),
                ("fiscal_year_start_month", .integer(fiscalYearStart)),
                (
                    "entities",
                    .array(
                        entities.map { e in
                            .object([
                                ("id", .string(e.id)), ("name", .string(e.name)), ("country", e.country.map { .string($0) } ?? .null),
                                ("equity_share", .number(e.equityShare)),
                            ])
                        }
                    )
                ),
                (
                    "sites",
                    .array(
                        sites.map { site in
                            .object([
                                ("site", .string(site.id)), ("name", .string(site.name)), ("country", .string(site.country)),
                                ("legal_entity", site.legalEntity.map { .string($0) } ?? .null), ("consolidated", .bool(site.consolidated)),
                            ])
                        }
                    )
                ),
                (
                    "excluded_scope3_categories",
                    .object(excludedScope3.sortedByKey().map { (String($0.key.rawValue), .string($0.value)) })
                ),
            ] + (pactCompanyIDs.isEmpty ? [] : [("pact_company_ids", .array(pactCompanyIDs.map { .string($0) }))])
        )
    }
}
