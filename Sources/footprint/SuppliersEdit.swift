import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

/// The register fields `suppliers add` and `edit` take.
struct RegisterFieldOptions: ParsableArguments {
    @Option(name: .long, help: "The supplier's name.") var name: String?
    @Option(name: .long, help: "ISO 3166 alpha-2 country code, such as NO.") var country: String?
    @Option(name: .long, help: "National organisation number (Norway, country NO: 9 digits with a modulus-11 check digit).") var orgNumber: String?
    @Option(name: .long, help: "VAT number.") var vat: String?
    @Option(name: .long, help: "Legal Entity Identifier: 20 characters with ISO 17442 check digits.") var lei: String?
    @Option(name: .long, help: "D-U-N-S number, 9 digits.") var duns: String?
    @Option(name: .long, help: "ISIN, 12 characters.") var isin: String?
    @Option(name: .long, help: "PACT companyIds, ';'-separated.") var pactCompanyId: String?
    @Option(name: .long, help: "Who to ask for data.") var contactName: String?
    @Option(name: .long, help: "Their e-mail address.") var contactEmail: String?
    @Option(name: .long, help: "What is bought, ';'-separated.") var category: String?
    @Flag(inversion: .prefixedNo, help: "Strategic supplier (--strategic) or not (--no-strategic).") var strategic: Bool?
    @Option(name: .long, help: "Free-text notes.") var notes: String?
    @Option(name: .long, help: "The parent company: another supplier of the register, by id (its SBTi status is inherited when this one has none).")
    var parent: String?
    @Option(name: .long, help: "A link to the supplier's entry in a company register (https://...).") var companyRegister: String?
    @Option(name: .long, help: "Why the register changes, kept with the change.") var reason: String?

    /// `record` with the options given applied (text trimmed; LEI and ISIN upper-cased; empty text clears a field).
    func apply(to record: SupplierRecord) -> SupplierRecord {
        var r = record
        func value(_ text: String?, _ current: String?) -> String? {
            guard let text else { return current }
            let t = text.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        if let name { r.name = name.trimmingCharacters(in: .whitespaces) }
        r.country = value(country, r.country)?.uppercased()
        r.identifiers.orgNumber = value(orgNumber, r.identifiers.orgNumber).map(IdentifierCheck.normalizedOrgNumber)
        r.identifiers.vat = value(vat, r.identifiers.vat)
        r.identifiers.lei = value(lei, r.identifiers.lei)?.uppercased()
        r.identifiers.duns = value(duns, r.identifiers.duns)?.filter { $0 != "-" }
        r.identifiers.isin = value(isin, r.identifiers.isin)?.uppercased()
        if let pactCompanyId { r.identifiers.pactCompanyIDs = SupplierRegisterList.split(pactCompanyId) }
        r.contactName = value(contactName, r.contactName)
        r.contactEmail = value(contactEmail, r.contactEmail)
        if let category { r.categories = SupplierRegisterList.split(category) }
        if let strategic { r.strategic = strategic }
        r.notes = value(notes, r.notes)
        r.parent = value(parent, r.parent)
        r.companyRegister = value(companyRegister, r.companyRegister)
        return r
    }
}

enum SupplierRegisterList {
    static func split(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A register change, as `suppliers add --json` and `edit --json` print it.
struct RegisterVersionReport: Encodable {
    var importID: Int64
    var kind: String
    var source: String
    var at: String
    var supplier: SupplierRecord
    var changes: [RegisterChange]
    var reason: String?
    enum CodingKeys: String, CodingKey {
        case kind, source, at, supplier, changes, reason
        case importID = "import_id"
    }

    init(_ v: RegisterVersion) {
        importID = v.importID
        kind = v.kind.rawValue
        source = v.source
        at = v.at
        supplier = v.record
        changes = v.changes
        reason = v.reason
    }

    var text: String {
        (["#\(importID) \(at) \(source)" + (reason.map { " (\($0))" } ?? "")]
            + changes.map { "  \($0.field): \($0.from ?? "(empty)") -> \($0.to ?? "(empty)")" }).joined(separator: "\n")
    }
}

extension Footprint.Suppliers {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a supplier to the register (recorded as a register import; identifiers checked)."
        )
        @Argument(help: "The supplier's id, as purchases name it.") var id: String
        @OptionGroup var fields: RegisterFieldOptions
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func validate() throws {
            if fields.name == nil { throw ValidationError("give the supplier's --name") }
        }

        func run() throws {
            let ws = try workspace.open()
            let record = fields.apply(to: SupplierRecord(id: id.trimmingCharacters(in: .whitespaces), name: ""))
            let version = try report { () throws(WorkspaceError) in try ws.suppliers.addSupplier(record, reason: fields.reason) }
            if json { return try printJSON(RegisterVersionReport(version)) }
            print("Added supplier \(record.id) as register import #\(version.importID):\n" + RegisterVersionReport(version).text)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change fields of a supplier in the register (recorded as a register import with each field's old and new value).",
            discussion: "An empty value clears a field: --notes ''. 'footprint suppliers history ID' lists every version."
        )
        @Argument(help: "The supplier's id.") var id: String
        @OptionGroup var fields: RegisterFieldOptions
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let ws = try workspace.open()
            let fields = self.fields
            let version = try report { () throws(WorkspaceError) in
                try ws.suppliers.editSupplier(id: id, reason: fields.reason) { fields.apply(to: $0) }
            }
            guard let version else {
                if json { return print("null") }
                return print("Nothing changed: supplier \(id) already has these values.")
            }
            if json { return try printJSON(RegisterVersionReport(version)) }
            print("Changed supplier \(id) as register import #\(version.importID):\n" + RegisterVersionReport(version).text)
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Every version of a supplier in the register: which import or edit, when, what changed."
        )
        @Argument(help: "The supplier's id.") var id: String
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let ws = try workspace.open()
            let versions = try report { () throws(WorkspaceError) in try ws.suppliers.registerHistory(supplier: id) }
            if json { return try printJSON(versions.map(RegisterVersionReport.init)) }
            guard !versions.isEmpty else {
                throw failure("there is no supplier '\(id)' in the register; 'footprint suppliers list' lists them")
            }
            print(versions.map { RegisterVersionReport($0).text }.joined(separator: "\n"))
        }
    }
}
