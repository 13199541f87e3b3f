import FootprintCore
import Testing

/// The return programme's outcomes account for every returned kilogram, whatever the shares: a row's
/// own, or a supplier's take-back answer's (reused, refurbished, recycled, residual).
@Suite("Downstream: take-back conserves mass")
struct DownstreamPropertyTests {
    @Test(arguments: [1, 7, 42, 2024] as [UInt64])
    func everyReturnedKilogramHasOneOutcome(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<200 {
            // Random percentages of a random subset of treatments, scaled to add up to 100.
            var raw: [Treatment: Double] = [:]
            for t in Treatment.allCases where Bool.random(using: &rng) { raw[t] = Double.random(in: 0.001...100, using: &rng) }
            if raw.isEmpty { raw[.recycling] = 1 }
            let sum = raw.values.reduce(0, +)
            let shares = TreatmentShares(raw.mapValues { $0 / sum })
            // A supplier's take-back answer: random percentages of a random subset, adding up to 100.
            var answered: [Double?] = (0..<4).map { _ in Bool.random(using: &rng) ? Double.random(in: 0.001...100, using: &rng) : nil }
            if answered.allSatisfy({ $0 == nil }) { answered[2] = 1 }
            let answeredSum = answered.reduce(0) { $0 + ($1 ?? 0) }
            answered = answered.map { $0.map { $0 / answeredSum * 100 } }
            let answer = SupplierTakeBackAnswer(
                origin: SupplierAnswerOrigin(supplier: "SUP-1", request: 1, event: 1, year: 2024, on: "2025-01-10"),
                reusedPercent: answered[0],
                refurbishedPercent: answered[1],
                recycledPercent: answered[2],
                residualPercent: answered[3]
            )
            let returns = (0..<Int.random(in: 1...6, using: &rng)).map { i in
                let fromAnswer = Bool.random(using: &rng)
                return ProductReturn(
                    location: FootprintCore.SourceLocation(file: "returns.csv", line: i + 2),
                    date: 20_240_101 + Int32(i),
                    productType: "t",
                    owner: Bool.random(using: &rng) ? .own : .sold,
                    kg: Double.random(in: 0.001...1_000_000, using: &rng),
                    shares: fromAnswer ? TreatmentShares([:]) : shares,
                    transportKm: Bool.random(using: &rng) ? Double.random(in: 0...2000, using: &rng) : nil,
                    programme: fromAnswer ? "SUP-1" : nil,
                    sharesFromAnswer: fromAnswer
                )
            }
            let data = DownstreamData(returns: returns, supplierAnswers: SupplierAnswers(takeBack: [answer]))
            let result = try DownstreamCalculator.calculate(data, period: ReportingPeriod(fiscalYear: 2024)!)
            let t = try #require(result.takeBack)
            let returned = returns.reduce(0) { $0 + $1.kg }
            let outcomes = Treatment.allCases.reduce(0) { $0 + t.total.kg($1) }
            #expect(abs(outcomes - returned) <= 1e-9 * returned, "seed \(seed)")
            #expect(Treatment.allCases.allSatisfy { t.total.kg($0) >= 0 })
            #expect(abs(t.total.divertedKg + t.total.disposedKg - returned) <= 1e-9 * returned)
            // Each return's lines carry its whole mass in tonnes, and the categories' sum is the lines' sum.
            for r in returns {
                let tonnes = result.lines.filter { $0.location == r.location && $0.part == .takeBack }.reduce(0) { $0 + $1.activity }
                #expect(abs(tonnes * 1000 - r.kg) <= 1e-9 * r.kg)
            }
            let lines = result.lines.reduce(0) { $0 + $1.kg }
            let categories = result.kgByCategory.values.reduce(0, +)
            #expect(abs(lines - categories) <= 1e-9 * max(1, lines))
        }
    }
}
