/// Writing a run's inventory by patching the one stored before it: a run that only refigured lines
/// (new figures for the same lines, `NanoKgDelta`) changes the nano-kg of a few hundred cells of the
/// thousands an inventory has, and nothing else. Its binary form is the earlier run's bytes with those
/// cells' nano-kg written again, byte for byte what `binary()` writes (the cells keep their order: no
/// cell is added or removed, and the pool-source cells are in the order kept, `PoolSourceOrder`).
extension InventoryAggregate {
    /// One cell of an inventory.
    public enum CellRef: Hashable, Sendable {
        case total
        case group(Dimension, String)
        case fallThrough(FallThrough)
        case poolSource(PoolSourceKey)
    }

    /// The cells a change of nano-kg touched (`NanoKgDelta.apply`), and whether it made a cell that was
    /// not there or changed what the inventory holds otherwise (then it cannot be patched).
    public struct ChangedCells: Sendable {
        public var cells: [CellRef] = []
        public var reshaped = false

        public init() {}
    }

    /// Where each cell's nano-kg (5 x Int128) stand in an inventory's binary form, and the shape of the
    /// inventory it was written from.
    public struct BinaryLayout: Sendable {
        var shape: Shape
        var total = 0
        var groups: [Dimension: [String: Int]] = [:]
        var fallThrough: [FallThrough: Int] = [:]
        var poolSources: [PoolSourceKey: Int] = [:]

        /// What must be the same for bytes to be patched: how many cells each section has, the flags and
        /// the period, and everything besides nano-kg that a refigure never changes but a run could.
        struct Shape: Equatable, Sendable {
            var groups: [Dimension: Int]
            var unmapped: Int
            var fallThrough: Int
            var excluded: Int
            var manufactured: Int
            var poolSources: Int
            var flags: [Bool]
            var period: ReportingPeriod?
            var lines: Int

            init(_ aggregate: InventoryAggregate) {
                groups = aggregate.groups.mapValues(\.count)
                unmapped = aggregate.unmapped.count
                fallThrough = aggregate.fallThrough.count
                excluded = aggregate.excluded.count
                manufactured = aggregate.manufactured.count
                poolSources = aggregate.poolSources.count
                flags = [aggregate.hasSupplierScope3, aggregate.hasManufactured, aggregate.hasPoolSources]
                period = aggregate.period
                lines = aggregate.ledgerLines
            }
        }
    }

    /// Writes into `bytes` (this inventory's parent's binary form, laid out as `layout` says) the
    /// nano-kg of the cells `changed` names, so that `bytes` become this inventory's binary form.
    /// Returns false, leaving `bytes` as they may be, when the change reshaped the inventory, its shape
    /// is not the layout's, or a cell is not in the layout: then the caller writes `binary()`.
    public func patch(_ bytes: inout [UInt8], layout: BinaryLayout, changed: ChangedCells) -> Bool {
        guard !changed.reshaped, BinaryLayout.Shape(self) == layout.shape else { return false }
        for ref in changed.cells {
            let offset: Int?
            let cell: Cell?
            switch ref {
            case .total:
                (offset, cell) = (layout.total, total)
            case .group(let dimension, let key):
                (offset, cell) = (layout.groups[dimension]?[key], groups[dimension]?[key])
            case .fallThrough(let reason):
                (offset, cell) = (layout.fallThrough[reason], fallThrough[reason])
            case .poolSource(let key):
                (offset, cell) = (layout.poolSources[key], poolSources[key])
            }
            guard let offset, let cell, offset >= 0, offset + 80 <= bytes.count else { return false }
            bytes.withUnsafeMutableBytes { raw in
                for m in 0..<5 {
                    let value = cell.nanoKg[m]
                    raw.storeBytes(of: Int64(truncatingIfNeeded: value).littleEndian, toByteOffset: offset + m * 16, as: Int64.self)
                    raw.storeBytes(of: Int64(truncatingIfNeeded: value >> 64).littleEndian, toByteOffset: offset + m * 16 + 8, as: Int64.self)
                }
            }
        }
        return true
    }
}
