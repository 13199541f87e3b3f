import FootprintCore

/// Links a PACT footprint's `companyIds` to suppliers of the register.
///
/// A company id (a URN) matches a supplier when, compared case-insensitively and ignoring spaces:
/// 1. it equals one of the supplier's `pact_company_ids`; or
/// 2. it is `urn:lei:<LEI>` with the supplier's LEI; or
/// 3. its last `:`-separated segment equals the supplier's organisation number, VAT number, LEI or
///    D-U-N-S number (`urn:no:orgnr:912345678`, `urn:vat:NO912345678MVA`, `urn:duns:123456789`).
/// A footprint is linked when its company ids match exactly one supplier; none is unlinked, several ambiguous.
struct PACTSupplierMatcher {
    private var byKey: [String: Set<String>] = [:]
    private var byLastSegment: [String: Set<String>] = [:]

    init(register: [SupplierRecord]) {
        for s in register {
            for urn in s.identifiers.pactCompanyIDs { byKey[Self.normal(urn), default: []].insert(s.id) }
            if let lei = s.identifiers.lei { byKey["urn:lei:" + Self.normal(lei), default: []].insert(s.id) }
            for value in [s.identifiers.orgNumber, s.identifiers.vat, s.identifiers.lei, s.identifiers.duns].compactMap({ $0 }) {
                let key = Self.normal(value)
                if !key.isEmpty { byLastSegment[key, default: []].insert(s.id) }
            }
        }
    }

    static func normal(_ text: String) -> String { String(text.lowercased().filter { !$0.isWhitespace }) }

    static func lastSegment(_ urn: String) -> String { urn.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? urn }

    /// The suppliers the company ids match, sorted.
    func suppliers(for companyIds: [String]) -> [String] {
        var found: Set<String> = []
        for id in companyIds {
            let key = Self.normal(id)
            found.formUnion(byKey[key] ?? [])
            if key.hasPrefix("urn:") { found.formUnion(byLastSegment[Self.lastSegment(key)] ?? []) }
        }
        return found.sorted()
    }
}
