import FootprintCore
import Testing

/// `ChangeAttribution`: the order of the parts, the matching of lines, and parts that sum exactly.
@Suite struct ChangeAttributionTests {
    typealias Line = ChangeAttribution.Line
    static let kg: Int128 = 1_000_000_000

    static func line(
        _ id: String,
        supplier: String = "S",
        fields: String = "cat",
        amount: Double,
        quantity: Double? = nil,
        _ boundary: MethodBoundary?,
        kg: Int128
    ) -> Line {
        Line(supplier: supplier, purchaseID: id, fields: fields, amount: amount, quantity: quantity, boundary: boundary, nanoKg: kg)
    }

    @Test func quantityBasedLinesScaleByQuantityAndSpendBasedByAmount() {
        // Supplier-specific: the price rose, the quantity did not; a new footprint value: all figures.
        let footprint = ChangeAttribution.split(
            before: Self.line("1", amount: 100, quantity: 4, .supplierCradleToGate, kg: 400 * Self.kg),
            after: Self.line("1", amount: 150, quantity: 4, .supplierCradleToGate, kg: 360 * Self.kg)
        )
        #expect(footprint.0 == ChangeAttribution.Parts(activity: 0, methodSwitch: 0, figures: -40 * Self.kg) && footprint.1 == nil)
        // Spend-based: amount x 1.5 at the old factor, then a new factor.
        let spend = ChangeAttribution.split(
            before: Self.line("1", amount: 100, .spendPurchaserPrice, kg: 50 * Self.kg),
            after: Self.line("1", amount: 150, .spendPurchaserPrice, kg: 60 * Self.kg)
        )
        #expect(spend.0 == ChangeAttribution.Parts(activity: 25 * Self.kg, methodSwitch: 0, figures: -15 * Self.kg))
    }

    @Test func aSwitchIsMeasuredAtTheNewActivity() {
        // 200 USD at 0.5 = 100 kg; then 300 USD, supplier-specific 3 pieces x 20 = 60 kg.
        // Activity: 100 x 300 / 200 - 100 = +50; switch: 60 - 150 = -90.
        let (parts, move) = ChangeAttribution.split(
            before: Self.line("1", amount: 200, quantity: 2, .spendPurchaserPrice, kg: 100 * Self.kg),
            after: Self.line("1", amount: 300, quantity: 3, .supplierCradleToGate, kg: 60 * Self.kg)
        )
        #expect(parts == ChangeAttribution.Parts(activity: 50 * Self.kg, methodSwitch: -90 * Self.kg, figures: 0))
        #expect(move == ChangeAttribution.MethodSwitch(from: .spendPurchaserPrice, to: .supplierCradleToGate))
        // Another boundary of the same method is a switch too: a factor without margins for one with.
        let margins = ChangeAttribution.split(
            before: Self.line("1", amount: 200, .spendPurchaserPrice, kg: 100 * Self.kg),
            after: Self.line("1", amount: 200, .spendProducerPrice, kg: 70 * Self.kg)
        )
        #expect(margins.0 == ChangeAttribution.Parts(methodSwitch: -30 * Self.kg) && margins.1?.to == .spendProducerPrice)
    }

    @Test func aFigureThatAppearsOrGoesIsFiguresAndOtherFieldsAreActivity() {
        let appears = ChangeAttribution.split(
            before: Self.line("1", amount: 200, nil, kg: 0),
            after: Self.line("1", amount: 400, .spendPriceNotStated, kg: 80 * Self.kg)
        )
        #expect(appears.0 == ChangeAttribution.Parts(figures: 80 * Self.kg), "no figure before: the amount's change adds nothing")
        let goes = ChangeAttribution.split(
            before: Self.line("1", amount: 200, .averageData, kg: 10 * Self.kg),
            after: Self.line("1", amount: 200, nil, kg: 0)
        )
        #expect(goes.0 == ChangeAttribution.Parts(figures: -10 * Self.kg))
        let recategorised = ChangeAttribution.split(
            before: Self.line("1", fields: "cat", amount: 200, .spendPurchaserPrice, kg: 10 * Self.kg),
            after: Self.line("1", fields: "other", amount: 200, .averageData, kg: 4 * Self.kg)
        )
        #expect(recategorised.0 == ChangeAttribution.Parts(activity: -6 * Self.kg) && recategorised.1 == nil)
    }

    @Test func linesMatchBySupplierAndIdInOrder() {
        // Two lines with id 7 of S (10 and 20 kg), one of T; the second S line is gone, T's is new.
        let before = [
            Self.line("7", amount: 10, .spendPurchaserPrice, kg: 10 * Self.kg),
            Self.line("7", amount: 20, .spendPurchaserPrice, kg: 20 * Self.kg),
        ]
        let after = [
            Self.line("7", amount: 10, .hybridRevenueIntensity, kg: 4 * Self.kg),
            Self.line("7", supplier: "T", amount: 5, .spendPurchaserPrice, kg: 5 * Self.kg),
        ]
        let parts = ChangeAttribution(before: before, after: after)
        let s = parts.suppliers.first { $0.key == "S" }!
        #expect(s.parts == ChangeAttribution.Parts(activity: -20 * Self.kg, methodSwitch: -6 * Self.kg))
        #expect((s.linesAdded, s.linesRemoved, s.linesSwitched) == (0, 1, 1))
        let t = parts.suppliers.first { $0.key == "T" }!
        #expect(t.parts == ChangeAttribution.Parts(activity: 5 * Self.kg) && t.linesAdded == 1)
        #expect(parts.total.parts.total == parts.total.delta && parts.total.delta == -21 * Self.kg)
        #expect(parts.total.parts.isMostlyMethodSwitch == false)
        #expect(ChangeAttribution.exactKg(-21 * Self.kg + 5) == "-20.999999995" && ChangeAttribution.exactKg(0) == "0")
    }

    /// Any lines, any ratios: the parts of every supplier and of the total sum to its change, nano-kg for nano-kg.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func partsSumExactly(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let boundaries: [MethodBoundary?] = [nil] + MethodBoundary.allCases.map { $0 }
        func random(_ id: Int) -> Line {
            Self.line(
                String(id % 40),
                supplier: "S\(rng.next() % 5)",
                fields: rng.next() % 10 == 0 ? "b" : "a",
                amount: Double(rng.next() % 100_000) / 7,
                quantity: rng.next() % 3 == 0 ? nil : Double(rng.next() % 1000) / 3,
                boundaries[Int(rng.next() % UInt64(boundaries.count))],
                kg: Int128(rng.next() % 1_000_000_000_000) - 100_000_000_000
            )
        }
        let before = (0..<200).map(random)
        let after = (0..<200).map(random)
        let parts = ChangeAttribution(before: before, after: after)
        var sum = ChangeAttribution.Parts()
        for c in parts.suppliers {
            #expect(c.parts.total == c.after - c.before)
            sum.activity += c.parts.activity
            sum.methodSwitch += c.parts.methodSwitch
            sum.figures += c.parts.figures
        }
        #expect(sum == parts.total.parts)
        #expect(parts.total.before == before.reduce(0) { $0 + $1.nanoKg } && parts.total.after == after.reduce(0) { $0 + $1.nanoKg })
        #expect(parts.total.parts.total == parts.total.delta)
    }
}
