import Crypto
import FootprintCore
import FootprintImport
import Foundation

/// Rows decoded by `PurchaseFileReader`, ready to be written: every number final (row ids and
/// term ids assigned), texts in one buffer.
struct RowBatch: Sendable {
    struct Row: Sendable {
        var row: Int64
        var line: Int32
        var sourceLine: Int32
        var date: Int32
        var supplier: Int64, category: Int64, currency: Int64, product: Int64, unit: Int64, customer: Int64, erpCategory: Int64
        var scope3: UInt8
        var idStart: Int32, idCount: Int32
        var amountStart: Int32, amountCount: Int32
        /// -1 when the line has no quantity.
        var quantityStart: Int32, quantityCount: Int32
        /// The invoice a credit note names; -1 when it names none.
        var invoiceStart: Int32 = -1, invoiceCount: Int32 = 0
    }

    var rows: [Row] = []
    var text: [UInt8] = []
    /// Terms first seen in this batch, with the ids they get.
    var newTerms: [(Int64, String)] = []
    /// Packs completed in this batch: supplier term, line count, encoded columns.
    var packs: [(supplier: Int64, count: Int, data: [UInt8])] = []

    static let capacity = 8192
}

/// What a purchases import reads: a canonical file, or the rows of a converted ERP export.
enum PurchaseSource: Sendable {
    case file(path: String)
    case converted(ConvertedLedger)
}

/// Reads a purchases file (or converted export) on its own thread for an import: hashes it, decodes
/// and validates every line (`PurchaseFileDecoder`), assigns row ids and term ids (the writer inserts
/// them as given), and builds the supplier packs, handing batches to the writing thread through a
/// bounded queue.
final class PurchaseFileReader: @unchecked Sendable {
    struct Result {
        var sha256 = ""
        var byteCount = 0
        var records = 0
        /// Purchase id hashes in file order: line k has row id `firstRow + k`.
        var fingerprints: [UInt64] = []
        var firstRow: Int64 = 0
        /// The first and last line date (YYYYMMDD); 0 when there is no line.
        var firstDate: Int32 = 0
        var lastDate: Int32 = 0
        var error: InputError?
    }

    private let source: PurchaseSource
    private let displayName: String
    private var terms: [String: Int64]
    private var nextTerm: Int64
    private var nextRow: Int64
    private let firstRow: Int64
    private let progress: ProgressReporter?
    private(set) var result = Result()

    init(
        source: PurchaseSource,
        displayName: String,
        terms: [String: Int64],
        nextTerm: Int64,
        firstRow: Int64,
        progress: ProgressReporter? = nil
    ) {
        self.progress = progress
        self.source = source
        self.displayName = displayName
        self.terms = terms
        self.nextTerm = nextTerm
        self.nextRow = firstRow
        self.firstRow = firstRow
    }

    /// Reads the whole file into `queue`, then closes it.
    func run(into queue: BlockingQueue<RowBatch>) {
        defer { queue.close() }
        var decoder = PurchaseFileDecoder(displayName: displayName)
        var hasher = SHA256()
        var byteCount = 0
        // Per field, the workspace's term id of each of the decoder's term numbers; `known`: their count.
        var local: [[Int64]] = Array(repeating: [], count: PurchaseTerms.Field.allCases.count)
        var known = 0
        var batch = RowBatch()
        batch.rows.reserveCapacity(RowBatch.capacity)
        var packs: [[PackLine]] = []
        var stopped = false
        var fingerprints: [UInt64] = []
        // Lines waiting in partial packs; past the budget every partial pack is written, so that memory
        // stays bounded whatever the number of suppliers and lines.
        var buffered = 0
        var firstDate: Int32 = 0
        var lastDate: Int32 = 0
        let bufferBudget = 1 << 20
        // Progress: the bytes handed to the decoder of the file's size (or the records of a converted
        // export), with the records read so far, once per batch (the reporter limits the rate).
        var recordsRead: Int64 = 0
        switch source {
        case .file(let path):
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).map { Int64($0) }
            progress?.begin("reading", total: size, unit: .bytes, upTo: 0.9)
        case .converted(let ledger):
            progress?.begin("reading", total: Int64(ledger.rowCount), unit: .records, upTo: 0.9)
        }
        let countsBytes: Bool = if case .file = source { true } else { false }
        // The decoder is handed 8 MB blocks: within one, the bytes read are estimated from the records
        // read in it at the earlier blocks' bytes per record.
        var blockStart = (bytes: 0, records: Int64(0))

        func send() {
            if countsBytes {
                var bytes = blockStart.bytes
                if blockStart.records > 0 {
                    bytes += Int(Double(recordsRead - blockStart.records) * Double(blockStart.bytes) / Double(blockStart.records))
                }
                progress?.advance(to: Int64(min(bytes, byteCount)), records: recordsRead)
            } else {
                progress?.advance(to: recordsRead)
            }
            guard !stopped else { return }
            if !queue.put(batch) { stopped = true }
            batch = RowBatch()
            batch.rows.reserveCapacity(RowBatch.capacity)
        }
        func appendText(_ bytes: UnsafeRawBufferPointer) -> (Int32, Int32) {
            let start = Int32(batch.text.count)
            batch.text.append(contentsOf: bytes)
            return (start, Int32(bytes.count))
        }

        func visit(_ record: PurchaseRecord, _ interner: inout PurchaseTerms) {
            guard !stopped else { return }
            recordsRead += 1
            if known < interner.count {
                for field in PurchaseTerms.Field.allCases {
                    let table = interner[field]
                    while local[field.rawValue].count < table.count {
                        let text = table.string(at: local[field.rawValue].count)
                        if let id = terms[text] {
                            local[field.rawValue].append(id)
                        } else {
                            local[field.rawValue].append(nextTerm)
                            terms[text] = nextTerm
                            batch.newTerms.append((nextTerm, text))
                            nextTerm += 1
                        }
                    }
                }
                known = interner.count
            }
            @inline(__always) func term(_ field: PurchaseTerms.Field, _ t: Int32) -> Int64 { t < 0 ? -1 : local[field.rawValue][Int(t)] }
            let row = nextRow
            nextRow += 1
            let id = appendText(record.id)
            let amount = appendText(record.amountText)
            let quantity = record.quantity != nil ? appendText(record.quantityText) : (Int32(-1), Int32(0))
            let supplier = term(.supplier, record.supplier)
            let invoice = record.invoice.isEmpty ? (Int32(-1), Int32(0)) : appendText(record.invoice)
            batch.rows.append(
                RowBatch.Row(
                    row: row,
                    line: Int32(truncatingIfNeeded: record.line),
                    sourceLine: Int32(truncatingIfNeeded: record.sourceLine),
                    date: record.date,
                    supplier: supplier,
                    category: term(.category, record.category),
                    currency: term(.currency, record.currency),
                    product: term(.product, record.product),
                    unit: term(.unit, record.unit),
                    customer: term(.customer, record.customer),
                    erpCategory: term(.erpCategory, record.erpCategory),
                    scope3: record.scope3,
                    idStart: id.0,
                    idCount: id.1,
                    amountStart: amount.0,
                    amountCount: amount.1,
                    quantityStart: quantity.0,
                    quantityCount: quantity.1,
                    invoiceStart: invoice.0,
                    invoiceCount: invoice.1
                )
            )
            fingerprints.append(record.idHash)
            if firstDate == 0 || record.date < firstDate { firstDate = record.date }
            if record.date > lastDate { lastDate = record.date }
            let s = Int(supplier)
            if s >= packs.count { packs += Array(repeating: [], count: s + 64 - packs.count) }
            packs[s].append(
                PackLine(
                    row: row,
                    date: record.date,
                    category: Int32(truncatingIfNeeded: term(.category, record.category)),
                    currency: Int32(truncatingIfNeeded: term(.currency, record.currency)),
                    product: Int32(truncatingIfNeeded: term(.product, record.product)),
                    unit: Int32(truncatingIfNeeded: term(.unit, record.unit)),
                    customer: Int32(truncatingIfNeeded: term(.customer, record.customer)),
                    amountDigits: record.amount.digits,
                    quantity: record.quantity?.value ?? .nan,
                    amountScale: UInt8(record.amount.scale),
                    scope3: record.scope3
                )
            )
            buffered += 1
            if packs[s].count == ImportStore.packLines {
                batch.packs.append((Int64(s), packs[s].count, PurchasePack(packs[s]).encoded()))
                buffered -= packs[s].count
                packs[s].removeAll(keepingCapacity: true)
            }
            if buffered >= bufferBudget {
                for (t, lines) in packs.enumerated() where !lines.isEmpty {
                    batch.packs.append((Int64(t), lines.count, PurchasePack(lines).encoded()))
                    packs[t] = []
                }
                buffered = 0
            }
            if batch.rows.count == RowBatch.capacity { send() }
        }
        do {
            switch source {
            case .file(let path):
                try decoder.decode(
                    path: path,
                    onBlock: { block in
                        blockStart = (byteCount, recordsRead)
                        hasher.update(bufferPointer: block)
                        byteCount += block.count
                    },
                    visit: visit
                )
            case .converted(let ledger):
                try decoder.decode(ledger, visit: visit)
            }
        } catch {
            result.error = error
        }
        // Every byte has been read (a file of one block has had no estimate until now).
        blockStart = (byteCount, recordsRead)
        for (s, lines) in packs.enumerated() where !lines.isEmpty {
            batch.packs.append((Int64(s), lines.count, PurchasePack(lines).encoded()))
        }
        send()
        result.sha256 = hexString(hasher.finalize())
        result.byteCount = byteCount
        result.records = decoder.records
        result.fingerprints = fingerprints
        result.firstRow = firstRow
        result.firstDate = firstDate
        result.lastDate = lastDate
    }
}
