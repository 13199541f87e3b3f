import Testing

@testable import FootprintCore

/// `AggregateAccumulator.whole` rounds as `rounded()` does (halves away from zero) without calling libm:
/// every figure of every run goes through it, so it must agree on every double, halves and edges included.
@Suite struct NanoKgRoundingTests {
    func expected(_ x: Double) -> Int128 { Int128(x.rounded()) }

    @Test func halvesGoAwayFromZero() {
        for n in stride(from: -2_000.0, through: 2_000.0, by: 1) {
            for x in [n + 0.5, n - 0.5, (n + 0.5).nextUp, (n + 0.5).nextDown, (n - 0.5).nextUp, (n - 0.5).nextDown, n, n.nextUp, n.nextDown] {
                #expect(AggregateAccumulator.whole(x) == expected(x), "\(x)")
            }
        }
        #expect(AggregateAccumulator.whole(0.49999999999999994) == 0)
        #expect(AggregateAccumulator.whole(-0.49999999999999994) == 0)
        #expect(AggregateAccumulator.whole(2.5) == 3)
        #expect(AggregateAccumulator.whole(-2.5) == -3)
        #expect(AggregateAccumulator.whole(-0.0) == 0)
    }

    @Test func edgesOfTheFastPath() {
        let edges: [Double] = [
            4_503_599_627_370_495.5, 4_503_599_627_370_496, 9_007_199_254_740_991, 9_007_199_254_740_992,
            9_007_199_254_740_994, 9.199_999_999_999_999e18, 9.2e18, 9.3e18, 1e30, 1.7e38,
        ]
        for edge in edges {
            for x in [edge, edge.nextUp, edge.nextDown, -edge, -edge.nextUp, -edge.nextDown] {
                #expect(AggregateAccumulator.whole(x) == expected(x), "\(x)")
            }
        }
    }

    @Test func randomFiguresAgree() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200_000 {
            let magnitude = Double.random(in: -12...19, using: &generator)
            let x = (Bool.random(using: &generator) ? 1 : -1) * Double.random(in: 1..<10, using: &generator) * pow10(magnitude)
            #expect(AggregateAccumulator.whole(x) == expected(x), "\(x)")
            let kg = x / 1e9
            #expect(AggregateAccumulator.nanoKg(kg) == expected(kg * 1e9), "\(kg)")
        }
    }

    func pow10(_ e: Double) -> Double {
        var p = 1.0
        let n = Int(e.rounded(.down))
        if n >= 0 { for _ in 0..<n { p *= 10 } } else { for _ in 0..<(-n) { p /= 10 } }
        return p
    }
}
