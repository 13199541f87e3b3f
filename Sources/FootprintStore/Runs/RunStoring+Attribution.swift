public import FootprintCore
import FootprintImport

extension RunStoring {
    /// The change between two runs split into activity, method switch and figures, per supplier and
    /// in total (`ChangeAttribution`, whose type documents the order). Reads every line of both runs
    /// through `runLines`, so each run is verified as `runs lines` verifies it; holds the earlier
    /// run's lines (their keys and figures) until the later run's are matched. The parts sum to the
    /// change of the runs' stored inventories exactly, nano-kg for nano-kg, which is checked.
    public func changeAttribution(before: Int64, after: Int64) throws(WorkspaceError) -> ChangeAttribution {
        try changeAttribution(before: before, after: after, progress: nil)
    }

    /// `changeAttribution`, with the lines of both runs verified and read reported to `progress`
    /// (each run's share of it its share of the two runs' lines).
    public func changeAttribution(before: Int64, after: Int64, progress: ProgressPart?) throws(WorkspaceError) -> ChangeAttribution {
        var attribution = ChangeAttribution()
        var first: ProgressPart?
        var second: ProgressPart?
        if let progress {
            let counts = (Double(try run(id: before).lineCount), Double(try run(id: after).lineCount))
            let split = counts.0 + counts.1 > 0 ? counts.0 / (counts.0 + counts.1) : 0.5
            (first, second) = (progress.part(from: 0, to: split), progress.part(from: split, to: 1))
        }
        let earlier = try runLines(id: before, filter: RunLineFilter(), progress: first) { line in
            if let l = ChangeAttribution.Line(line) { attribution.addBefore(l) }
        }
        let later = try runLines(id: after, filter: RunLineFilter(), progress: second) { line in
            if let l = ChangeAttribution.Line(line) { attribution.addAfter(l) }
        }
        attribution.finish()
        let total = attribution.total
        let stored = (earlier.run.aggregate.total.totalNanoKg, later.run.aggregate.total.totalNanoKg)
        guard total.before == stored.0, total.after == stored.1, total.parts.total == total.delta else {
            throw .lineMismatch(
                "the lines of runs #\(before) and #\(after) sum to \(ChangeAttribution.exactKg(total.before)) and "
                    + "\(ChangeAttribution.exactKg(total.after)) kg, but the runs stored \(ChangeAttribution.exactKg(stored.0)) and "
                    + "\(ChangeAttribution.exactKg(stored.1)) kg"
            )
        }
        return attribution
    }
}

extension ChangeAttribution.Line {
    /// A run's line as the attribution reads it; nil for a line left out of the inventory. Its kg is
    /// rounded to the nano-kg as the run's inventory sums it.
    init?(_ l: RunLine) {
        guard l.provenance.exclusion == nil else { return nil }
        self.init(
            supplier: l.supplier,
            purchaseID: l.purchaseID,
            fields: [l.category, l.product ?? "", l.unit ?? "", l.currency, l.date].joined(separator: "\u{1F}"),
            amount: FieldParser.decimal(l.amount)?.value ?? .nan,
            quantity: l.quantity.flatMap { FieldParser.decimal($0)?.value },
            boundary: l.provenance.methodBoundary,
            nanoKg: l.method == nil ? 0 : AggregateAccumulator.nanoKg(l.kg)
        )
    }
}
