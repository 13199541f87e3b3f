/// What a text of a purchase line resolves to in an `InventoryEngine`'s tables: which supplier,
/// category, product, unit or currency, or `none` when the engine has no figure for that text.
/// One type per table (`SupplierKey`, `CategoryKey`, ...), so that a key of one table cannot be used
/// in another; it is an `Int32` at run time.
public struct EngineKey<Table>: Hashable, Sendable {
    /// The row of the engine's table; -1 for `none`.
    public let index: Int32

    @inlinable @inline(__always)
    public init(_ index: Int32) { self.index = index }

    /// The key of a text the engine does not know.
    public static var none: Self { Self(-1) }

    @inlinable @inline(__always)
    public var isNone: Bool { index < 0 }
}

/// The tables of `EngineKey`.
public enum EngineTable {
    public enum Supplier {}
    public enum Category {}
    public enum Product {}
    public enum Unit {}
    public enum Currency {}
}

public typealias SupplierKey = EngineKey<EngineTable.Supplier>
public typealias CategoryKey = EngineKey<EngineTable.Category>
public typealias ProductKey = EngineKey<EngineTable.Product>
public typealias UnitKey = EngineKey<EngineTable.Unit>
public typealias CurrencyKey = EngineKey<EngineTable.Currency>
