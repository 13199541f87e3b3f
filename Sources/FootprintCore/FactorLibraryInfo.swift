/// Who published a factor library, which edition it is, and the file it was read from.
///
/// The identity of a library in a workspace: `epa-useeio-1.3`, `desnz-2024`,
/// `footprint-default`, or the name of a user's own file. A calculation records the
/// library (and so the file's SHA-256) that each of its factors came from.
public struct FactorLibraryInfo: Sendable, Codable, Hashable {
    /// A stable identifier: `epa-useeio-1.3`, `desnz-2024`, `footprint-default`, or a user file's name.
    public var id: String
    /// The publication's title, as its publisher gives it.
    public var title: String
    /// The edition: `1.3.0`, `2024 v1.1`, `2026.1`.
    public var version: String
    /// The organisation that publishes the data.
    public var publisher: String
    /// The licence under which the data may be used and redistributed.
    public var licence: String
    /// Where the official data can be found: a URL or a DOI.
    public var sourceURL: String?
    /// The DOI, when the publication has one.
    public var doi: String?
    /// The SHA-256 (lower-case hex) of the file the factors were read from; `nil` for the built-in library.
    public var sha256: String?

    public init(
        id: String,
        title: String,
        version: String,
        publisher: String,
        licence: String,
        sourceURL: String? = nil,
        doi: String? = nil,
        sha256: String? = nil
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.publisher = publisher
        self.licence = licence
        self.sourceURL = sourceURL
        self.doi = doi
        self.sha256 = sha256
    }
}
