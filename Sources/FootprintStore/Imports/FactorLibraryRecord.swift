/// A factor library as the workspace keeps it. Libraries are consulted in order: the user's own
/// factor files first (tier 0), then installed published libraries (tier 1), then the built-in
/// default (tier 2); newest first within a tier. For each key (a category's spend-based factor,
/// a category and unit's average-data factor) the first library that has it wins.
public struct FactorLibraryRecord: Sendable, Equatable, Codable {
    public var id: Int64
    /// `epa-useeio-1.3`, `desnz-2024`, `footprint-default`, or a user file's name.
    public var key: String
    public var version: String
    public var title: String
    public var publisher: String
    public var licence: String
    public var source: String
    public var sha256: String?
    public var installedAt: String
    public var importID: Int64?
    public var tier: Int
    public var active: Bool
    public var factorCount: Int

    /// `key@version`, as runs name the library.
    public var label: String { "\(key)@\(version)" }
}
