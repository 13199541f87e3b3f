import FootprintCore

/// Refiguring: a supplier's lines whose method, activity and groupings stay, and whose figure (a
/// disclosure's intensity, a footprint's kg per unit) changed in value only.
extension PackEvaluator {
    /// A supplier's figures that changed in value but not in shape (`InventoryEngine.SupplierFigures`),
    /// by rank: its disclosures' intensities, and per product term its footprints' kg per unit.
    struct FigureChange: Sendable {
        var disclosures: (old: [Double], new: [Double])?
        /// Per product term: index into `footprintStart` / `footprintLength`, or -1 when the product's footprints did not change.
        var productSlot: [Int32] = []
        /// Per changed product: where its footprints' figures start in `footprintOld` / `footprintNew`, and how many.
        var footprintStart: [Int] = []
        var footprintLength: [Int] = []
        var footprintOld: [Double] = []
        var footprintNew: [Double] = []

        /// The old and new figures of the footprints of product term `product` (of `terms` terms).
        mutating func addFootprints(product: Int, terms: Int, old: [Double], new: [Double]) {
            if productSlot.isEmpty { productSlot = Array(repeating: -1, count: terms) }
            let n = min(old.count, new.count)
            productSlot[product] = Int32(footprintStart.count)
            footprintStart.append(footprintOld.count)
            footprintLength.append(n)
            footprintOld += old.prefix(n)
            footprintNew += new.prefix(n)
        }
    }

    /// What refiguring reads of a pack and its stored results (`refigurePlan`): per line, which of the
    /// supplier's figures its kg is the activity times, that activity, and its group, the cells of the
    /// inventory its kg is in (method, ledger category, Scope 3 category, month, customer, fall-through).
    /// A pack's lines fall into a few groups, so a change is summed per group and added to the
    /// inventory's cells once per group. Made from immutable data (a pack and one run's results for
    /// it), so a process that calculates again and again keeps it (`CalculationCache`).
    struct RefigurePlan: Sendable {
        static let notOwnFigure: UInt8 = 0
        static let disclosure: UInt8 = 1
        static let footprint: UInt8 = 2
        /// A line whose kg cannot change by refiguring alone: should it change, the pack is evaluated again.
        static let needsEvaluation = UInt32.max

        struct Group: Hashable, Sendable {
            var method: Int
            var category: Int
            var scope3: Int
            var month: Int
            var customer: Int
            var fellThrough: Bool
        }

        /// Per line: `notOwnFigure`, `disclosure` (a hybrid line) or `footprint` (a supplier-specific line).
        var figure: [UInt8]
        /// Per line: the figure's rank among the supplier's disclosures or the product's footprints.
        var rank: [Int32]
        var product: [Int32]
        var activity: [Double]
        /// Per line: its index in `groups`, or `needsEvaluation`.
        var group: [UInt32]
        var groups: [Group]

        /// The bytes it takes, for the cache's limit.
        var byteCount: Int { figure.count * 21 + groups.count * 48 }
    }

    /// The plan for refiguring `pack`'s lines from their `stored` results; nil when they are kg results
    /// or not the pack's (then the pack is computed again instead).
    func refigurePlan(_ pack: PackGroupings, supplier: Int, stored: LineResultPack.View) -> RefigurePlan? {
        guard stored.isActivity, stored.count == pack.count else { return nil }
        let n = pack.count
        var plan = RefigurePlan(
            figure: [UInt8](repeating: RefigurePlan.notOwnFigure, count: n),
            rank: [Int32](repeating: -1, count: n),
            product: [Int32](repeating: -1, count: n),
            activity: [Double](repeating: 0, count: n),
            group: [UInt32](repeating: RefigurePlan.needsEvaluation, count: n),
            groups: []
        )
        var numbers = RefigureGroupNumbers()
        var last: (group: RefigurePlan.Group, number: UInt32)?
        for i in 0..<n {
            let outcome = stored.outcome(i)
            let rank = stored.source(i)
            // A manufacturer's figure (manufacturers.csv) is not one of this supplier's.
            if rank >= 0 && rank & InventoryEngine.manufacturerRank != 0 { continue }
            switch outcome.status {
            case .hybrid: plan.figure[i] = RefigurePlan.disclosure
            case .supplierSpecific: plan.figure[i] = RefigurePlan.footprint
            default: continue
            }
            plan.rank[i] = rank
            plan.product[i] = pack.product(i)
            plan.activity[i] = stored.value(i)
            let category = Int(pack.category(i))
            let ownScope3 = Int(pack.scope3(i))
            let scope3 = ownScope3 > 0 ? ownScope3 : Int(categoryScope3[category])
            // A line placed by a capitalisation threshold needs its amount, and a line of a product with a
            // manufacturer has its kg in the manufactured grouping too: such a line is evaluated again.
            guard scope3 > 0, manufacturer(product: Int(pack.product(i)), supplier: supplier) < 0 else { continue }
            let date = Int(pack.date(i))
            let group = RefigurePlan.Group(
                method: outcome.status.methodSlot,
                category: category,
                scope3: scope3,
                month: date >= 1900_01_00 ? (date / 10000 - 1900) * 12 + (date / 100 % 100) - 1 : -1,
                customer: Int(pack.customer(i)),
                fellThrough: outcome.fellThrough
            )
            if let last, last.group == group {
                plan.group[i] = last.number
                continue
            }
            let number = numbers.number(group)
            plan.group[i] = number
            last = (group, number)
        }
        plan.groups = numbers.groups
        return plan
    }

    /// Adds to `delta` the change in kg of the lines of `plan`'s pack that `change` gives new figures:
    /// their stored activity times the new figure, minus the same times the old one, each rounded to
    /// nano-kg as a full calculation rounds it. Their stored results stay valid as they are. Returns how
    /// many lines it refigured, or nil when a line names a figure `change` does not have, or a changed
    /// line needs evaluating (then the pack is computed again instead).
    func refigure(_ plan: RefigurePlan, supplier: Int, change: FigureChange, into delta: inout NanoKgDelta) -> Int? {
        var sums = [Int128](repeating: 0, count: plan.groups.count)
        guard let count = Self.refigureLines(plan, change: change, into: &sums) else { return nil }
        // The whole pack could be refigured (`refigureLines` gave up on none of its lines): its groups go
        // straight into `delta`.
        var scope3Sums = [Int128](repeating: 0, count: 16 * 5)
        var fellThrough = [Int128](repeating: 0, count: 5)
        // The lines made for no customer by category and Scope 3 category (a pack has a few): `SupplierSums`' list.
        var categories = SupplierSums(currencies: 1)
        for (g, nano) in sums.enumerated() where nano != 0 {
            let group = plan.groups[g]
            let m = group.method
            delta.add(method: m, nanoKg: nano, category: group.category, scope3: group.scope3, month: group.month, customer: group.customer)
            if group.customer >= 0 {
                delta.addCustomerPoolSource(customer: group.customer, scope3: group.scope3, method: m, nanoKg: nano)
            } else {
                categories.addCategory(group.category, scope3: group.scope3, m, nano)
            }
            scope3Sums[(group.scope3 & 15) * 5 + m] += nano
            if group.fellThrough { fellThrough[m] += nano }
        }
        delta.addSupplier(supplier, scope3: scope3Sums, fellThrough: fellThrough)
        delta.addSupplierCategories(supplier, keys: categories.categoryKeys, nanoKg: categories.categoryNanoKg)
        return count
    }

    /// The per-line part of `refigure`: adds each changed line's nano-kg difference to its group's sum.
    /// Returns how many lines it refigured, or nil (as `refigure`). It reads the plan and the figures
    /// through unsafe buffers whose counts are checked first, and skips a line whose figure did not
    /// change before multiplying. (The same loop over the arrays, bounds checked, took 9.0 against
    /// 8.1 ms of CPU a run for 625,780 lines: hence the nested buffers.)
    static func refigureLines(_ plan: RefigurePlan, change: FigureChange, into sums: inout [Int128]) -> Int? {
        let lines = plan.figure.count
        guard plan.rank.count == lines, plan.product.count == lines, plan.activity.count == lines, plan.group.count == lines else {
            return nil
        }
        let empty: [Double] = []
        let disclosureOld = change.disclosures?.old ?? empty
        let disclosureNew = change.disclosures?.new ?? empty
        let bounds = FigureBounds(
            hasDisclosures: change.disclosures != nil,
            hasFootprints: !change.productSlot.isEmpty,
            disclosureCount: min(disclosureOld.count, disclosureNew.count),
            footprintCount: min(change.footprintOld.count, change.footprintNew.count)
        )
        return plan.figure.withUnsafeBufferPointer { figure in
            plan.rank.withUnsafeBufferPointer { rank in
                plan.product.withUnsafeBufferPointer { product in
                    plan.activity.withUnsafeBufferPointer { activity in
                        plan.group.withUnsafeBufferPointer { group in
                            disclosureOld.withUnsafeBufferPointer { disclosureOld in
                                disclosureNew.withUnsafeBufferPointer { disclosureNew in
                                    change.footprintOld.withUnsafeBufferPointer { footprintOld in
                                        change.footprintNew.withUnsafeBufferPointer { footprintNew in
                                            sums.withUnsafeMutableBufferPointer { sums in
                                                bounds.sum(
                                                    lines: .init(figure: figure, rank: rank, product: product, activity: activity, group: group),
                                                    disclosures: (disclosureOld, disclosureNew),
                                                    footprints: (footprintOld, footprintNew),
                                                    change: change,
                                                    into: sums
                                                )
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A plan's per-line columns, as unsafe buffers of one count.
    struct PlanLines {
        let figure: UnsafeBufferPointer<UInt8>
        let rank: UnsafeBufferPointer<Int32>
        let product: UnsafeBufferPointer<Int32>
        let activity: UnsafeBufferPointer<Double>
        let group: UnsafeBufferPointer<UInt32>
    }

    /// Which figures a change has, and how many: the bounds every line's rank is checked against.
    struct FigureBounds {
        let hasDisclosures: Bool
        let hasFootprints: Bool
        let disclosureCount: Int
        let footprintCount: Int

        /// The loop of `refigureLines`, its counters in locals (not captured by a closure, which would
        /// make every store through `sums` reload them).
        func sum(
            lines: PlanLines,
            disclosures: (old: UnsafeBufferPointer<Double>, new: UnsafeBufferPointer<Double>),
            footprints: (old: UnsafeBufferPointer<Double>, new: UnsafeBufferPointer<Double>),
            change: FigureChange,
            into sums: UnsafeMutableBufferPointer<Int128>
        ) -> Int? {
            var count = 0
            let productSlot = change.productSlot
            let footprintStart = change.footprintStart
            let footprintLength = change.footprintLength
            for i in 0..<lines.figure.count {
                let r = Int(lines.rank[i])
                let oldFigure: Double
                let newFigure: Double
                switch lines.figure[i] {
                case RefigurePlan.disclosure where hasDisclosures:
                    guard r >= 0 && r < disclosureCount else { return nil }
                    oldFigure = disclosures.old[r]
                    newFigure = disclosures.new[r]
                case RefigurePlan.footprint where hasFootprints:
                    let p = Int(lines.product[i])
                    let slot = p >= 0 && p < productSlot.count ? Int(productSlot[p]) : -1
                    guard slot >= 0 else { continue }
                    let at = footprintStart[slot] + r
                    guard r >= 0 && r < footprintLength[slot] && at < footprintCount else { return nil }
                    oldFigure = footprints.old[at]
                    newFigure = footprints.new[at]
                default:
                    continue
                }
                count += 1
                guard newFigure != oldFigure else { continue }
                let a = lines.activity[i]
                let nano = AggregateAccumulator.nanoKg(a * newFigure) - AggregateAccumulator.nanoKg(a * oldFigure)
                guard nano != 0 else { continue }
                let g = Int(lines.group[i])
                guard g != Int(RefigurePlan.needsEvaluation), g < sums.count else { return nil }
                sums[g] &+= nano
            }
            return count
        }
    }
}
