import Testing

@testable import FootprintCore

@Suite("FlatKeyTable")
struct FlatKeyTableTests {
    @Test func emptyTableFindsNothing() {
        let table = FlatKeyTable([:])
        #expect(table.count == 0)
        #expect(table[0] == nil)
        #expect(table[42] == nil)
    }

    /// Keys as the engine makes them (supplier << 32 | product) and random ones, with the values of a
    /// dictionary: every key found with its value, keys not stored not found.
    @Test(arguments: [1, 7, 1_000, 50_000])
    func sameAnswersAsADictionary(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        var pairs: [UInt64: UInt64] = [:]
        for i in 0..<count {
            let key = i % 2 == 0 ? UInt64(i / 7) << 32 | UInt64(i % 7) : UInt64.random(in: 0..<UInt64.max, using: &rng)
            pairs[key] = UInt64.random(in: 0...UInt64.max, using: &rng)
        }
        let table = FlatKeyTable(pairs)
        #expect(table.count == pairs.count)
        var wrong = 0
        for (key, value) in pairs where table[key] != value { wrong += 1 }
        #expect(wrong == 0)
        var found = 0
        for _ in 0..<10_000 {
            let key = UInt64.random(in: 0..<UInt64.max, using: &rng)
            if table[key] != pairs[key] { found += 1 }
        }
        #expect(found == 0)
    }

    /// Keys whose home slots are the same: each is found past the others.
    @Test func keysThatCollide() {
        // In a table of 16 slots a key's home is the top 4 bits of key * (2^64 / golden ratio):
        // search a few keys with the same home.
        let shift: UInt64 = 60
        var colliding: [UInt64] = []
        var candidate: UInt64 = 0
        while colliding.count < 6 {
            if FlatKeyTable.home(candidate, shift) == 3 { colliding.append(candidate) }
            candidate += 1
        }
        let table = FlatKeyTable(Dictionary(uniqueKeysWithValues: colliding.enumerated().map { ($1, UInt64($0)) }))
        for (i, key) in colliding.enumerated() { #expect(table[key] == UInt64(i)) }
        #expect(table[candidate] == nil)
    }
}
