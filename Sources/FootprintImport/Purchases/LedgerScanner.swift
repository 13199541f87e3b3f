import Dispatch
public import FootprintCore
import Foundation

/// Computes the inventory of a purchases.csv as a stream: the file is read in blocks that
/// threads decode and evaluate in parallel, so memory stays bounded (the duplicate-id check keeps
/// its fingerprints in a temporary file) and the summary is the same for any number of threads.
///
/// Nothing is returned from a file with errors: every problem is reported instead
/// (up to a limit per block, with a count of the rest).
public struct LedgerScanner: Sendable {
    public struct Options: Sendable {
        /// Threads that decode and evaluate; defaults to the number of cores.
        public var threads: Int
        /// Bytes read per thread and block.
        public var blockBytesPerThread: Int

        public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, blockBytesPerThread: Int = 4 << 20) {
            self.threads = max(1, threads)
            self.blockBytesPerThread = blockBytesPerThread
        }
    }

    public let engine: InventoryEngine
    /// The period, category rules and Scope 3 defaults every line meets before the engine (docs/inventory.md).
    public let boundary: InventoryBoundary
    public let options: Options

    /// A scanner of `engine`'s ledgers; by default every date counts and the built-in category rules apply.
    public init(engine: InventoryEngine, boundary: InventoryBoundary = InventoryBoundary(), options: Options = Options()) {
        self.engine = engine
        self.boundary = boundary
        self.options = options
    }

    /// Scans the file. With `lines`, writes one CSV row per purchase line (with a header) to it,
    /// in file order; the caller discards that output if this throws.
    public func scan(
        path: String,
        displayName: String,
        lines: ((UnsafeRawBufferPointer) -> Void)? = nil
    )
        throws(InputError) -> InventorySummary
    {
        let threads = options.threads
        let reader = try RecordBlockReader(path: path, displayName: displayName, blockBytes: options.blockBytesPerThread * threads)
        guard var first = try reader.next(splitInto: threads) else {
            throw InputError(file: displayName, line: 1, message: PurchaseColumns.emptyFile)
        }
        var base = first.base
        let header = try PurchaseColumns.read(header: base, count: first.end, file: displayName)
        let columns = header.columns
        var start = header.position
        var nextLine = header.line

        // The invoices that credit notes name, before any line is computed (a file without the column: none).
        let invoices = try InvoiceIndex.read(path: path, displayName: displayName, columns: columns, engine: engine, boundary: boundary)
        let labels = lines == nil ? nil : ProvenanceLabels(engine: engine)
        let workers = UnsafeMutableBufferPointer<LedgerWorker>.allocate(capacity: threads)
        for t in 0..<threads {
            (workers.baseAddress! + t).initialize(
                to: LedgerWorker(
                    engine: engine,
                    columns: columns,
                    labels: labels,
                    boundary: boundary,
                    invoices: invoices
                )
            )
        }
        defer {
            _ = workers.deinitialize()
            workers.deallocate()
        }
        let sharedWorkers = UncheckedSendable(workers)
        var diagnostics: [Diagnostic] = []
        var errorCount = 0
        if let lines { LedgerWorker.linesHeader.utf8CString.withUnsafeBytes { lines(UnsafeRawBufferPointer(rebasing: $0.dropLast())) } }

        // While the threads work on one window, another thread maps the next one and finds its
        // record boundaries (the part of reading that is not parallel).
        let sharedReader = UncheckedSendable(reader)
        func prefetch() -> Background<RecordBlockReader.Block?, InputError> {
            Background(label: "footprint.ledger.prefetch") { () throws(InputError) in
                try sharedReader.value.next(splitInto: threads, keepPrevious: true)
            }
        }
        var next = prefetch()
        while true {
            // The block is split among the threads at record boundaries.
            var bounds = [start] + first.splits.dropLast().map { max($0, start) }
            bounds.append(first.end)
            var lineStarts = [nextLine]
            if lines != nil {
                for i in 1..<bounds.count { lineStarts.append(lineStarts[i - 1] + countNewlines(base, bounds[i - 1], bounds[i])) }
            }
            let shared = UncheckedSendable(base)
            let segmentBounds = bounds
            let offsets = lineStarts
            let withLines = lines != nil
            let quoteFree = first.quoteFree
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                sharedWorkers.value[t].scan(
                    shared.value,
                    segmentBounds[t],
                    segmentBounds[t + 1],
                    lineOffset: withLines ? offsets[t] - 1 : 0,
                    quoteFree: quoteFree
                )
            }
            // A block with quotes and errors may hold a stray quote, which misplaces the split points:
            // scan it again on one thread so that the report does not depend on the number of threads.
            var blockWorkers = Array(workers)
            if threads > 1 && !quoteFree && workers.contains(where: { $0.errorCount > 0 }) {
                var single = LedgerWorker(engine: engine, columns: columns, labels: nil, boundary: boundary, invoices: invoices)
                single.scan(base, start, first.end, lineOffset: 0, quoteFree: false)
                blockWorkers = [single]
            }
            // Diagnostics and output, in file order.
            for w in blockWorkers {
                for d in w.diagnostics {
                    diagnostics.append(Diagnostic(file: displayName, line: nextLine + d.line - 1, column: d.column, message: d.message))
                }
                errorCount += w.errorCount
                if let lines, errorCount == 0, !w.output.isEmpty { w.output.withUnsafeBytes { lines($0) } }
                nextLine += w.newlines
            }
            guard let block = try next.value() else { break }
            next = prefetch()
            first = block
            base = block.base
            start = 0
        }
        // Duplicate ids: repeated fingerprints, partitions spread over the threads.
        let sets = workers.map(\.fingerprints)
        let found = UncheckedSendable([[UInt64]](repeating: [], count: FingerprintPartitions.partitionCount))
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for p in stride(from: t, to: FingerprintPartitions.partitionCount, by: threads) {
                found.value[p] = FingerprintPartitions.repeated(in: sets, partition: p)
            }
        }
        let suspects = Set(found.value.joined())
        if !suspects.isEmpty {
            let duplicates = try DuplicateIDFinder.find(path: path, displayName: displayName, columns: columns, suspects: suspects)
            diagnostics += duplicates
            errorCount += duplicates.count
        }
        guard errorCount == 0 else { throw InputError(diagnostics, omitted: errorCount - diagnostics.count) }
        var summary = InventorySummary()
        summary.period = boundary.period
        for w in workers { summary.merge(w.summary()) }
        if let period = boundary.period, summary.lines == 0, summary.excludedTotal.lines == 0 {
            throw InputError(file: displayName, message: Self.emptyPeriod(period, outside: summary.outsidePeriod.lines, workers: workers))
        }
        return summary
    }

    /// What a period without lines is told: the period, and the dates the ledger has.
    static func emptyPeriod(_ period: ReportingPeriod, outside lines: Int, workers: UnsafeMutableBufferPointer<LedgerWorker>) -> String {
        let name = "the reporting period \(period.name) (\(period.startText) to \(period.endText))"
        guard lines > 0 else { return "no purchase line is dated in \(name): the file has no purchase lines" }
        let first = workers.map(\.outsideFirst).min()!
        let last = workers.map(\.outsideLast).max()!
        let firstPeriod = ReportingPeriod.containing(first, startMonth: period.startMonth)?.name ?? ReportingPeriod.text(first)
        let lastPeriod = ReportingPeriod.containing(last, startMonth: period.startMonth)?.name ?? ReportingPeriod.text(last)
        let periods = firstPeriod == lastPeriod ? firstPeriod : "\(firstPeriod) to \(lastPeriod)"
        return "no purchase line is dated in \(name): its \(lines) lines are dated \(ReportingPeriod.text(first)) to \(ReportingPeriod.text(last)); "
            + "choose a period that has lines (\(periods))"
    }
}

/// Counts line feeds in `base[start..<end]`.
func countNewlines(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var count = 0
    var p = start
    while p < end, let hit = memchr(base + p, 10, end - p) {
        count += 1
        p = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
    }
    return count
}
