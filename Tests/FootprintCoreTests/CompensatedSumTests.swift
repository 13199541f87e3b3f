import FootprintCore
import Testing

@Suite("CompensatedSum")
struct CompensatedSumTests {
    @Test func recoversWhatNaiveSummationLoses() {
        var s = CompensatedSum()
        for v in [1.0, 1e100, 1.0, -1e100] { s.add(v) }
        #expect(s.value == 2)
        var t = CompensatedSum()
        for v in [1e16, 1.0, -1e16] { t.add(v) }
        #expect(t.value == 1)
    }

    @Test func tenthsAddUpToOne() {
        var s = CompensatedSum()
        for _ in 0..<10 { s.add(0.1) }
        #expect(s.value == 1)
        var naive = 0.0
        for _ in 0..<10 { naive += 0.1 }
        #expect(naive != 1)  // the point of the exercise
    }

    @Test func orderHardlyMatters() {
        var rng = SplitMix64(seed: 42)
        let values = (0..<10_000).map { _ in Double.random(in: -1e6...1e6, using: &rng) * pow10(Int.random(in: -8...8, using: &rng)) }
        var forward = CompensatedSum()
        var backward = CompensatedSum()
        for v in values { forward.add(v) }
        for v in values.reversed() { backward.add(v) }
        #expect(close(forward.value, backward.value, rel: 1e-14))
    }

    @Test func mergingSumsEqualsOneSum() {
        var rng = SplitMix64(seed: 7)
        let values = (0..<5_000).map { _ in Double.random(in: -1000...1000, using: &rng) }
        var whole = CompensatedSum()
        var left = CompensatedSum()
        var right = CompensatedSum()
        for (i, v) in values.enumerated() {
            whole.add(v)
            if i % 3 == 0 { left.add(v) } else { right.add(v) }
        }
        left.add(right)
        #expect(close(left.value, whole.value, rel: 1e-14))
        #expect(CompensatedSum(2.5).value == 2.5)
    }

    func pow10(_ e: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(e) { p *= 10 }
        return e < 0 ? 1 / p : p
    }
}
