import FootprintCore

/// How `calculate` should run.
public struct CalculationOptions: Sendable {
    /// Recompute every line even when only some suppliers' data changed.
    public var full: Bool
    public var threads: Int

    public init(full: Bool = false, threads: Int = 2) {
        self.full = full
        self.threads = max(1, threads)
    }
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
}
