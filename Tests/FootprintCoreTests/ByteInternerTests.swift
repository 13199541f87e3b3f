import FootprintCore
import Testing

@Suite("ByteInterner")
struct ByteInternerTests {
    @Test func internFindAndStrings() {
        var interner = ByteInterner()
        #expect(interner.intern("NOK") == 0)
        #expect(interner.intern("S1") == 1)
        #expect(interner.intern("NOK") == 0)
        #expect(interner.intern("a supplier with a long name") == 2)
        #expect(interner.intern("a supplier with a long name") == 2)
        #expect(interner.count == 3)
        #expect(interner.find("S1") == 1)
        #expect(interner.find("S2") == nil)
        #expect(interner.find("a supplier with a long nam") == nil)
        #expect(interner.strings == ["NOK", "S1", "a supplier with a long name"])
        #expect(interner.string(at: 2) == "a supplier with a long name")
    }

    @Test func keysOfEveryLengthAroundThePackedLimit() {
        var interner = ByteInterner()
        // "a", "ab", ... up to 12 bytes: 1...7 are packed, 8 and longer are not.
        let keys = (1...12).map { String("abcdefghijkl".prefix($0)) } + ["", "a\u{0}", "\u{0}", "ø", "ørsted as"]
        for (i, key) in keys.enumerated() { #expect(interner.intern(key) == i, "\(key)") }
        for (i, key) in keys.enumerated() {
            #expect(interner.intern(key) == i, "\(key)")
            #expect(interner.find(key) == i, "\(key)")
        }
        #expect(interner.strings == keys)
        #expect(interner.find("abcdefgX") == nil)
        #expect(interner.find("abcdeX") == nil)
    }

    @Test func internThroughRawBytes() {
        var interner = ByteInterner()
        let bytes: [UInt8] = Array("S1,S2".utf8)
        bytes.withUnsafeBytes { raw in
            #expect(interner.intern(raw.baseAddress!, 2) == 0)
            #expect(interner.intern(raw.baseAddress! + 3, 2) == 1)
            #expect(interner.find(raw.baseAddress!, 2) == 0)
        }
        #expect(interner.strings == ["S1", "S2"])
    }

    @Test(arguments: [1, 64, 4096])
    func manyKeysForceGrowth(capacity: Int) {
        var interner = ByteInterner(capacity: capacity)
        var rng = SplitMix64(seed: UInt64(capacity))
        // Short keys (packed) and long keys interleaved, in a random order of lengths.
        let keys = (0..<20_000).map { i -> String in
            let length = Int.random(in: 1...14, using: &rng)
            let base = String(i, radix: 36)
            return base.count >= length ? base : base + String(repeating: "-", count: length - base.count)
        }
        for (i, key) in keys.enumerated() { #expect(interner.intern(key) == i) }
        #expect(interner.count == keys.count)
        var mismatches = 0
        for (i, key) in keys.enumerated() where interner.find(key) != i || interner.intern(key) != i { mismatches += 1 }
        #expect(mismatches == 0)
        #expect(interner.strings == keys)
        #expect(interner.find("not a key") == nil)
    }

    /// The path of the ledger's fields: keys read from a buffer with 8 bytes readable, found by the
    /// first probe inlined in the caller or, past a collision, by the rest; the same indices as `intern(_:_:)`.
    @Test(arguments: [1, 4096])
    func keysReadFromABufferMatchTheOtherPath(capacity: Int) {
        var rng = SplitMix64(seed: 7 + UInt64(capacity))
        let keys = (0..<5_000).map { i -> String in
            let length = Int.random(in: 1...12, using: &rng)
            let base = String(i, radix: 36)
            return base.count >= length ? base : base + String(repeating: ".", count: length - base.count)
        }
        let buffer = Array(keys.joined(separator: ",").utf8) + Array(repeating: UInt8(0), count: 8)
        var fromBuffer = ByteInterner(capacity: capacity)
        var fromText = ByteInterner(capacity: capacity)
        var mismatches = 0
        buffer.withUnsafeBytes { raw in
            // Twice in a random order of keys: new keys first, then known ones (hits and collisions).
            for round in 0..<2 {
                var offset = 0
                var offsets: [(Int, Int)] = []
                for key in keys {
                    offsets.append((offset, key.utf8.count))
                    offset += key.utf8.count + 1
                }
                if round == 1 { offsets.shuffle(using: &rng) }
                for (start, length) in offsets {
                    let index = fromBuffer.intern(raw.baseAddress! + start, length, readable: raw.count - start)
                    let text = String(decoding: raw[start..<start + length], as: UTF8.self)
                    if index != fromText.intern(text) { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0)
        #expect(fromBuffer.strings == fromText.strings)
        #expect(fromBuffer.count == keys.count)
    }

    @Test func copiesAreIndependent() {
        var a = ByteInterner()
        _ = a.intern("x")
        var b = a
        _ = b.intern("y")
        #expect(a.count == 1)
        #expect(a.find("y") == nil)
        #expect(b.find("y") == 1)
    }
}
