import FootprintCore
import Testing

@Suite("DecimalSum")
struct DecimalSumTests {
    func sum(_ terms: [(Int64, Int)]) -> DecimalSum {
        var s = DecimalSum()
        for (digits, scale) in terms { s.add(digits: digits, scale: scale) }
        return s
    }

    @Test func pointOnePlusPointTwoIsExactlyPointThree() {
        let s = sum([(1, 1), (2, 1)])
        #expect(s.description == "0.3")
        #expect(s == DecimalSum(digits: 3, scale: 1))
        #expect(s.units == 300_000_000_000_000_000)
    }

    @Test func tenTimesPointOneIsOne() {
        #expect(sum(Array(repeating: (1, 1), count: 10)).description == "1")
    }

    static let descriptions: [([(Int64, Int)], String)] = [
        ([(123_450, 2)], "1234.5"),
        ([(-123_450, 2)], "-1234.5"),
        ([(12, 0)], "12"),
        ([], "0"),
        ([(5, 0), (-5, 0)], "0"),
        ([(-995, 1), (100, 0)], "0.5"),
        ([(-1, 18)], "-0.000000000000000001"),
        ([(1, 2), (-3, 2)], "-0.02"),
        ([(Int64.max, 0), (Int64.max, 0)], "18446744073709551614"),
        ([(15, 5), (1, 0)], "1.00015"),
    ]

    @Test(arguments: descriptions)
    func description(_ terms: [(Int64, Int)], _ text: String) {
        #expect(sum(terms).description == text)
    }

    static let roundings: [(Int64, Int, Int, String)] = [
        (12_345, 3, 2, "12.35"),  // half away from zero
        (-12_345, 3, 2, "-12.35"),
        (12_344, 3, 2, "12.34"),
        (4, 3, 2, "0.00"),
        (-4, 3, 2, "0.00"),
        (-5, 3, 2, "-0.01"),
        (25, 1, 0, "3"),
        (-25, 1, 0, "-3"),
        (1_234_567, 2, 2, "12345.67"),
        (7, 0, 2, "7.00"),
        (-7, 0, 3, "-7.000"),
        (999_999, 6, 2, "1.00"),
        (5, 2, 1, "0.1"),
    ]

    @Test(arguments: roundings)
    func formatted(_ digits: Int64, _ scale: Int, _ places: Int, _ text: String) {
        #expect(DecimalSum(digits: digits, scale: scale).formatted(places: places) == text)
    }

    @Test func addingSumsAndOrdering() {
        var a = DecimalSum(digits: 150, scale: 2)
        a.add(DecimalSum(digits: -2, scale: 0))
        #expect(a.description == "-0.5")
        #expect(a < DecimalSum())
        #expect(DecimalSum(digits: 1, scale: 1).doubleValue == 0.1)
    }
}
