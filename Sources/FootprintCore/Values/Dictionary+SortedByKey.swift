extension Dictionary where Key: Comparable {
    /// The entries in the order of their keys. Sorts the keys alone and then looks each value up once:
    /// sorting the (key, value) pairs would copy both into every comparison, which for an inventory's
    /// cells (three arrays each) cost more than the sorting itself.
    public func sortedByKey() -> [(key: Key, value: Value)] {
        keys.sorted().map { key in (key, self[key].unsafelyUnwrapped) }
    }
}
