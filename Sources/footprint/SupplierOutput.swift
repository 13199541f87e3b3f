import FootprintCore
import FootprintStore

/// A row of `suppliers list --json`.
struct SupplierListItem: Encodable {
    var id: String
    var name: String
    var country: String?
    var strategic: Bool
    /// The newest SBTi and RBA facts, in words.
    var sbti: String?
    /// The ancestor whose SBTi status the supplier inherits (it has none of its own).
    var sbtiInheritedFrom: String?
    var rba: String?
    var score: Double
    var tier: String
    var emissionsKg: Double?
    /// Currency -> amount, as exact decimal text.
    var spend: [String: String]
    var run: Int64?

    enum CodingKeys: String, CodingKey {
        case id, name, country, strategic, sbti, rba, score, tier, spend, run
        case emissionsKg = "emissions_kg"
        case sbtiInheritedFrom = "sbti_inherited_from"
    }

    init(_ o: SupplierOverview, _ a: SupplierAssessment) {
        id = o.record.id
        sbtiInheritedFrom = o.latest[.sbti]?.inheritedFrom
        name = o.record.name
        country = o.record.country
        strategic = o.record.strategic
        sbti = o.latest[.sbti]?.summary
        rba = o.latest[.rba]?.summary
        score = a.score
        tier = a.tier
        emissionsKg = o.emissionsKg
        spend = Dictionary(o.spend.map { ($0.currency, $0.amount) }, uniquingKeysWith: { a, _ in a })
        run = o.runID
    }
}

/// `suppliers show --json`.
struct SupplierDetail: Encodable {
    var supplier: SupplierRecord
    var history: [SupplierStatusFact]
    var latest: [String: SupplierStatusFact]
    var assessment: SupplierAssessment
    var emissionsKg: Double?
    var spend: [String: String]
    var run: Int64?
    /// Answers to energy data requests, oldest first; `newest` marks the one the assessment reads.
    var energyAnswers: [EnergyAnswerReport]

    struct EnergyAnswerReport: Encodable {
        var on: String
        var newest: Bool
        var answer: EnergyAnswer
    }

    enum CodingKeys: String, CodingKey {
        case supplier, history, latest, assessment, spend, run
        case emissionsKg = "emissions_kg"
        case energyAnswers = "energy_answers"
    }

    init(_ o: SupplierOverview, _ a: SupplierAssessment) {
        supplier = o.record
        history = o.history
        latest = Dictionary(o.latest.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: { a, _ in a })
        assessment = a
        emissionsKg = o.emissionsKg
        spend = Dictionary(o.spend.map { ($0.currency, $0.amount) }, uniquingKeysWith: { a, _ in a })
        run = o.runID
        let newest = o.assessmentInput.energy
        energyAnswers = o.energyAnswers.map { EnergyAnswerReport(on: $0.on, newest: $0 == newest, answer: $0.answer) }
    }
}

/// The SBTi match report, as text and as `import-sbti --json`.
struct SBTiReport: Encodable {
    struct Company: Encodable {
        var row: Int
        var sbtiID: String?
        var name: String
        var status: String
        enum CodingKeys: String, CodingKey {
            case row, name, status
            case sbtiID = "sbti_id"
        }
        init(_ c: SBTiCompany) {
            row = c.row
            sbtiID = c.sbtiID
            name = c.name
            status = c.nearTermStatus.rawValue
        }
    }

    struct Entry: Encodable {
        var supplier: String
        var name: String
        /// matched, ambiguous or unmatched.
        var outcome: String
        /// lei, isin or name.
        var by: String?
        var candidates: [Company]
        /// For a match by name: other companies with near names, to confirm the match.
        var alsoNear: [Company] = []
        enum CodingKeys: String, CodingKey {
            case supplier, name, outcome, by, candidates
            case alsoNear = "also_near"
        }
    }

    var workbook: String
    var sha256: String
    var sheet: String
    var companies: Int
    var missingColumns: [String]
    var skipped: [String]
    var entries: [Entry]
    var importID: Int64?
    var stored: Int?

    enum CodingKeys: String, CodingKey {
        case workbook, sha256, sheet, companies, skipped, entries, stored
        case missingColumns = "missing_columns"
        case importID = "import_id"
    }

    init(_ plan: SBTiImportPlan, _ outcome: ImportOutcome?) {
        workbook = plan.file
        sha256 = plan.sha256
        sheet = plan.sheet
        companies = plan.companyCount
        missingColumns = plan.missingColumns
        skipped = plan.skipped
        entries = plan.matches.map(Self.entry)
        importID = outcome?.record.id
        stored = outcome?.record.rowCount
    }

    static func entry(_ m: SBTiMatcher.Match) -> Entry {
        switch m.outcome {
        case .matched(let c, let key):
            Entry(
                supplier: m.supplier.id,
                name: m.supplier.name,
                outcome: "matched",
                by: key.rawValue,
                candidates: [Company(c)],
                alsoNear: m.alsoNear.map(Company.init)
            )
        case .ambiguous(let cs, let key):
            Entry(supplier: m.supplier.id, name: m.supplier.name, outcome: "ambiguous", by: key.rawValue, candidates: cs.map(Company.init))
        case .unmatched(let near):
            Entry(supplier: m.supplier.id, name: m.supplier.name, outcome: "unmatched", by: nil, candidates: near.map(Company.init))
        }
    }

    static func text(_ plan: SBTiImportPlan) -> String {
        var lines = ["\(plan.file) (sheet '\(plan.sheet)', \(plan.companyCount) companies, sha256 \(plan.sha256.prefix(12)))"]
        if !plan.missingColumns.isEmpty { lines.append("  columns not found (left empty): \(plan.missingColumns.joined(separator: ", "))") }
        for s in plan.skipped { lines.append("  skipped \(s)") }
        let entries = plan.matches.map(entry)
        func describe(_ c: Company) -> String { "row \(c.row) '\(c.name)'" + (c.sbtiID.map { " \($0)" } ?? "") + ": \(c.status)" }
        let matched = entries.filter { $0.outcome == "matched" }
        let ambiguous = entries.filter { $0.outcome == "ambiguous" }
        let unmatched = entries.filter { $0.outcome == "unmatched" }
        lines.append("Matched (\(matched.count)):")
        for e in matched {
            lines.append(
                "  \(e.supplier) \(e.name) -> \(describe(e.candidates[0])) (by \(e.by!))"
                    + (e.alsoNear.isEmpty ? "" : "; also near, check: " + e.alsoNear.map(describe).joined(separator: "; "))
            )
        }
        lines.append("Ambiguous (\(ambiguous.count)): several companies share the key; add the supplier's LEI or ISIN to suppliers.csv")
        for e in ambiguous {
            lines.append("  \(e.supplier) \(e.name) (by \(e.by!)):")
            for c in e.candidates { lines.append("    \(describe(c))") }
        }
        let near = unmatched.filter { !$0.candidates.isEmpty }
        lines.append(
            "Not found (\(unmatched.count)), \(near.count) with near names to confirm (add the LEI or ISIN to suppliers.csv if one is the same company):"
        )
        for e in unmatched {
            lines.append("  \(e.supplier) \(e.name)" + (e.candidates.isEmpty ? "" : "; near: " + e.candidates.map(describe).joined(separator: "; ")))
        }
        return lines.joined(separator: "\n")
    }
}
