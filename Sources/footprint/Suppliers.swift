import ArgumentParser
import FootprintCore
import FootprintImport
import FootprintStore
import Foundation

extension Footprint {
    /// `footprint suppliers`: the supplier register, status facts, SBTi matching and assessment.
    struct Suppliers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suppliers",
            abstract: "The supplier register: status facts, SBTi matching, assessment (docs/suppliers.md).",
            subcommands: [List.self, Show.self, Add.self, Edit.self, History.self, ImportStatus.self, ImportSBTi.self, Assess.self, Segment.self],
            defaultSubcommand: List.self
        )
    }
}

/// `--criteria FILE`, shared by the commands that assess.
struct CriteriaOption: ParsableArguments {
    @Option(name: .long, help: "Assessment criteria (JSON; default: the built-in criteria of docs/suppliers.md).")
    var criteria: String?

    func load() throws -> AssessmentCriteria {
        guard let criteria else { return .standard }
        do { return try AssessmentCriteriaFile.read(path: criteria) } catch {
            throw failure(error.report(consequence: "nothing was assessed"))
        }
    }
}

/// Numbers as the tables print them.
func formatKg(_ kg: Double?) -> String { kg.map { String(format: "%.1f", $0) } ?? "" }
func formatScore(_ score: Double) -> String { String(format: "%.0f", score) }

extension Footprint.Suppliers {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the register: strategic flag, latest SBTi and RBA status, tier, and the latest run's emissions and spend."
        )
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var criteria: CriteriaOption
        @Flag(name: .long, help: "Only strategic suppliers.") var strategic = false
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let ws = try workspace.open()
            let rules = try criteria.load()
            let overviews = try report { () throws(WorkspaceError) in try ws.suppliers.supplierOverviews() }.filter {
                !strategic || $0.record.strategic
            }
            let items = overviews.map { o in SupplierListItem(o, SupplierAssessment.assess(o.assessmentInput, criteria: rules)) }
            if json { return try printJSON(items) }
            guard !items.isEmpty else { return print("No suppliers yet: 'footprint import suppliers suppliers.csv' adds them.") }
            let rows = items.map { i in
                [
                    i.id, i.name, i.strategic ? "yes" : "", i.sbti ?? "", i.rba ?? "", i.tier, formatScore(i.score), formatKg(i.emissionsKg),
                    i.spend.map { "\($0.value) \($0.key)" }.sorted().joined(separator: "; "),
                ]
            }
            printTable(["id", "name", "strategic", "SBTi", "RBA", "tier", "score", "kgCO2e", "spend"], rows)
            if let run = overviews.first?.runID {
                print("Emissions and spend from run #\(run).")
            } else {
                print("No calculation run yet: emissions and spend appear after 'footprint calculate'.")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "One supplier: register, identifiers, status history, assessment with its reasons."
        )
        @Argument(help: "The supplier's id.") var id: String
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var criteria: CriteriaOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let ws = try workspace.open()
            let rules = try criteria.load()
            guard let o = try report({ () throws(WorkspaceError) in try ws.suppliers.supplierOverviews(id: id) }).first else {
                throw failure("there is no supplier '\(id)' in the register; 'footprint suppliers list' lists them")
            }
            let assessment = SupplierAssessment.assess(o.assessmentInput, criteria: rules)
            if json { return try printJSON(SupplierDetail(o, assessment)) }
            let r = o.record
            let ids = r.identifiers
            var lines = ["\(r.id)  \(r.name)" + (r.country.map { "  (\($0))" } ?? "") + (r.strategic ? "  strategic" : "")]
            for (label, value) in [
                ("org number", ids.orgNumber), ("VAT", ids.vat), ("LEI", ids.lei), ("DUNS", ids.duns), ("ISIN", ids.isin),
                ("PACT company ids", ids.pactCompanyIDs.isEmpty ? nil : ids.pactCompanyIDs.joined(separator: ", ")),
                ("contact", [r.contactName, r.contactEmail.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ").nilIfEmpty),
                ("categories", r.categories.isEmpty ? nil : r.categories.joined(separator: ", ")), ("notes", r.notes),
                ("parent", r.parent), ("company register", r.companyRegister),
            ] {
                if let value { lines.append("  \(label): \(value)") }
            }
            if let run = o.runID {
                lines.append(
                    "  run #\(run): "
                        + (o.emissionsKg.map {
                            "\(formatKg($0)) kg CO2e, spend " + o.spend.map { "\($0.amount) \($0.currency)" }.joined(separator: "; ")
                        } ?? "no lines")
                )
            }
            lines.append("Status history (newest of each kind marked *):")
            if o.history.isEmpty { lines.append("  none recorded") }
            for f in o.history {
                let newest = o.latest[f.kind] == f ? "*" : " "
                lines.append(
                    "  \(newest) \(f.checkedOn)  \(f.kind.rawValue): \(f.summary)" + (f.evidence.map { " [\($0)]" } ?? "") + "  (\(f.source))"
                )
            }
            if let inherited = o.latest[.sbti], inherited.inheritedFrom != nil {
                lines.append(
                    "  * \(inherited.checkedOn)  sbti: \(inherited.summary)  (\(inherited.source)); no SBTi status of its own: "
                        + "record one in supplier_status.csv to override the parent's"
                )
            }
            if !o.energyAnswers.isEmpty {
                lines.append("Energy answers (the newest of the newest year marked *, read by a renewable-electricity criterion):")
                for a in o.energyAnswers {
                    lines.append("  \(a == o.assessmentInput.energy ? "*" : " ") \(a.on)  \(EngagementAnswer.energy(a.answer).summary)")
                }
            }
            lines.append(
                "Assessment: score \(formatScore(assessment.score)), tier \(assessment.tier)"
                    + (assessment.meetsRequirements ? "" : "; requirements not met: " + assessment.requirementsNotMet.joined(separator: ", "))
            )
            for result in assessment.results {
                lines.append("  \(result.criterion): \(SupplierAssessment.fmtPoints(result)) - \(result.reason)")
            }
            print(lines.joined(separator: "\n"))
        }
    }

    struct ImportStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-status",
            abstract: "Import a supplier_status.csv: status facts, added to each supplier's history, all or nothing."
        )
        @Argument(help: "The supplier_status.csv file.") var file: String
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let ws = try workspace.open()
            let name = (file as NSString).lastPathComponent
            let outcome = try report { () throws(WorkspaceError) in try ws.suppliers.importSupplierStatus(path: file, displayName: name) }
            let r = outcome.record
            if outcome.alreadyImported {
                return print("\(name) is already imported as #\(r.id) (\(r.rowCount) facts, sha256 \(r.sha256.prefix(12))); nothing changed")
            }
            print("Imported \(name) as #\(r.id): \(r.rowCount) status facts, \(r.byteCount) bytes, sha256 \(r.sha256.prefix(12))")
        }
    }

    struct ImportSBTi: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-sbti",
            abstract: "Match the register to the SBTi companies workbook; with --apply, store the SBTi facts of unambiguous matches.",
            discussion: """
                WORKBOOK is the companies download of the SBTi target dashboard (xlsx), which you download yourself: \
                Footprint never stores or ships it, only the facts derived from it, with its file name and SHA-256 as their source. \
                Suppliers are matched by LEI, then ISIN, then normalised name (docs/suppliers.md).
                """
        )
        @Argument(help: "The SBTi companies workbook (xlsx).") var workbook: String
        @Flag(name: .long, help: "Store the facts of the unambiguous matches (default: print the match report only).") var apply = false
        @Option(name: .long, help: "The date the facts were checked, YYYY-MM-DD (default: today, UTC).") var checkedOn: String?
        @Flag(name: .long, help: "Print the match report as JSON.") var json = false
        @OptionGroup var workspace: WorkspaceOption

        func validate() throws {
            if let checkedOn, !SupplierStatusReader.isDate(checkedOn) {
                throw ValidationError("--checked-on '\(checkedOn)' is not a date; expected YYYY-MM-DD")
            }
        }

        func run() throws {
            let ws = try workspace.open()
            let name = (workbook as NSString).lastPathComponent
            let plan = try report { () throws(WorkspaceError) in try ws.suppliers.planSBTiImport(path: workbook, displayName: name) }
            var outcome: ImportOutcome?
            if apply {
                outcome = try report { () throws(WorkspaceError) in try ws.suppliers.applySBTiImport(plan, checkedOn: checkedOn ?? Workspace.today())
                }
            }
            if json { return try printJSON(SBTiReport(plan, outcome)) }
            print(SBTiReport.text(plan))
            if let outcome {
                let r = outcome.record
                if outcome.alreadyImported {
                    print("\(name) is already applied as import #\(r.id) (\(r.rowCount) facts); nothing changed")
                } else {
                    print("Stored \(r.rowCount) SBTi facts as import #\(r.id) (source: \(plan.source))")
                }
            } else {
                print("Nothing stored: run again with --apply to store the SBTi facts of the \(plan.matched.count) matches.")
            }
        }
    }

    struct Assess: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assess",
            abstract: "Score every supplier against the assessment criteria: score, tier, and each criterion's points."
        )
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var criteria: CriteriaOption
        @Flag(name: .long, help: "Only strategic suppliers.") var strategic = false
        @Flag(name: .long, help: "Print JSON (every criterion's points and reason).") var json = false

        func run() throws {
            let ws = try workspace.open()
            let rules = try criteria.load()
            let overviews = try report { () throws(WorkspaceError) in try ws.suppliers.supplierOverviews(withRun: false) }.filter {
                !strategic || $0.record.strategic
            }
            // Scoring (and writing the JSON of) thousands of suppliers: the second half on another thread.
            let half = overviews.count / 2
            let json = json
            let secondHalf = overviews[half...]
            let second = Background { () throws(WorkspaceError) -> AssessedPart in
                let assessments = secondHalf.map { SupplierAssessment.assess($0.assessmentInput, criteria: rules) }
                return AssessedPart(assessments: assessments, json: json ? SupplierAssessment.renderedElements(assessments[...]) : [])
            }
            let first = overviews[..<half].map { SupplierAssessment.assess($0.assessmentInput, criteria: rules) }
            let firstJSON = json ? SupplierAssessment.renderedElements(first[...]) : []
            let rest = try reportAny { try second.value() }
            let restJSON = rest.json
            let assessments = first + rest.assessments
            CommandLogging.logger.phase("assessed \(assessments.count) suppliers")
            if json {
                defer { CommandLogging.logger.phase("printed") }
                var bytes = SupplierAssessment.renderedJSON(parts: [firstJSON, restJSON])
                bytes.append(0x0A)
                return FileHandle.standardOutput.write(Data(bytes))
            }
            guard !assessments.isEmpty else { return print("No suppliers yet: 'footprint import suppliers suppliers.csv' adds them.") }
            let hasRequirements = rules.criteria.contains { $0.required == true }
            let header = ["id", "name", "score", "tier"] + rules.criteria.map(\.id) + (hasRequirements ? ["requirements not met"] : [])
            let rows = zip(overviews, assessments).map { o, a in
                [a.supplier, o.record.name, formatScore(a.score), a.tier] + a.results.map { SupplierAssessment.fmtPoints($0) }
                    + (hasRequirements ? [a.requirementsNotMet.joined(separator: ", ")] : [])
            }
            printTable(header, rows)
            let counts = Dictionary(grouping: assessments, by: \.tier).mapValues(\.count)
            let unmet = assessments.filter { !$0.meetsRequirements }.count
            print(
                "Tiers: " + rules.tiers.map { "\($0.name) \(counts[$0.name] ?? 0)" }.joined(separator: ", ")
                    + (hasRequirements ? "; \(unmet) supplier\(unmet == 1 ? "" : "s") not meeting every requirement" : "")
                    + ". 'footprint suppliers show ID' gives each criterion's reason."
            )
        }
    }
}

/// Assessments of a share of the suppliers, and their JSON elements when asked for.
struct AssessedPart: Sendable {
    var assessments: [SupplierAssessment]
    var json: [UInt8]
}

extension SupplierAssessment {
    /// `12/15`, or `n/a` for a criterion left out of the maximum.
    static func fmtPoints(_ r: Result) -> String {
        r.counted ? "\(fmt(r.points))/\(fmt(r.weight))" : "n/a"
    }

    static func fmt(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x) }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
