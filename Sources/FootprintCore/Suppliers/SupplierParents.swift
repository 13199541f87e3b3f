/// Parent companies in the register: each supplier may name another supplier of the register as its
/// parent. A subsidiary without an SBTi status of its own inherits its nearest ancestor's: SBTi counts
/// a parent's company-wide target for its subsidiaries when the target covers them, and Footprint
/// takes it as covering them, marked inherited, so that a user can override it by recording the
/// subsidiary's own status (docs/suppliers.md).
public struct SupplierParents: Sendable {
    /// Supplier id -> its parent's id, as the register gives it.
    public let parentOf: [String: String]

    public init(_ register: [SupplierRecord]) {
        var parents: [String: String] = [:]
        for r in register { if let p = r.parent, !p.isEmpty { parents[r.id] = p } }
        parentOf = parents
    }

    /// The ancestors of `id`, nearest first; stops before a supplier already seen (a cycle).
    public func ancestors(of id: String) -> [String] {
        var seen: Set<String> = [id]
        var chain: [String] = []
        var current = id
        while let p = parentOf[current], seen.insert(p).inserted {
            chain.append(p)
            current = p
        }
        return chain
    }

    /// What is wrong with the parents of a register: a parent that is not a supplier of the register,
    /// a supplier that is its own parent, and each cycle, naming its suppliers in order; each with the
    /// supplier whose parent is to be changed.
    public func problems(known: Set<String>) -> [(supplier: String, message: String)] {
        var problems: [(supplier: String, message: String)] = []
        for (child, parent) in parentOf.sorted(by: { $0.key < $1.key }) {
            if child == parent {
                problems.append((child, "supplier '\(child)' names itself as its parent"))
            } else if !known.contains(parent) {
                problems.append(
                    (child, "the parent '\(parent)' of supplier '\(child)' is not a supplier of the register; add it first or leave the parent empty")
                )
            }
        }
        var reported: Set<String> = []
        for start in parentOf.keys.sorted() where !reported.contains(start) {
            var path = [start]
            var index = [start: 0]
            var current = start
            while let p = parentOf[current], p != current {
                if let at = index[p] {
                    let cycle = Array(path[at...])
                    if !cycle.contains(where: reported.contains) {
                        reported.formUnion(cycle)
                        problems.append(
                            (
                                cycle[0],
                                "the parents form a cycle: " + (cycle + [cycle[0]]).joined(separator: " -> ")
                                    + "; a supplier cannot be its own ancestor: clear one of these parents"
                            )
                        )
                    }
                    break
                }
                index[p] = path.count
                path.append(p)
                current = p
            }
        }
        return problems
    }

    /// `latest` (per supplier, its newest fact of each kind) with, for each supplier that has no SBTi
    /// fact of its own, its nearest ancestor's SBTi fact, marked `inheritedFrom` that ancestor. A
    /// subsidiary's own fact always wins, whatever it says. Cycles are walked once (never forever).
    public func inheritingSBTi(
        _ latest: [String: [SupplierStatusKind: SupplierStatusFact]],
        suppliers: some Sequence<String>
    ) -> [String: [SupplierStatusKind: SupplierStatusFact]] {
        var out = latest
        for id in suppliers where latest[id]?[.sbti] == nil && parentOf[id] != nil {
            for ancestor in ancestors(of: id) {
                guard var fact = latest[ancestor]?[.sbti] else { continue }
                fact.inheritedFrom = fact.inheritedFrom ?? ancestor
                fact.supplier = id
                out[id, default: [:]][.sbti] = fact
                break
            }
        }
        return out
    }
}
