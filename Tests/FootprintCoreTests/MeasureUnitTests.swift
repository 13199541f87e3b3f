import FootprintCore
import Testing

@Suite("Units of measure")
struct MeasureUnitTests {
    struct Conversion: CustomTestStringConvertible, Sendable {
        var from: String
        var to: String
        var factor: Double
        var testDescription: String { "1 \(from) = \(factor) \(to)" }
    }

    static let conversions: [Conversion] = [
        .init(from: "g", to: "kg", factor: 0.001),
        .init(from: "kg", to: "g", factor: 1000),
        .init(from: "t", to: "kg", factor: 1000),
        .init(from: "kg", to: "t", factor: 0.001),
        .init(from: "t", to: "g", factor: 1_000_000),
        .init(from: "Wh", to: "kWh", factor: 0.001),
        .init(from: "kWh", to: "Wh", factor: 1000),
        .init(from: "MWh", to: "kWh", factor: 1000),
        .init(from: "kWh", to: "MJ", factor: 3.6),
        .init(from: "MJ", to: "kWh", factor: 1 / 3.6),
        .init(from: "GJ", to: "MJ", factor: 1000),
        .init(from: "GJ", to: "kWh", factor: 1000 / 3.6),
        .init(from: "MWh", to: "GJ", factor: 3.6),
        .init(from: "Wh", to: "MJ", factor: 0.0036),
        .init(from: "m3", to: "l", factor: 1000),
        .init(from: "l", to: "m3", factor: 0.001),
        .init(from: "tkm", to: "tkm", factor: 1),
        .init(from: "piece", to: "piece", factor: 1),
        .init(from: "hour", to: "hour", factor: 1),
        .init(from: "kg", to: "kg", factor: 1),
        .init(from: "mi", to: "km", factor: 1.609344),
        .init(from: "km", to: "mi", factor: 1 / 1.609344),
        .init(from: "pmi", to: "pkm", factor: 1.609344),
        .init(from: "room-night", to: "room-night", factor: 1),
    ]

    @Test(arguments: conversions)
    func converts(_ c: Conversion) throws {
        let factor = try #require(MeasureUnit(parsing: c.from).conversionFactor(to: MeasureUnit(parsing: c.to)))
        #expect(close(factor, c.factor), "\(c.from) -> \(c.to): \(factor)")
    }

    @Test(arguments: [
        ("tonne", "t"), ("tonnes", "t"), ("ton", "t"), ("gram", "g"), ("kilogram", "kg"),
        ("pcs", "piece"), ("pieces", "piece"), ("stk", "piece"), ("m³", "m3"), ("litre", "l"), ("liter", "l"), ("L", "l"),
        ("t.km", "tkm"), ("tonne-km", "tkm"), ("hours", "hour"), ("h", "hour"),
        ("KWH", "kWh"), ("kwh", "kWh"), ("MWh", "MWh"), ("gj", "GJ"), ("KG", "kg"),
        ("miles", "mi"), ("kilometres", "km"), ("passenger.km", "pkm"), ("passenger-km", "pkm"), ("Room per night", "room-night"),
        ("room nights", "room-night"), ("cubic metres", "m3"),
    ])
    func aliases(_ text: String, _ symbol: String) {
        let unit = MeasureUnit(parsing: text)
        #expect(unit.symbol == symbol)
        #expect(unit.dimension != nil)
    }

    @Test(arguments: [
        ("kg", "kWh"), ("l", "kg"), ("tkm", "t"), ("piece", "kg"), ("hour", "kWh"), ("MJ", "m3"), ("km", "pkm"), ("pkm", "tkm"),
        ("room-night", "piece"), ("km", "tkm"),
    ])
    func crossDimensionDoesNotConvert(_ a: String, _ b: String) {
        #expect(MeasureUnit(parsing: a).conversionFactor(to: MeasureUnit(parsing: b)) == nil)
        #expect(MeasureUnit(parsing: b).conversionFactor(to: MeasureUnit(parsing: a)) == nil)
    }

    @Test func unknownUnitMatchesOnlyItself() {
        let bag = MeasureUnit(parsing: "bag")
        #expect(bag.symbol == "bag")
        #expect(bag.dimension == nil)
        #expect(bag.conversionFactor(to: MeasureUnit(parsing: "bag")) == 1)
        #expect(bag.conversionFactor(to: MeasureUnit(parsing: "Bag")) == nil)
        #expect(bag.conversionFactor(to: MeasureUnit(parsing: "bags")) == nil)
        #expect(bag.conversionFactor(to: MeasureUnit(parsing: "kg")) == nil)
        #expect(MeasureUnit(parsing: "kg").conversionFactor(to: bag) == nil)
        #expect(MeasureUnit(parsing: "pallet").conversionFactor(to: bag) == nil)
    }

    @Test func engineUnitKeysResolveAliasesAndUnknownUnitsOnlyByIdenticalText() {
        let engine = InventoryEngine(reference: ReferenceData(factors: [activityFactor("packaging", 2, "bag")]))
        #expect(engine.unitKey(for: "tonne") == engine.unitKey(for: "t"))
        #expect(engine.unitKey(for: "m³") == engine.unitKey(for: "m3"))
        #expect(!engine.unitKey(for: "kg").isNone)
        #expect(!engine.unitKey(for: "bag").isNone)
        #expect(engine.unitKey(for: "Bag") == .none)
        #expect(engine.unitKey(for: "crate") == .none)
        #expect(engine.units[Int(engine.unitKey(for: "bag").index)].symbol == "bag")
    }
}
