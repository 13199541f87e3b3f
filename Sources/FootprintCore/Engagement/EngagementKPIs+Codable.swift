/// The KPIs as stored with a run (`engagement_kpi.value`): exact integers as decimal text, spend
/// per currency code, so that a snapshot read back is the snapshot written.
extension EngagementKPIs: Codable {
    enum CodingKeys: String, CodingKey {
        case totalNanoKg = "total_nano_kg"
        case totalLines = "total_lines"
        case totalSpend = "total_spend"
        case targetsSetSuppliers = "targets_set_suppliers"
        case targetsSetNanoKg = "targets_set_nano_kg"
        case targetsSetLines = "targets_set_lines"
        case targetsSetSpend = "targets_set_spend"
        case primaryNanoKg = "primary_nano_kg"
        case hasCategoryFigures = "has_category_figures"
        case cat12NanoKg = "cat12_nano_kg"
        case cat12Lines = "cat12_lines"
        case cat12Spend = "cat12_spend"
        case targetsSetCat12NanoKg = "targets_set_cat12_nano_kg"
        case targetsSetCat12Lines = "targets_set_cat12_lines"
        case targetsSetCat12Spend = "targets_set_cat12_spend"
        case suppliersPerTier = "suppliers_per_tier"
        case strategic
        case strategicAssessed = "strategic_assessed"
        case oldestCheck = "oldest_check"
        case newestCheck = "newest_check"
        case byCategory = "by_category"
        case inheritedTargets = "inherited_targets"
        case attribution
        case movedToManufacturersNanoKg = "moved_to_manufacturers_nano_kg"
        case manufacturersNotInRegister = "manufacturers_not_in_register"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func int(_ key: CodingKeys) throws -> Int128 { try c.decodeExactInteger(forKey: key) }
        func spend(_ key: CodingKeys) throws -> [CurrencyCode: Int128] { try c.decodeExactAmounts(forKey: key) }
        totalNanoKg = try int(.totalNanoKg)
        totalLines = try c.decode(Int.self, forKey: .totalLines)
        totalSpend = try spend(.totalSpend)
        targetsSetSuppliers = try c.decode([String].self, forKey: .targetsSetSuppliers)
        targetsSetNanoKg = try int(.targetsSetNanoKg)
        targetsSetLines = try c.decode(Int.self, forKey: .targetsSetLines)
        targetsSetSpend = try spend(.targetsSetSpend)
        primaryNanoKg = try int(.primaryNanoKg)
        hasCategoryFigures = try c.decode(Bool.self, forKey: .hasCategoryFigures)
        cat12NanoKg = try int(.cat12NanoKg)
        cat12Lines = try c.decode(Int.self, forKey: .cat12Lines)
        cat12Spend = try spend(.cat12Spend)
        targetsSetCat12NanoKg = try int(.targetsSetCat12NanoKg)
        targetsSetCat12Lines = try c.decode(Int.self, forKey: .targetsSetCat12Lines)
        targetsSetCat12Spend = try spend(.targetsSetCat12Spend)
        suppliersPerTier = try c.decode([String: Int].self, forKey: .suppliersPerTier)
        strategic = try c.decode([String].self, forKey: .strategic)
        strategicAssessed = try c.decode([String].self, forKey: .strategicAssessed)
        oldestCheck = try c.decodeIfPresent(String.self, forKey: .oldestCheck)
        newestCheck = try c.decodeIfPresent(String.self, forKey: .newestCheck)
        inheritedTargets = try c.decodeIfPresent([String: String].self, forKey: .inheritedTargets) ?? [:]
        // Snapshots stored before the attribution could be chosen credited the invoicing supplier.
        attribution = try c.decodeIfPresent(EngagementAttribution.self, forKey: .attribution) ?? .supplier
        if c.contains(.movedToManufacturersNanoKg) { movedToManufacturersNanoKg = try int(.movedToManufacturersNanoKg) }
        if c.contains(.manufacturersNotInRegister) {
            for (id, text) in try c.decode([String: String].self, forKey: .manufacturersNotInRegister) {
                guard let v = Int128(text) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .manufacturersNotInRegister,
                        in: c,
                        debugDescription: "'\(text)' is not an integer"
                    )
                }
                manufacturersNotInRegister[id] = v
            }
        }
        // Absent from snapshots stored before the engagement boundary could be chosen.
        if let categories = try c.decodeIfPresent([String: EngagementFigures].self, forKey: .byCategory) {
            var byCategory: [Int: EngagementFigures] = [:]
            for (key, figures) in categories {
                guard let n = Int(key) else {
                    throw DecodingError.dataCorruptedError(forKey: .byCategory, in: c, debugDescription: "'\(key)' is not a Scope 3 category")
                }
                byCategory[n] = figures
            }
            self.byCategory = byCategory
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let spend = KeyedEncodingContainer<CodingKeys>.exactAmounts
        try c.encode(String(totalNanoKg), forKey: .totalNanoKg)
        try c.encode(totalLines, forKey: .totalLines)
        try c.encode(spend(totalSpend), forKey: .totalSpend)
        try c.encode(targetsSetSuppliers, forKey: .targetsSetSuppliers)
        try c.encode(String(targetsSetNanoKg), forKey: .targetsSetNanoKg)
        try c.encode(targetsSetLines, forKey: .targetsSetLines)
        try c.encode(spend(targetsSetSpend), forKey: .targetsSetSpend)
        try c.encode(String(primaryNanoKg), forKey: .primaryNanoKg)
        try c.encode(hasCategoryFigures, forKey: .hasCategoryFigures)
        try c.encode(String(cat12NanoKg), forKey: .cat12NanoKg)
        try c.encode(cat12Lines, forKey: .cat12Lines)
        try c.encode(spend(cat12Spend), forKey: .cat12Spend)
        try c.encode(String(targetsSetCat12NanoKg), forKey: .targetsSetCat12NanoKg)
        try c.encode(targetsSetCat12Lines, forKey: .targetsSetCat12Lines)
        try c.encode(spend(targetsSetCat12Spend), forKey: .targetsSetCat12Spend)
        try c.encode(suppliersPerTier, forKey: .suppliersPerTier)
        try c.encode(strategic, forKey: .strategic)
        try c.encode(strategicAssessed, forKey: .strategicAssessed)
        try c.encodeIfPresent(oldestCheck, forKey: .oldestCheck)
        try c.encodeIfPresent(newestCheck, forKey: .newestCheck)
        if !inheritedTargets.isEmpty { try c.encode(inheritedTargets, forKey: .inheritedTargets) }
        try c.encode(attribution, forKey: .attribution)
        if attribution == .manufacturer {
            try c.encode(String(movedToManufacturersNanoKg), forKey: .movedToManufacturersNanoKg)
            try c.encode(manufacturersNotInRegister.mapValues { String($0) }, forKey: .manufacturersNotInRegister)
        }
        if let byCategory {
            try c.encode(Dictionary(uniqueKeysWithValues: byCategory.map { (String($0.key), $0.value) }), forKey: .byCategory)
        }
    }

    /// The share the target is tracked by: emissions over the target's boundary, or spend in the
    /// target's currency (or the only currency); nil when it cannot be told (no category figures, a
    /// snapshot stored before the boundary could be chosen and a boundary other than Categories 1 and 2,
    /// zero total, several currencies and none chosen, KPIs that credit lines otherwise than the target's
    /// attribution: a share is tracked only under the target's rule, and its path's baseline too).
    public func trackedShare(_ target: EngagementTarget) -> Double? {
        guard attribution == target.attribution, let figures = figures(target.boundary) else { return nil }
        switch target.basis {
        case .emissions: return figures.emissionShare
        case .spend:
            let shares = figures.spendShare
            if let code = target.currency.flatMap(CurrencyCode.init) { return shares[code] }
            return shares.count == 1 ? shares.first!.value : nil
        }
    }
}

/// Stored inside a KPI snapshot's `by_category`: exact integers as decimal text, spend per currency code.
extension EngagementFigures: Codable {
    enum CodingKeys: String, CodingKey {
        case nanoKg = "nano_kg"
        case lines, spend
        case targetsSetNanoKg = "targets_set_nano_kg"
        case targetsSetLines = "targets_set_lines"
        case targetsSetSpend = "targets_set_spend"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func int(_ key: CodingKeys) throws -> Int128 { try c.decodeExactInteger(forKey: key) }
        func amounts(_ key: CodingKeys) throws -> [CurrencyCode: Int128] { try c.decodeExactAmounts(forKey: key) }
        self.init()
        nanoKg = try int(.nanoKg)
        lines = try c.decode(Int.self, forKey: .lines)
        spend = try amounts(.spend)
        targetsSetNanoKg = try int(.targetsSetNanoKg)
        targetsSetLines = try c.decode(Int.self, forKey: .targetsSetLines)
        targetsSetSpend = try amounts(.targetsSetSpend)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let texts = KeyedEncodingContainer<CodingKeys>.exactAmounts
        try c.encode(String(nanoKg), forKey: .nanoKg)
        try c.encode(lines, forKey: .lines)
        try c.encode(texts(spend), forKey: .spend)
        try c.encode(String(targetsSetNanoKg), forKey: .targetsSetNanoKg)
        try c.encode(targetsSetLines, forKey: .targetsSetLines)
        try c.encode(texts(targetsSetSpend), forKey: .targetsSetSpend)
    }
}

/// Exact integers and per-currency amounts as decimal text, the form KPI snapshots store them in.
extension KeyedDecodingContainer {
    func decodeExactInteger(forKey key: Key) throws -> Int128 {
        let text = try decode(String.self, forKey: key)
        guard let v = Int128(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(text)' is not an integer")
        }
        return v
    }

    func decodeExactAmounts(forKey key: Key) throws -> [CurrencyCode: Int128] {
        var out: [CurrencyCode: Int128] = [:]
        for (k, v) in try decode([String: String].self, forKey: key) {
            if let code = CurrencyCode(k), let units = Int128(v) { out[code] = units }
        }
        return out
    }
}

extension KeyedEncodingContainer {
    static func exactAmounts(_ amounts: [CurrencyCode: Int128]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: amounts.map { ($0.key.description, String($0.value)) })
    }
}
