import Testing

@testable import FootprintStore

/// A pack's refigure groups are numbered in the order first seen, the same number each time a group
/// comes again, whatever its fields (those too large to pack go through a dictionary).
@Suite struct RefigureGroupNumbersTests {
    typealias Group = PackEvaluator.RefigurePlan.Group

    @Test func groupsAreNumberedInTheOrderFirstSeenAndAgainTheSame() {
        var numbers = RefigureGroupNumbers()
        var expected: [Group] = []
        var seen: [Group: UInt32] = [:]
        // Groups that differ in one field each, large term ids past what packs into 64 bits, and
        // enough of them for the table to grow several times; each asked for three times.
        for round in 0..<3 {
            for i in 0..<5_000 {
                let group = Group(
                    method: i % 5,
                    category: i % 7 == 0 ? (1 << 23) + i : i * 31 % 4_099,
                    scope3: i % 16,
                    month: i % 3 == 0 ? -1 : 1_400 + i % 300,
                    customer: i % 11 == 0 ? (1 << 21) + i : i % 4 - 1,
                    fellThrough: i % 2 == 0
                )
                let number = numbers.number(group)
                if let known = seen[group] {
                    #expect(number == known, "round \(round), group \(i)")
                } else {
                    #expect(round == 0 && number == UInt32(expected.count))
                    seen[group] = number
                    expected.append(group)
                }
            }
        }
        #expect(numbers.groups == expected)
        #expect(expected.count > 1_000)
    }

    @Test func packedKeysAreDistinctForEveryField() {
        let base = Group(method: 2, category: 100, scope3: 1, month: 1_450, customer: 7, fellThrough: false)
        var variants = [base]
        variants.append(Group(method: 3, category: 100, scope3: 1, month: 1_450, customer: 7, fellThrough: false))
        variants.append(Group(method: 2, category: 101, scope3: 1, month: 1_450, customer: 7, fellThrough: false))
        variants.append(Group(method: 2, category: 100, scope3: 2, month: 1_450, customer: 7, fellThrough: false))
        variants.append(Group(method: 2, category: 100, scope3: 1, month: 1_451, customer: 7, fellThrough: false))
        variants.append(Group(method: 2, category: 100, scope3: 1, month: 1_450, customer: -1, fellThrough: false))
        variants.append(Group(method: 2, category: 100, scope3: 1, month: -1, customer: 7, fellThrough: false))
        variants.append(Group(method: 2, category: 100, scope3: 1, month: 1_450, customer: 7, fellThrough: true))
        let keys = variants.compactMap(RefigureGroupNumbers.packed)
        #expect(keys.count == variants.count && Set(keys).count == keys.count && !keys.contains(0))
        #expect(RefigureGroupNumbers.packed(Group(method: 0, category: 1 << 23, scope3: 1, month: 0, customer: 0, fellThrough: false)) == nil)
        #expect(RefigureGroupNumbers.packed(Group(method: 0, category: 1, scope3: 1, month: 0, customer: 1 << 20, fellThrough: false)) == nil)
    }
}
