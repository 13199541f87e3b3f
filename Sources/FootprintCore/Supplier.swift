/// A supplier from the master data.
public struct Supplier: Sendable, Hashable {
    public var id: String
    public var name: String
    /// ISO 3166 alpha-2 country code, if known.
    public var country: String?

    public init(id: String, name: String, country: String? = nil) {
        self.id = id
        self.name = name
        self.country = country
    }
}
