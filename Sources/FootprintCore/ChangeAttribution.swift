/// What a change in emissions between two runs is made of, per supplier and in total: the change in
/// activity, the switch of method, and the change in the figures (a supplier's disclosure or
/// footprint, a factor, a rate), in exact nano-kg that sum to the change.
///
/// Lines of the two runs are matched by supplier and purchase id (the n-th line of a supplier with an
/// id in one run with the n-th in the other, in the runs' line order). Each matched pair is split in
/// this order, each part at the figures the previous parts leave:
///
/// 1. **activity**: the old line's kg scaled to the new line's activity, under the old method and the
///    old figure, minus the old kg. The activity is the quantity for supplier-specific and
///    average-data lines, the amount for hybrid and spend-based lines. A line only in the later run
///    is all activity (+kg), one only in the earlier run too (-kg); so is a line whose own fields
///    besides amount and quantity (category, product, unit, currency, date, a quantity given or not)
///    changed, and a line that entered or left the inventory (a period, an exclusion).
/// 2. **method switch**: when a method computed the line in both runs, with another method or
///    another boundary of it (`MethodBoundary`: spend-based per purchaser price to per producer
///    price, say), the rest: the new figure minus the old method's figure for the same activity.
///    No part of it is a change in anyone's emissions.
/// 3. **figures**: otherwise the rest: the same method with new figures, or a line that got a figure
///    (it was unmapped) or lost it.
///
/// Every part is an integer of nano-kg, and the method switch or figures part is the remainder, so
/// the parts of a line sum exactly to its new nano-kg minus its old (each line rounded to the nano-kg
/// as the runs' inventories sum it), and those of a supplier and of the total to the change of its
/// inventory cell.
public struct ChangeAttribution: Sendable {
    /// One line of a run, as the attribution needs it. A line left out of the inventory is not given.
    public struct Line: Sendable {
        /// The supplier id, as in the ledger.
        public var supplier: String
        /// The purchase id, as in the ledger.
        public var purchaseID: String
        /// A fingerprint (a 64-bit hash, within one process) of the line's own fields besides amount
        /// and quantity (category, product, unit, currency, date): lines whose fields differ are
        /// different activities. Kept as a hash so that a run's lines held for matching stay small.
        public var fields: Int
        /// The amount, in the line's currency.
        public var amount: Double
        /// The quantity, in the line's unit; nil when the line has none.
        public var quantity: Double?
        /// The boundary of the method that computed the line; nil when none did (unmapped).
        public var boundary: MethodBoundary?
        /// The line's kg CO2e rounded to the nano-kg, as the run's inventory sums it (0 when unmapped).
        public var nanoKg: Int128

        /// A line; `nanoKg` as `AggregateAccumulator.nanoKg` rounds the line's kg.
        public init(
            supplier: String,
            purchaseID: String,
            fields: String,
            amount: Double,
            quantity: Double?,
            boundary: MethodBoundary?,
            nanoKg: Int128
        ) {
            self.supplier = supplier
            self.purchaseID = purchaseID
            self.fields = fields.hashValue
            self.amount = amount
            self.quantity = quantity
            self.boundary = boundary
            self.nanoKg = nanoKg
        }

        /// The method that computed the line, nil when unmapped.
        public var method: CalculationMethod? { boundary?.method }

        /// A held line of the earlier run, with its supplier's name (its purchase id is not kept).
        init(_ h: Held, supplier: String) {
            self.supplier = supplier
            purchaseID = ""
            fields = h.fields
            amount = h.amount
            quantity = h.quantity.isNaN ? nil : h.quantity
            boundary = h.boundary
            nanoKg = h.nanoKg
        }
    }

    /// A line of the earlier run while it waits for its match: 48 bytes, the supplier by its number
    /// in `supplierNames`, no purchase id (the key of its chain has it), NaN for no quantity.
    struct Held {
        var nanoKg: Int128
        var fields: Int
        var amount: Double
        var quantity: Double
        var supplier: Int32
        var boundary: MethodBoundary?
    }

    /// A change split into its parts, in nano-kg.
    public struct Parts: Sendable, Equatable {
        /// Lines added or removed, amounts and quantities: at the earlier method and figure.
        public var activity: Int128 = 0
        /// The same lines computed by another method or boundary.
        public var methodSwitch: Int128 = 0
        /// New figures (disclosures, footprints, factors, rates) under the same method and boundary.
        public var figures: Int128 = 0

        /// Parts of the given nano-kg.
        public init(activity: Int128 = 0, methodSwitch: Int128 = 0, figures: Int128 = 0) {
            self.activity = activity
            self.methodSwitch = methodSwitch
            self.figures = figures
        }

        /// The change: exactly the sum of the parts.
        public var total: Int128 { activity + methodSwitch + figures }
        public var isZero: Bool { activity == 0 && methodSwitch == 0 && figures == 0 }
        /// Whether the method switch outweighs the other two parts together (and is not zero): the
        /// change is then mostly a change of method, not of emissions.
        public var isMostlyMethodSwitch: Bool {
            methodSwitch != 0 && abs(methodSwitch) > abs(activity) + abs(figures)
        }

        static func += (a: inout Parts, b: Parts) {
            a.activity += b.activity
            a.methodSwitch += b.methodSwitch
            a.figures += b.figures
        }
    }

    /// A move of lines from one method boundary to another.
    public struct MethodSwitch: Sendable, Hashable, Comparable {
        /// The boundary in the earlier run.
        public var from: MethodBoundary
        /// The boundary in the later run.
        public var to: MethodBoundary

        /// The move from `from` to `to`.
        public init(from: MethodBoundary, to: MethodBoundary) {
            self.from = from
            self.to = to
        }

        /// By the earlier boundary, then the later.
        public static func < (a: MethodSwitch, b: MethodSwitch) -> Bool { (a.from.rawValue, a.to.rawValue) < (b.from.rawValue, b.to.rawValue) }
    }

    /// The lines that switched one way, and their method-switch part.
    public struct Switched: Sendable, Equatable {
        /// Lines that made the move.
        public var lines = 0
        /// Their method-switch part, nano-kg.
        public var nanoKg: Int128 = 0

        /// `lines` lines whose switch part is `nanoKg`.
        public init(lines: Int = 0, nanoKg: Int128 = 0) {
            self.lines = lines
            self.nanoKg = nanoKg
        }
    }

    /// One supplier's change (or the total's).
    public struct Change: Sendable {
        /// The supplier id (`total` for the total).
        public var key: String
        /// nano-kg before and after; `after - before == parts.total`.
        public var before: Int128 = 0
        public var after: Int128 = 0
        public var parts = Parts()
        /// Lines only in the later run, only in the earlier one (or whose own fields changed: both).
        public var linesAdded = 0
        public var linesRemoved = 0
        public var switches: [MethodSwitch: Switched] = [:]

        init(key: String) { self.key = key }

        /// The change, nano-kg.
        public var delta: Int128 { after - before }
        /// Lines whose method switched.
        public var linesSwitched: Int { switches.values.reduce(0) { $0 + $1.lines } }

        mutating func add(_ parts: Parts, before b: Int128, after a: Int128) {
            self.parts += parts
            before += b
            after += a
        }
    }

    /// The changes of suppliers whose kg changed, largest change first (then by id).
    public var suppliers: [Change] {
        bySupplier.values.filter { !$0.parts.isZero || $0.delta != 0 }
            .sorted { (abs($0.delta), $1.key) > (abs($1.delta), $0.key) }
    }

    /// Every line's change summed.
    public private(set) var total = Change(key: "total")

    private var bySupplier: [String: Change] = [:]
    private struct Key: Hashable {
        var supplier: Int32
        var purchaseID: String
    }

    /// Suppliers by number, and their numbers.
    private var supplierNames: [String] = []
    private var supplierNumbers: [String: Int32] = [:]

    /// The earlier run's lines, in order; per key, its first unmatched line and its last, chained
    /// in order by `nextSame` (-1 ends a chain): no array per key, so a million lines stay small.
    private var earlier: [Held] = []
    private var nextSame: [Int32] = []
    private var matched: [Bool] = []
    private var chains: [Key: (head: Int32, tail: Int32)] = [:]

    /// An attribution with no lines yet: add the earlier run's, then the later run's, then `finish()`.
    public init() {}

    /// The attribution of two runs' lines (each in its run's line order).
    public init(before: some Sequence<Line>, after: some Sequence<Line>) {
        for line in before { addBefore(line) }
        for line in after { addAfter(line) }
        finish()
    }

    /// Adds a line of the earlier run; all of them come before any of the later run.
    public mutating func addBefore(_ line: Line) {
        let supplier = number(line.supplier)
        let key = Key(supplier: supplier, purchaseID: line.purchaseID)
        let i = Int32(earlier.count)
        earlier.append(
            Held(
                nanoKg: line.nanoKg,
                fields: line.fields,
                amount: line.amount,
                quantity: line.quantity ?? .nan,
                supplier: supplier,
                boundary: line.boundary
            )
        )
        nextSame.append(-1)
        matched.append(false)
        if let chain = chains[key] {
            nextSame[Int(chain.tail)] = i
            chains[key] = (chain.head, i)
        } else {
            chains[key] = (i, i)
        }
    }

    /// Adds a line of the later run: matched with the first unmatched line of the earlier run with its
    /// supplier and purchase id, if any.
    public mutating func addAfter(_ line: Line) {
        var match: Line?
        let key = supplierNumbers[line.supplier].map { Key(supplier: $0, purchaseID: line.purchaseID) }
        if let key, let chain = chains[key] {
            let i = Int(chain.head)
            match = Line(earlier[i], supplier: line.supplier)
            matched[i] = true
            let next = nextSame[i]
            chains[key] = next < 0 ? nil : (next, chain.tail)
        }
        record(before: match, after: line)
    }

    /// Counts the earlier run's lines that no line of the later run matched as removed.
    public mutating func finish() {
        let left = earlier.indices.filter { !matched[$0] }.map { Line(earlier[$0], supplier: supplierNames[Int(earlier[$0].supplier)]) }
        (earlier, nextSame, matched, chains) = ([], [], [], [:])
        for line in left { record(before: line, after: nil) }
    }

    /// The number of a supplier, given it if new.
    private mutating func number(_ supplier: String) -> Int32 {
        if let n = supplierNumbers[supplier] { return n }
        let n = Int32(supplierNames.count)
        supplierNames.append(supplier)
        supplierNumbers[supplier] = n
        return n
    }

    private mutating func record(before a: Line?, after b: Line?) {
        let (parts, move) = Self.split(before: a, after: b)
        let supplier = (b ?? a)!.supplier
        let other = a != nil && b != nil && !Self.sameActivity(a!, b!)
        func count(_ change: inout Change) {
            change.add(parts, before: a?.nanoKg ?? 0, after: b?.nanoKg ?? 0)
            if a == nil || other { change.linesAdded += 1 }
            if b == nil || other { change.linesRemoved += 1 }
            if let move {
                change.switches[move, default: Switched()].lines += 1
                change.switches[move, default: Switched()].nanoKg += parts.methodSwitch
            }
        }
        count(&bySupplier[supplier, default: Change(key: supplier)])
        count(&total)
    }

    /// Whether two lines are the same activity: the same fields, a quantity in both or in neither.
    static func sameActivity(_ a: Line, _ b: Line) -> Bool { a.fields == b.fields && (a.quantity == nil) == (b.quantity == nil) }

    /// The parts of one line's change, and the method switch it made, if any (see the type's order).
    public static func split(before a: Line?, after b: Line?) -> (Parts, MethodSwitch?) {
        guard let a, let b else { return (Parts(activity: (b?.nanoKg ?? 0) - (a?.nanoKg ?? 0)), nil) }
        guard sameActivity(a, b) else {
            return (Parts(activity: b.nanoKg - a.nanoKg), nil)
        }
        // 1. The old method and figure at the new activity.
        var scaled = a.nanoKg
        if let method = a.method {
            let byQuantity = method == .supplierSpecific || method == .averageData
            let old = byQuantity ? a.quantity : a.amount
            let new = byQuantity ? b.quantity : b.amount
            if let old, let new, old != new, old != 0 {
                scaled = Self.rounded(Double(a.nanoKg) * (new / old))
            }
        }
        let activity = scaled - a.nanoKg
        let rest = b.nanoKg - scaled
        // 2. Another method or boundary; 3. otherwise new figures.
        if let from = a.boundary, let to = b.boundary, from != to {
            return (Parts(activity: activity, methodSwitch: rest), MethodSwitch(from: from, to: to))
        }
        return (Parts(activity: activity, figures: rest), nil)
    }

    /// `x` rounded to the nearest integer.
    static func rounded(_ x: Double) -> Int128 {
        let r = x.rounded()
        if abs(r) < 9.2e18 { return Int128(Int64(r)) }
        return r.isFinite ? Int128(r) : 0
    }
}
