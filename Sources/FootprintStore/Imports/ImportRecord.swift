import GRDB

/// What an import brought in: one of the canonical kinds of file.
public enum ImportKind: String, Sendable, CaseIterable, Codable {
    case purchases, suppliers, factors, rates
    case priceIndex = "price-index"
    case supplierEmissions = "supplier-emissions"
    case productFootprints = "product-footprints"
    /// Emissions suppliers allocate to the company (supplier_allocations.csv: a CDP supply chain
    /// allocation table), which the hybrid method uses before their company-wide disclosures.
    case supplierAllocations = "supplier-allocations"
    /// Who made the products bought through distributors (manufacturers.csv): a product's manufacturer
    /// and its id of the product, for every invoicing supplier or one.
    case manufacturers
    /// A published factor library installed with `footprint factors install`.
    case factorLibrary = "factor-library"
    /// Supplier status facts from a supplier_status.csv (`footprint suppliers import-status`).
    case supplierStatus = "supplier-status"
    /// Supplier SBTi facts derived from the SBTi companies workbook (`footprint suppliers import-sbti --apply`);
    /// the workbook itself is never stored.
    case sbtiWorkbook = "sbti-workbook"
    /// PACT product footprint files (a footprint, a list or an API response body), `footprint import pact`;
    /// the footprints themselves are stored in `pact_footprint`.
    case pact
    /// One register change made from the command line (`footprint suppliers add` or `edit`): the
    /// supplier's new version, with the change as JSON content.
    case supplierEdit = "supplier-edit"
    /// Category rules (categories.csv, `CategoryRulesReader`): per ledger category, its Scope 3
    /// category or its exclusion from the inventory with the reason; merged over `CategoryRules.builtIn`.
    case categories
    /// The company and its activity data (docs/corporate-inventory.md, docs/activity.md): one file of
    /// each kind in force, kept whole and read again for each corporate inventory.
    case company
    case sites, fuel, refrigerants, energy
    case energyInstruments = "energy-instruments"
    case gridFactors = "grid-factors"
    case travel
    case commutingSurvey = "commuting-survey"
    case workforce
    /// What the company sells and takes back (docs/downstream.md): sales, use profiles of the products
    /// bought for resale, their expected end of life, and the return programme's returns.
    case sales
    case productUse = "product-use"
    case endOfLife = "end-of-life"
    case returns
    /// Equipment the company owns and runs at customers' sites (Category 13), and the comparisons
    /// reported apart as avoided emissions (docs/downstream.md).
    case leasedEquipment = "leased-equipment"
    case avoidedEmissions = "avoided-emissions"
    /// The company's customers, the services it sells, the pools of emissions that feed each service and
    /// the customers' monthly use of them (docs/customers.md): one file of each kind in force, checked
    /// together (`CustomerStore`).
    case customers, services
    case servicePools = "service-pools"
    case serviceUsage = "service-usage"

    /// The canonical file name of an activity kind (`energy.csv`), nil for other kinds.
    public var activityFileName: String? {
        switch self {
        case .company: "company.json"
        case .sites: "sites.csv"
        case .fuel: "fuel.csv"
        case .refrigerants: "refrigerants.csv"
        case .energy: "energy.csv"
        case .energyInstruments: "energy_instruments.csv"
        case .gridFactors: "grid_factors.csv"
        case .travel: "travel.csv"
        case .commutingSurvey: "commuting_survey.csv"
        case .workforce: "workforce.csv"
        case .sales: "sales.csv"
        case .productUse: "product_use.csv"
        case .endOfLife: "end_of_life.csv"
        case .returns: "returns.csv"
        case .leasedEquipment: "leased_equipment.csv"
        case .avoidedEmissions: "avoided_emissions.csv"
        default: nil
        }
    }

    /// The canonical file name of a customer kind (`service_usage.csv`), nil for other kinds.
    public var customerFileName: String? {
        switch self {
        case .customers: "customers.csv"
        case .services: "services.csv"
        case .servicePools: "service_pools.csv"
        case .serviceUsage: "service_usage.csv"
        default: nil
        }
    }

    /// Kinds that describe the company's customers and services: not inputs of a calculation run.
    public var isCustomerData: Bool { customerFileName != nil }

    /// Kinds that describe the company and its own activity rather than the ledger.
    public var isActivity: Bool { activityFileName != nil }

    /// Kinds that bring supplier status facts: not inputs of a calculation.
    public var isSupplierStatus: Bool { self == .supplierStatus || self == .sbtiWorkbook }
}

/// The record of one import: which file, when, its size and hash, how many rows, and whether it
/// is still in force.
public struct ImportRecord: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Part of the workspace.
        case active
        /// Replaced by a later import (`--replace`); kept so that earlier runs can be explained.
        case superseded
        /// Taken out (`imports remove`); kept so that earlier runs can be explained.
        case removed
    }

    public var id: Int64
    public var kind: ImportKind
    public var fileName: String
    public var byteCount: Int
    public var sha256: String
    /// ISO 8601, UTC.
    public var importedAt: String
    public var rowCount: Int
    public var status: Status
    public var replaces: Int64?
    /// The ERP mapping the file was read through, if any.
    public var mapping: String?
}

/// What `import` did.
extension ImportRecord: FetchableRecord {
    /// A row of the `import` table.
    public init(row: Row) {
        self.init(
            id: row["id"],
            kind: ImportKind(rawValue: row["kind"]) ?? .purchases,
            fileName: row["file_name"],
            byteCount: row["byte_count"],
            sha256: row["sha256"],
            importedAt: row["imported_at"],
            rowCount: row["row_count"],
            status: ImportRecord.Status(rawValue: row["status"]) ?? .removed,
            replaces: row["replaces"],
            mapping: row["mapping"]
        )
    }
}

public struct ImportOutcome: Sendable {
    public var record: ImportRecord
    /// True when the same file (same kind and SHA-256) was already imported and in force: nothing changed.
    public var alreadyImported: Bool
    /// The import this one superseded.
    public var superseded: Int64?
    public var seconds: Double
    /// Things the user should know (for an ERP export, the values its mapping does not cover).
    public var notes: [String] = []
}
