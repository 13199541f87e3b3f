/// Interns byte strings into dense indices 0, 1, 2, ... without allocating a `String` per lookup.
///
/// Used on the hot path to turn supplier, category, currency and unit fields into array indices.
/// Memory grows with the number of distinct keys, never with the number of lookups.
/// A value type with copy-on-write arrays; give each thread its own.
public struct ByteInterner: Sendable, Equatable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var offsets: [Int32] = []
    private var lengths: [Int32] = []
    private var arena: [UInt8] = []
    private var mask: Int
    // Keys of up to 7 bytes, packed with their length into one word (a probe compares no bytes), and
    // beside them the index of each: the keys alone are probed, in a table half as large as one of
    // key and index together (fewer cache misses on the stateless path's lookups).
    @usableFromInline var packedKeys: [UInt64]
    @usableFromInline var packedIndex: [Int32]
    @usableFromInline var packedMask: Int

    /// The number of distinct keys interned.
    public var count: Int { offsets.count }

    /// The same keys with the same indices (the lookup tables follow from them).
    public static func == (a: ByteInterner, b: ByteInterner) -> Bool {
        a.offsets == b.offsets && a.lengths == b.lengths && a.arena == b.arena
    }

    public init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        packedKeys = Array(repeating: 0, count: size)
        packedIndex = Array(repeating: -1, count: size)
        packedMask = size - 1
    }

    /// A key of 1...7 bytes packed with its length, never 0.
    @inline(__always)
    static func pack(_ base: UnsafeRawPointer, _ length: Int) -> UInt64 {
        var word = UInt64(length) << 56
        var i = 0
        while i < length {
            word |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << UInt64(8 * i)
            i += 1
        }
        return word
    }

    /// The index of the key, inserting it if it is new.
    @inline(__always)
    public mutating func intern(_ base: UnsafeRawPointer, _ length: Int) -> Int {
        if length > 0 && length < 8 { return internPacked(Self.pack(base, length), base, length) }
        return internWithHash(base, length, byteHash(base, length))
    }

    /// As `intern(_:_:)`, for a key in a buffer with at least 8 bytes readable from `base`
    /// (`readable`, counting the key): a short key is then packed with one load instead of a
    /// loop over its bytes (the bytes after the key are masked off).
    ///
    /// Inlined into the caller up to the first probe of a short key, which is where a known key is
    /// found on most lines; a collision, a new key or a long key is one call.
    @inlinable @inline(__always)
    public mutating func intern(_ base: UnsafeRawPointer, _ length: Int, readable: Int) -> Int {
        guard length > 0 && length < 8 && readable >= 8 else { return intern(base, length) }
        let word = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        let key = word & ((1 << UInt64(8 * length)) &- 1) | UInt64(length) << 56
        // The mask keeps the slot inside the table: read without a bounds check.
        let slot = Self.packedHome(key) & packedMask
        if packedKeys.withUnsafeBufferPointer({ $0[slot] }) == key {
            return Int(packedIndex.withUnsafeBufferPointer { $0[slot] })
        }
        return internPacked(key, base, length)
    }

    /// The slot where a packed key's probe starts, before the table's mask.
    @inlinable @inline(__always)
    static func packedHome(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) }

    /// The index of a key of 1...7 bytes, given packed (`pack`).
    @usableFromInline @inline(never)
    mutating func internPacked(_ key: UInt64, _ base: UnsafeRawPointer, _ length: Int) -> Int {
        var slot = Self.packedHome(key) & packedMask
        while true {
            let current = packedKeys[slot]
            if current == key { return Int(packedIndex[slot]) }
            if current == 0 { break }
            slot = (slot + 1) & packedMask
        }
        let index = internWithHash(base, length, byteHash(base, length))
        packedKeys[slot] = key
        packedIndex[slot] = Int32(index)
        if index * 2 >= packedKeys.count { growPacked() }
        return index
    }

    private mutating func growPacked() {
        let oldKeys = packedKeys
        let oldIndex = packedIndex
        let size = packedKeys.count * 2
        packedKeys = Array(repeating: 0, count: size)
        packedIndex = Array(repeating: -1, count: size)
        packedMask = size - 1
        for (i, key) in oldKeys.enumerated() where key != 0 {
            var slot = Self.packedHome(key) & packedMask
            while packedKeys[slot] != 0 { slot = (slot + 1) & packedMask }
            packedKeys[slot] = key
            packedIndex[slot] = oldIndex[i]
        }
    }

    /// The index of `text`, inserting it if it is new.
    public mutating func intern(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { intern(UnsafeRawPointer($0.baseAddress ?? UnsafePointer(bitPattern: 1)!), $0.count) }
    }

    /// The index of the key, or `nil` if it was never interned.
    public func find(_ base: UnsafeRawPointer, _ length: Int) -> Int? {
        let hash = byteHash(base, length)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash && equals(entry, base, length) { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// The index of `text`, or `nil`.
    public func find(_ text: String) -> Int? {
        var copy = text
        return copy.withUTF8 { find(UnsafeRawPointer($0.baseAddress ?? UnsafePointer(bitPattern: 1)!), $0.count) }
    }

    /// The key at `index`, decoded as UTF-8.
    public func string(at index: Int) -> String {
        let start = Int(offsets[index])
        return String(decoding: arena[start..<start + Int(lengths[index])], as: UTF8.self)
    }

    /// Every key, in index order.
    public var strings: [String] { (0..<count).map(string(at:)) }

    @usableFromInline
    mutating func internWithHash(_ base: UnsafeRawPointer, _ length: Int, _ hash: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash && equals(entry, base, length) { return entry }
            slot = (slot + 1) & mask
        }
        let index = offsets.count
        offsets.append(Int32(arena.count))
        lengths.append(Int32(length))
        hashes.append(hash)
        arena.append(contentsOf: UnsafeRawBufferPointer(start: base, count: length))
        slots[slot] = Int32(index)
        if offsets.count * 2 > slots.count { grow() }
        return index
    }

    @usableFromInline
    func equals(_ entry: Int, _ base: UnsafeRawPointer, _ length: Int) -> Bool {
        guard Int(lengths[entry]) == length else { return false }
        let start = Int(offsets[entry])
        return arena.withUnsafeBytes { stored in
            length == 0 || memcmpBytes(stored.baseAddress! + start, base, length)
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for entry in 0..<offsets.count {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }
}

@usableFromInline @inline(__always)
func memcmpBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
    var i = 0
    while i + 8 <= n {
        if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
            return false
        }
        i += 8
    }
    while i < n {
        if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
        i += 1
    }
    return true
}
