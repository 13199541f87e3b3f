/// Numbers a pack's refigure groups (`PackEvaluator.RefigurePlan.Group`) in the order they are first
/// seen, for `refigurePlan`, which looks one up per line. The group's fields are packed into 64 bits
/// and found in an open-addressing table with a multiplicative hash: a `Dictionary` hashes every key
/// with SipHash, which cost more than the rest of making a plan. A group whose fields do not fit (a
/// term id past 2^24) is numbered through a `Dictionary`.
struct RefigureGroupNumbers {
    private var keys: [UInt64]
    private var numbers: [UInt32]
    private var mask: Int
    private var used = 0
    private var others: [PackEvaluator.RefigurePlan.Group: UInt32] = [:]
    /// The groups by number.
    private(set) var groups: [PackEvaluator.RefigurePlan.Group] = []

    init() {
        keys = [UInt64](repeating: 0, count: 64)
        numbers = [UInt32](repeating: 0, count: 64)
        mask = 63
    }

    /// `group`'s number: the one it was given, or the next.
    mutating func number(_ group: PackEvaluator.RefigurePlan.Group) -> UInt32 {
        guard let key = Self.packed(group) else {
            if let known = others[group] { return known }
            let number = add(group)
            others[group] = number
            return number
        }
        var slot = home(key)
        while keys[slot] != 0 {
            if keys[slot] == key { return numbers[slot] }
            slot = (slot + 1) & mask
        }
        let number = add(group)
        keys[slot] = key
        numbers[slot] = number
        used += 1
        if used * 2 > keys.count { grow() }
        return number
    }

    private mutating func add(_ group: PackEvaluator.RefigurePlan.Group) -> UInt32 {
        groups.append(group)
        return UInt32(groups.count - 1)
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldNumbers = numbers
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        numbers = [UInt32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (i, key) in oldKeys.enumerated() where key != 0 {
            var slot = home(key)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            numbers[slot] = oldNumbers[i]
        }
    }

    /// The fields in 64 bits below a leading 1 bit (so that no key is 0, the empty slot): category 23
    /// bits, customer + 1 20 bits, month + 1 12 bits, Scope 3 category 4, method 3, fall-through 1; nil
    /// when a field does not fit.
    static func packed(_ g: PackEvaluator.RefigurePlan.Group) -> UInt64? {
        let customer = g.customer + 1
        let month = g.month + 1
        guard (0..<(1 << 23)).contains(g.category), (0..<(1 << 20)).contains(customer), (0..<(1 << 12)).contains(month),
            (0..<16).contains(g.scope3), (0..<8).contains(g.method)
        else { return nil }
        return UInt64(1) << 63 | UInt64(g.category) << 40 | UInt64(customer) << 20 | UInt64(month) << 8 | UInt64(g.scope3) << 4
            | UInt64(g.method) << 1 | (g.fellThrough ? 1 : 0)
    }

    @inline(__always) private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }
}
