import FootprintCore

/// How `calculate` should run.
public struct CalculationOptions: Sendable {
    /// Recompute every line even when only some suppliers' data changed.
    public var full: Bool
    public var threads: Int
    /// The lines the run counts, by date.
    public var period: PeriodSelection
    /// Hears the run's phases and the lines evaluated of those to evaluate; finished when the run is stored.
    public var progress: ProgressReporter?

    /// `period` defaults to every line (`.all`), as runs were before reporting periods; the command line's
    /// default is `.latest`.
    public init(full: Bool = false, threads: Int = 2, period: PeriodSelection = .all, progress: ProgressReporter? = nil) {
        self.full = full
        self.threads = max(1, threads)
        self.period = period
        self.progress = progress
    }
}

/// Which reporting period a calculation covers (docs/inventory.md).
public enum PeriodSelection: Sendable, Equatable {
    /// The fiscal year that contains the latest purchase date of the workspace.
    case latest
    /// The fiscal year named by the year it ends (with the workspace's start month).
    case fiscalYear(Int)
    /// Every line, whatever its date: no period.
    case all
}

/// What a run read: the imports and factor libraries in force, so that the run can be explained
/// and reproduced, and digests that tell the next calculation what changed.
public struct RunInputs: Sendable, Equatable, Codable {
    public struct Input: Sendable, Equatable, Codable {
        public var importID: Int64
        public var kind: String
        public var file: String
        public var sha256: String
    }

    public struct Library: Sendable, Equatable, Codable {
        public var id: Int64
        public var key: String
        public var version: String
        public var sha256: String?
    }

    public var imports: [Input]
    /// In precedence order.
    public var libraries: [Library]
    /// Digest of everything except suppliers' own data (purchases, factors, rates, price index).
    public var globalDigest: String
    /// Per supplier with disclosures or product footprints, a digest of them.
    public var supplierDigests: [String: String]
    /// Per supplier, a digest of its disclosures; and per supplier and product, of its footprints:
    /// what an incremental run compares to recompute only the lines that can change.
    public var disclosureDigests: [String: String] = [:]
    public var footprintDigests: [String: [String: String]] = [:]

    /// The PACT footprints the run used, resolved (linked to supplier and ledger product, active, not
    /// superseded), so that the run can be explained again whatever happens to them later.
    public var pactFootprints: [PACTRunFootprint] = []

    /// Whether the run applied the category rules (`CategoryRules.builtIn` and its categories imports):
    /// false for runs stored before them, which counted every category.
    public var categoryRules = false
    /// Whether the run's hybrid method used only disclosures that report upstream Scope 3
    /// (`InventoryEngine.hybridNeedsUpstreamScope3`): false for runs stored before the rule.
    public var completeDisclosures = false
    /// Whether the run counted the lines of suppliers whose disclosures are all incomplete as a
    /// fall-through (`FallThrough.disclosureIncomplete`): false for runs stored before.
    public var incompleteDisclosureFallThrough = false
    /// The suppliers' answers the run's sold-products figures read (their `received` event ids: take-back
    /// answers and energy answers with a product's power or lifetime), so that a later answer changes
    /// only a later run. Empty for runs stored before, which read none.
    public var supplierAnswers: [Int64] = []

    enum CodingKeys: String, CodingKey {
        case imports, libraries, globalDigest, supplierDigests, disclosureDigests, footprintDigests, pactFootprints, categoryRules
        case completeDisclosures, incompleteDisclosureFallThrough, supplierAnswers
    }

    public init(
        imports: [Input],
        libraries: [Library],
        globalDigest: String,
        supplierDigests: [String: String],
        disclosureDigests: [String: String] = [:],
        footprintDigests: [String: [String: String]] = [:]
    ) {
        self.imports = imports
        self.libraries = libraries
        self.globalDigest = globalDigest
        self.supplierDigests = supplierDigests
        self.disclosureDigests = disclosureDigests
        self.footprintDigests = footprintDigests
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        imports = try c.decode([Input].self, forKey: .imports)
        libraries = try c.decode([Library].self, forKey: .libraries)
        globalDigest = try c.decode(String.self, forKey: .globalDigest)
        supplierDigests = try c.decode([String: String].self, forKey: .supplierDigests)
        disclosureDigests = try c.decodeIfPresent([String: String].self, forKey: .disclosureDigests) ?? [:]
        footprintDigests = try c.decodeIfPresent([String: [String: String]].self, forKey: .footprintDigests) ?? [:]
        pactFootprints = try c.decodeIfPresent([PACTRunFootprint].self, forKey: .pactFootprints) ?? []
        categoryRules = try c.decodeIfPresent(Bool.self, forKey: .categoryRules) ?? false
        completeDisclosures = try c.decodeIfPresent(Bool.self, forKey: .completeDisclosures) ?? false
        incompleteDisclosureFallThrough = try c.decodeIfPresent(Bool.self, forKey: .incompleteDisclosureFallThrough) ?? false
        supplierAnswers = try c.decodeIfPresent([Int64].self, forKey: .supplierAnswers) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(imports, forKey: .imports)
        try c.encode(libraries, forKey: .libraries)
        try c.encode(globalDigest, forKey: .globalDigest)
        try c.encode(supplierDigests, forKey: .supplierDigests)
        try c.encode(disclosureDigests, forKey: .disclosureDigests)
        try c.encode(footprintDigests, forKey: .footprintDigests)
        if !pactFootprints.isEmpty { try c.encode(pactFootprints, forKey: .pactFootprints) }
        if categoryRules { try c.encode(categoryRules, forKey: .categoryRules) }
        if completeDisclosures { try c.encode(completeDisclosures, forKey: .completeDisclosures) }
        if incompleteDisclosureFallThrough { try c.encode(incompleteDisclosureFallThrough, forKey: .incompleteDisclosureFallThrough) }
        if !supplierAnswers.isEmpty { try c.encode(supplierAnswers, forKey: .supplierAnswers) }
    }
}

/// An immutable calculation run: when, what it read, how many lines it computed, and its inventory.
public struct CalculationRun: Sendable, Codable {
    public enum Kind: String, Sendable, Codable { case full, incremental }

    public var id: Int64
    public var createdAt: String
    public var kind: Kind
    /// For an incremental run, the run it updated.
    public var parentID: Int64?
    public var inputs: RunInputs
    public var aggregate: InventoryAggregate
    public var lineCount: Int
    /// Lines evaluated by this run (all of them for a full run).
    public var recomputedLines: Int
    public var seconds: Double
    /// True when nothing had changed since this (existing) run, so no new run was made.
    public var upToDate = false

    public var summary: InventorySummary { aggregate.summary() }

    /// The reporting period the run covers; nil when it counted every line (runs stored before periods).
    public var period: ReportingPeriod? { aggregate.period }
}

/// A run's id, time and inventory: a `CalculationRun` without its inputs.
public struct RunInventory: Sendable {
    public var id: Int64
    /// ISO 8601 UTC.
    public var createdAt: String
    public var aggregate: InventoryAggregate
}
