/// Shares an amount of integer units (nano-kg) among participants in proportion to integer weights,
/// exactly: the shares always sum to the amount, unit for unit.
///
/// The largest-remainder (Hamilton) method: each participant first gets the whole part of its quota
/// (amount x weight / total weight, in 128-bit integers, so nothing is rounded); the units left over
/// (fewer than the participants) go one each to the largest remainders, ties to the earlier
/// participant. A negative amount (credit notes can make a pool negative) is shared as its magnitude
/// and negated, so that the rule is symmetric. Deterministic: the same input gives the same shares
/// on every machine.
public enum Apportionment {
    /// The shares of `amount` in proportion to `weights` (each 0 or more, at least one above 0); nil
    /// when every weight is 0 (there is nothing to share by).
    public static func shares(of amount: Int128, weights: [Int64]) -> [Int128]? {
        var total: Int128 = 0
        for w in weights {
            precondition(w >= 0, "apportionment weights are never negative")
            total += Int128(w)
        }
        guard total > 0 else { return nil }
        let magnitude = amount < 0 ? -amount : amount
        var shares = [Int128](repeating: 0, count: weights.count)
        var remainders = [Int128](repeating: 0, count: weights.count)
        var given: Int128 = 0
        for (i, w) in weights.enumerated() where w > 0 {
            let product = magnitude * Int128(w)
            shares[i] = product / total
            remainders[i] = product % total
            given += shares[i]
        }
        var left = magnitude - given
        if left > 0 {
            // At most `weights.count - 1` units: one each, largest remainder first, ties in order.
            let order = weights.indices.filter { weights[$0] > 0 }.sorted {
                remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1
            }
            for i in order where left > 0 {
                shares[i] += 1
                left -= 1
            }
        }
        return amount < 0 ? shares.map { -$0 } : shares
    }

    /// A non-negative decimal quantity as integer weight units (millionths), so that weights given
    /// as decimals share exactly; quantities beyond 9.2 x 10^12 are clamped (no real usage is).
    public static func weight(_ quantity: Double) -> Int64 {
        guard quantity > 0, quantity.isFinite else { return 0 }
        let scaled = (quantity * 1e6).rounded()
        return scaled >= 9.2e18 ? Int64.max / 2 : Int64(scaled)
    }
}
