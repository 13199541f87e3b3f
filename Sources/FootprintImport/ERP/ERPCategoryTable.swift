/// The category rules of a mapping, indexed: an exact value wins over a range, and a narrower range
/// over a wider one that contains it.
struct ERPCategoryTable: Sendable {
    private var exact: [String: ERPMapping.CategoryRule] = [:]
    /// Ranges, narrowest first.
    private var ranges: [(ClosedRange<Int>, ERPMapping.CategoryRule)] = []
    private var capitalExact: Set<String> = []
    private var capitalRanges: [ClosedRange<Int>] = []

    /// Indexes the rules; returns a message for each ambiguity (a value mapped twice, ranges that
    /// overlap without one containing the other).
    init(rules: [ERPMapping.CategoryRule], capitalAccounts: [ERPMapping.AccountPattern], problems: inout [String]) {
        for rule in rules {
            switch rule.erp {
            case .exact(let value):
                if let earlier = exact[value], earlier != rule {
                    problems.append(
                        "the ERP value '\(value)' is mapped twice (to '\(earlier.category)' and '\(rule.category)'); expected one rule per value"
                    )
                }
                exact[value] = rule
            case .range(let r):
                for (other, otherRule) in ranges where other.overlaps(r) {
                    let nested =
                        (other.contains(r.lowerBound) && other.contains(r.upperBound))
                        || (r.contains(other.lowerBound) && r.contains(other.upperBound))
                    if other == r && otherRule != rule {
                        problems.append(
                            "the range \(ERPMapping.AccountPattern.range(r)) is mapped twice (to '\(otherRule.category)' and '\(rule.category)'); expected one rule per range"
                        )
                    } else if !nested {
                        problems.append(
                            "the ranges \(ERPMapping.AccountPattern.range(other)) and \(ERPMapping.AccountPattern.range(r)) overlap; expected ranges that are disjoint or nested (the narrower one wins)"
                        )
                    }
                }
                ranges.append((r, rule))
            }
        }
        ranges.sort { $0.0.count < $1.0.count }
        for pattern in capitalAccounts {
            switch pattern {
            case .exact(let value): capitalExact.insert(value)
            case .range(let r): capitalRanges.append(r)
            }
        }
    }

    /// The rule for an ERP value, or `nil` when it is unmapped.
    func rule(for value: String) -> ERPMapping.CategoryRule? {
        if let rule = exact[value] { return rule }
        guard !ranges.isEmpty, let n = ERPMapping.AccountPattern.accountNumber(Substring(value)) else { return nil }
        return ranges.first { $0.0.contains(n) }?.1
    }

    /// Whether the value is a capital-expenditure account.
    func isCapital(_ value: String) -> Bool {
        if capitalExact.contains(value) { return true }
        guard !capitalRanges.isEmpty, let n = ERPMapping.AccountPattern.accountNumber(Substring(value)) else { return false }
        return capitalRanges.contains { $0.contains(n) }
    }
}
