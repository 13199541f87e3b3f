import FootprintCore

/// The rows of a service_usage.csv import as they were read and checked when it was imported, kept
/// beside the file (table `import_snapshot`) so that an allocation, a statement or a publication
/// reads them without parsing the CSV again (a 1.2-million-row file takes seconds to parse, its
/// snapshot a few tens of milliseconds to read). The CSV stays the record; the snapshot is derived
/// from it in the same transaction and is read only while the import is in force.
///
/// Layout (little-endian): the magic `FPU1`, the file name, the distinct texts (customers, services,
/// currencies) as a table, then per row: customer, service (text numbers), year (UInt16), month
/// (UInt8), flags (bit 0 revenue, bit 1 currency), the quantity's bits (UInt64) and text, the
/// revenue's bits and text when given, the currency's text number when given, the line (UInt32).
/// Texts are a UInt32 length and UTF-8 bytes.
enum ServiceUsageSnapshot {
    /// The `format` stored with a snapshot; another number is not read (the CSV is parsed instead).
    static let format = 1
    static let magic: [UInt8] = Array("FPU1".utf8)

    static func encode(_ rows: [ServiceUsage], file: String) -> [UInt8] {
        var out = magic
        out.reserveCapacity(64 + rows.count * 40)
        var numbers: [String: UInt32] = [:]
        var texts: [String] = []
        func number(_ text: String) -> UInt32 {
            if let n = numbers[text] { return n }
            let n = UInt32(texts.count)
            numbers[text] = n
            texts.append(text)
            return n
        }
        var body: [UInt8] = []
        body.reserveCapacity(rows.count * 36)
        for row in rows {
            put(number(row.customer), &body)
            put(number(row.service), &body)
            put(UInt16(clamping: row.year), &body)
            body.append(UInt8(clamping: row.month))
            var flags: UInt8 = 0
            if row.revenue != nil { flags |= 1 }
            if row.currency != nil { flags |= 2 }
            body.append(flags)
            put(row.quantity.bitPattern, &body)
            put(row.quantityText, &body)
            if let revenue = row.revenue {
                put(revenue.bitPattern, &body)
                put(row.revenueText ?? "", &body)
            }
            if let currency = row.currency { put(number(currency), &body) }
            put(UInt32(clamping: row.location?.line ?? 0), &body)
        }
        put(file, &out)
        put(UInt32(texts.count), &out)
        for text in texts { put(text, &out) }
        put(UInt32(rows.count), &out)
        out += body
        return out
    }

    /// The rows of a snapshot; nil when the bytes are not a whole snapshot of this format.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [ServiceUsage]? {
        var reader = Reader(bytes: bytes)
        guard reader.bytes(4) == magic, let file = reader.text(), let textCount = reader.uint32() else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(Int(textCount))
        for _ in 0..<textCount {
            guard let text = reader.text() else { return nil }
            texts.append(text)
        }
        guard let count = reader.uint32() else { return nil }
        var rows: [ServiceUsage] = []
        rows.reserveCapacity(Int(count))
        func text(_ n: UInt32?) -> String? { n.flatMap { Int($0) < texts.count ? texts[Int($0)] : nil } }
        for _ in 0..<count {
            guard let customer = text(reader.uint32()), let service = text(reader.uint32()), let year = reader.uint16(),
                let month = reader.uint8(), let flags = reader.uint8(), let quantity = reader.uint64(), let quantityText = reader.text()
            else { return nil }
            var revenue: (Double, String)?
            if flags & 1 != 0 {
                guard let bits = reader.uint64(), let text = reader.text() else { return nil }
                revenue = (Double(bitPattern: bits), text)
            }
            var currency: String?
            if flags & 2 != 0 {
                guard let code = text(reader.uint32()) else { return nil }
                currency = code
            }
            guard let line = reader.uint32() else { return nil }
            rows.append(
                ServiceUsage(
                    customer: customer,
                    service: service,
                    year: Int(year),
                    month: Int(month),
                    quantity: Double(bitPattern: quantity),
                    quantityText: quantityText,
                    revenue: revenue?.0,
                    revenueText: revenue?.1,
                    currency: currency,
                    location: SourceLocation(file: file, line: Int(line))
                )
            )
        }
        return reader.atEnd ? rows : nil
    }

    private static func put<T: FixedWidthInteger>(_ value: T, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func put(_ text: String, _ out: inout [UInt8]) {
        put(UInt32(text.utf8.count), &out)
        out.append(contentsOf: text.utf8)
    }

    /// Reads a snapshot front to back; every read is nil past the end.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at = 0

        var atEnd: Bool { at == bytes.count }

        mutating func bytes(_ n: Int) -> [UInt8]? {
            guard n >= 0, at + n <= bytes.count else { return nil }
            defer { at += n }
            return Array(bytes[at..<at + n])
        }

        mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
            let size = MemoryLayout<T>.size
            guard at + size <= bytes.count else { return nil }
            defer { at += size }
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: T.self))
        }

        mutating func uint8() -> UInt8? { integer(UInt8.self) }
        mutating func uint16() -> UInt16? { integer(UInt16.self) }
        mutating func uint32() -> UInt32? { integer(UInt32.self) }
        mutating func uint64() -> UInt64? { integer(UInt64.self) }

        mutating func text() -> String? {
            guard let length = uint32().map(Int.init), at + length <= bytes.count else { return nil }
            defer { at += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<at + length]), as: UTF8.self)
        }
    }
}
