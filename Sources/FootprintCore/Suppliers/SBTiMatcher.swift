/// Matches the workspace's suppliers to SBTi companies: by LEI first, then by ISIN, then by
/// normalised name ([SupplierNameNormalizer]). A supplier matches when exactly one company shares
/// the deciding key; several companies with that key are an ambiguity for the user to settle (by
/// adding the LEI or ISIN to suppliers.csv); no company is a miss, reported with the companies
/// whose names are near (one name's words begin the other's).
public enum SBTiMatcher {
    /// What decided a match.
    public enum Key: String, Sendable, Hashable, Codable {
        case lei, isin, name
    }

    public enum Outcome: Sendable, Hashable {
        case matched(SBTiCompany, by: Key)
        case ambiguous([SBTiCompany], by: Key)
        case unmatched(near: [SBTiCompany])
    }

    public struct Match: Sendable, Hashable {
        public var supplier: SupplierRecord
        public var outcome: Outcome
        /// For a match by name, the other companies whose names are near, for the user to confirm the choice.
        public var alsoNear: [SBTiCompany] = []
    }

    public static func match(suppliers: [SupplierRecord], companies: [SBTiCompany]) -> [Match] {
        var byLEI: [String: [SBTiCompany]] = [:]
        var byISIN: [String: [SBTiCompany]] = [:]
        var byName: [String: [SBTiCompany]] = [:]
        var tokens: [(SBTiCompany, [String])] = []
        for c in companies {
            if let lei = c.lei?.uppercased(), !lei.isEmpty { byLEI[lei, default: []].append(c) }
            if let isin = c.isin?.uppercased(), !isin.isEmpty { byISIN[isin, default: []].append(c) }
            let t = SupplierNameNormalizer.tokens(c.name)
            byName[t.joined(separator: " "), default: []].append(c)
            tokens.append((c, t))
        }
        return suppliers.map { s in
            func decide(_ found: [SBTiCompany]?, _ key: Key) -> Outcome? {
                guard let found, !found.isEmpty else { return nil }
                return found.count == 1 ? .matched(found[0], by: key) : .ambiguous(found, by: key)
            }
            if let lei = s.identifiers.lei?.uppercased(), let o = decide(byLEI[lei], .lei) { return Match(supplier: s, outcome: o) }
            if let isin = s.identifiers.isin?.uppercased(), let o = decide(byISIN[isin], .isin) { return Match(supplier: s, outcome: o) }
            let mine = SupplierNameNormalizer.tokens(s.name)
            let near = tokens.filter { _, theirs in
                guard !mine.isEmpty, !theirs.isEmpty, mine != theirs else { return false }
                let (short, long) = mine.count < theirs.count ? (mine, theirs) : (theirs, mine)
                return Array(long.prefix(short.count)) == short
            }.map(\.0)
            if !mine.isEmpty, let o = decide(byName[mine.joined(separator: " ")], .name) { return Match(supplier: s, outcome: o, alsoNear: near) }
            return Match(supplier: s, outcome: .unmatched(near: near))
        }
    }
}
