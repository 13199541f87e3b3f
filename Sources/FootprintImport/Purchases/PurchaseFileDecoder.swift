import FootprintCore

/// Reads a purchases file (FORMATS.md) block by block for the workspace and decodes it record by
/// record with `PurchaseRecordDecoder`, handing each valid record to a visitor; every problem of the
/// whole file is collected.
public struct PurchaseFileDecoder {
    private var decoder: PurchaseRecordDecoder?
    private let file: String

    public init(displayName: String) {
        file = displayName
    }

    /// Records seen so far (valid or not).
    public var records: Int { decoder?.records ?? 0 }

    /// Decodes the file at `path`, calling `visit` for each valid record in file order. Throws, after
    /// reading the whole file, an `InputError` with every problem found (the visitor has then seen the
    /// valid records only: the caller must discard what it did with them).
    /// `onBlock` sees every byte of the file once, in order (to hash it while reading).
    public mutating func decode(
        path: String,
        onBlock: (UnsafeRawBufferPointer) -> Void = { _ in },
        visit: (PurchaseRecord, inout PurchaseTerms) -> Void
    ) throws(InputError) {
        let reader = try RecordBlockReader(path: path, displayName: file, blockBytes: 8 << 20)
        guard var block = try reader.next(splitInto: 1) else {
            throw InputError(file: file, line: 1, message: PurchaseColumns.emptyFile)
        }
        let header = try PurchaseColumns.read(header: block.base, count: block.end, file: file)
        var position = header.position
        var line = header.line
        var decoder = PurchaseRecordDecoder(columns: header.columns)
        defer { self.decoder = decoder }
        while true {
            onBlock(UnsafeRawBufferPointer(start: block.base, count: block.end))
            var scanner = CSVRecordScanner(
                base: block.base,
                count: block.end,
                position: position,
                firstLine: line,
                expectedFields: header.columns.count
            )
            loop: while true {
                switch decoder.next(&scanner, block.base) {
                case .end: break loop
                case .invalid: continue
                case .record: decoder.visitRecord(visit)
                }
            }
            line = scanner.line
            guard let next = try reader.next(splitInto: 1) else { break }
            block = next
            position = 0
        }
        try decoder.finish(file: file)
    }

    /// Decodes the rows of a converted ERP export, calling `visit` for each valid record in order;
    /// throws as `decode(path:)` does.
    public mutating func decode(_ ledger: ConvertedLedger, visit: (PurchaseRecord, inout PurchaseTerms) -> Void) throws(InputError) {
        var decoder = PurchaseRecordDecoder(columns: ConvertedLedger.columns)
        defer { self.decoder = decoder }
        ledger.forEachRecord { base, fields in
            if decoder.decodeRecord(base, fields) { decoder.visitRecord(visit) }
        }
        try decoder.finish(file: file)
    }
}

extension PurchaseRecordDecoder {
    /// Hands the last valid record and the terms to a visitor.
    fileprivate mutating func visitRecord(_ visit: (PurchaseRecord, inout PurchaseTerms) -> Void) {
        let record = self.record
        withTerms { visit(record, &$0) }
    }

    /// Throws every problem found, if any.
    fileprivate func finish(file: String) throws(InputError) {
        guard errorCount == 0 else {
            throw InputError(
                problems.map { Diagnostic(file: file, line: $0.line, column: $0.column, message: $0.message) },
                omitted: errorCount - problems.count
            )
        }
    }
}
