import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

extension Footprint.Engagement {
    /// `footprint engagement requests`: data requests to suppliers.
    struct Requests: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "requests",
            abstract:
                "Data requests to suppliers: add, list, update their status, record typed answers (energy, take-back), and the reminders due (docs/suppliers.md).",
            subcommands: [Add.self, List.self, Update.self, Answer.self, Reminders.self],
            defaultSubcommand: List.self
        )
    }
}

extension EngagementRequest.Kind: ExpressibleByArgument {}
extension EngagementRequest.Status: ExpressibleByArgument {}

/// A request as `requests ... --json` prints it: the request, its events, and the computed status.
struct RequestItem: Encodable {
    var request: EngagementRequest
    var status: String
    var overdue: Bool
    var reminderDue: Bool
    var lastReminder: String?
    var pactEventID: String?

    enum CodingKeys: String, CodingKey {
        case id, supplier, kind, ask, product, channel, events, status, overdue
        case requestedOn = "requested_on"
        case dueOn = "due_on"
        case reminderDue = "reminder_due"
        case lastReminder = "last_reminder"
        case pactEventID = "pact_event_id"
    }

    init(_ r: EngagementRequest, asOf: String) {
        request = r
        status = r.status.rawValue
        overdue = r.isOverdue(asOf: asOf)
        reminderDue = r.reminderDue(asOf: asOf)
        lastReminder = r.lastReminder
        pactEventID = r.pactEventID
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(request.id, forKey: .id)
        try c.encode(request.supplier, forKey: .supplier)
        try c.encode(request.kind, forKey: .kind)
        try c.encode(request.ask, forKey: .ask)
        try c.encodeIfPresent(request.product, forKey: .product)
        try c.encode(request.channel, forKey: .channel)
        try c.encode(request.requestedOn, forKey: .requestedOn)
        try c.encode(request.dueOn, forKey: .dueOn)
        try c.encode(status, forKey: .status)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(reminderDue, forKey: .reminderDue)
        try c.encodeIfPresent(lastReminder, forKey: .lastReminder)
        try c.encodeIfPresent(pactEventID, forKey: .pactEventID)
        try c.encode(request.events, forKey: .events)
    }

    /// `#3 SUP-0002 pcf "product footprints" requested 2026-01-05, due 2026-03-31 (pact): overdue`
    var text: String {
        let r = request
        var line = "#\(r.id) \(r.supplier) \(r.kind.rawValue) \"\(r.ask)\"" + (r.product.map { " [\($0)]" } ?? "")
        line += " requested \(r.requestedOn), due \(r.dueOn) (\(r.channel.rawValue)): \(overdue ? "overdue" : status)"
        if let lastReminder { line += ", reminded \(lastReminder)" }
        if let last = r.events.last, last.kind.status != nil, last.kind != .requested || r.events.count > 1 {
            line += " [\(last.kind.rawValue) \(last.on)\(last.note.map { ": \($0)" } ?? "")]"
        }
        for e in r.events { if let answer = e.answer { line += "\n    answer \(e.on) \(answer.kind.rawValue) \(answer.summary)" } }
        return line
    }
}

/// `--as-of DATE`, shared by the commands that judge due dates.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: "The date to judge due dates by, YYYY-MM-DD (default: today, UTC).") var asOf: String?

    func validate() throws {
        if let asOf, !CivilDate.isValid(asOf) { throw ValidationError("--as-of '\(asOf)' is not a date; expected YYYY-MM-DD") }
    }

    var date: String { asOf ?? Workspace.today() }
}

extension Footprint.Engagement.Requests {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a data request to a supplier.",
            discussion:
                "A supplier whose newest PACT status fact says it has a PACT host gets the request on the pact channel, for the PACT module to send."
        )
        @Argument(help: "The supplier's id.") var supplier: String
        @Option(name: .long, help: "What is asked for, in words.") var ask: String
        @Option(name: .long, help: "The date it is due, YYYY-MM-DD.") var due: String
        @Option(name: .long, help: "pcf, disclosure, energy, take-back or other (default: other).") var kind: EngagementRequest.Kind = .other
        @Option(name: .long, help: "The product the request is about (a PACT product id URN).") var product: String?
        @Option(name: .long, help: "The date it was asked, YYYY-MM-DD (default: today, UTC).") var on: String?
        @Option(name: .long, help: "A note kept with the request.") var note: String?
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let ws = try workspace.open()
            let r = try report { () throws(WorkspaceError) in
                try ws.suppliers.addEngagementRequest(
                    supplier: supplier,
                    kind: kind,
                    ask: ask,
                    dueOn: due,
                    product: product,
                    requestedOn: on,
                    note: note
                )
            }
            let item = RequestItem(r, asOf: Workspace.today())
            if json { return try printJSON(item) }
            print("Recorded request \(item.text)")
            if r.channel == .pact { print("The supplier has a PACT host: the request is for the PACT module to send as a RequestCreated event.") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List data requests with their status (requested, received, declined, overdue)."
        )
        @Option(name: .long, help: "Only requests to this supplier.") var supplier: String?
        @Option(name: .long, help: "Only requests in this status: requested, received, declined or overdue.") var status: String?
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func validate() throws {
            if let status, EngagementRequest.Status(rawValue: status) == nil && status != "overdue" {
                throw ValidationError("--status '\(status)' is not one of requested, received, declined, overdue")
            }
        }

        func run() throws {
            let ws = try workspace.open()
            let date = asOf.date
            let items = try report { () throws(WorkspaceError) in try ws.suppliers.engagementRequests(supplier: supplier) }.map {
                RequestItem($0, asOf: date)
            }.filter { i in
                switch status {
                case nil: true
                case "overdue": i.overdue
                case let s?: i.status == s && !(s == "requested" && i.overdue)
                }
            }
            if json { return try printJSON(items) }
            guard !items.isEmpty else {
                return print(
                    "No requests\(status.map { " \($0)" } ?? ""): 'footprint engagement requests add SUPPLIER --ask ... --due DATE' records one."
                )
            }
            for i in items { print(i.text) }
            let overdue = items.filter(\.overdue).count
            print("\(items.count) request\(items.count == 1 ? "" : "s"), \(overdue) overdue as of \(date).")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Record a request's new status (received, declined, or requested again); the history keeps every change."
        )
        @Argument(help: "The request's id.") var id: Int64
        @Option(name: .long, help: "received, declined or requested.") var status: EngagementRequest.Status
        @Option(name: .long, help: "A note kept with the change.") var note: String?
        @Option(name: .long, help: "The date of the change, YYYY-MM-DD (default: today, UTC).") var on: String?
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let ws = try workspace.open()
            let r = try report { () throws(WorkspaceError) in try ws.suppliers.updateEngagementRequest(id: id, status: status, on: on, note: note) }
            let item = RequestItem(r, asOf: Workspace.today())
            if json { return try printJSON(item) }
            print("Updated request \(item.text)")
        }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "answer",
            abstract: "Record a supplier's typed answer to an energy or take-back request (marks it received).",
            discussion: """
                Energy: --year, --electricity-kwh, --renewable-percent, --other-energy-kwh, and for a product --product with \
                --typical-power-w and --lifetime-years. Take-back: --year, --units-returned and/or --kg-returned, and the shares of \
                all returned: --reused-percent, --refurbished-percent, --recycled-percent, --residual-percent (0-100, together at most 100).
                """
        )
        @Argument(help: "The request's id (of kind energy or take-back).") var id: Int64
        @Option(name: .long, help: "The reporting year the figures are for.") var year: Int
        @Option(name: .customLong("electricity-kwh"), help: "Energy: electricity used, kWh.") var electricityKWh: String?
        @Option(name: .long, help: "Energy: the share of that electricity from renewable sources, percent.") var renewablePercent: String?
        @Option(name: .customLong("other-energy-kwh"), help: "Energy: other energy (fuels, district heating), kWh (default 0).") var otherEnergyKWh:
            String?
        @Option(name: .long, help: "Energy: the product the use-phase figures are for (default: the request's product).") var product: String?
        @Option(name: .customLong("typical-power-w"), help: "Energy: the product's typical power in use, watts.") var typicalPowerW: String?
        @Option(name: .long, help: "Energy: the product's lifetime, years.") var lifetimeYears: String?
        @Option(name: .long, help: "Take-back: units returned.") var unitsReturned: String?
        @Option(name: .long, help: "Take-back: kg returned.") var kgReturned: String?
        @Option(name: .long, help: "Take-back: share of all returned that was reused, percent.") var reusedPercent: String?
        @Option(name: .long, help: "Take-back: share refurbished, percent.") var refurbishedPercent: String?
        @Option(name: .long, help: "Take-back: share recycled, percent.") var recycledPercent: String?
        @Option(name: .long, help: "Take-back: share left as residual waste, percent.") var residualPercent: String?
        @Option(name: .long, help: "A note kept with the answer.") var note: String?
        @Option(name: .long, help: "The date it was received, YYYY-MM-DD (default: today, UTC).") var on: String?
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let ws = try workspace.open()
            let request = try report { () throws(WorkspaceError) in try ws.suppliers.engagementRequest(id: id) }
            let answer: EngagementAnswer
            switch request.kind {
            case .energy:
                guard let electricityKWh, let renewablePercent else {
                    throw ValidationError("an energy answer needs --electricity-kwh and --renewable-percent")
                }
                answer = .energy(
                    EnergyAnswer(
                        year: year,
                        electricityKWh: electricityKWh,
                        renewablePercent: renewablePercent,
                        otherEnergyKWh: otherEnergyKWh ?? "0",
                        product: product ?? ((typicalPowerW ?? lifetimeYears) == nil ? nil : request.product),
                        typicalPowerW: typicalPowerW,
                        lifetimeYears: lifetimeYears
                    )
                )
            case .takeBack:
                answer = .takeBack(
                    TakeBackAnswer(
                        year: year,
                        unitsReturned: unitsReturned,
                        kgReturned: kgReturned,
                        reusedPercent: reusedPercent,
                        refurbishedPercent: refurbishedPercent,
                        recycledPercent: recycledPercent,
                        residualPercent: residualPercent
                    )
                )
            default:
                throw failure(
                    "request #\(id) asks for \(request.kind.rawValue) data; typed answers are for energy and take-back requests (record others with 'footprint engagement requests update \(id) --status received')"
                )
            }
            let r = try report { () throws(WorkspaceError) in try ws.suppliers.answerEngagementRequest(id: id, answer: answer, on: on, note: note) }
            let item = RequestItem(r, asOf: Workspace.today())
            if json { return try printJSON(item) }
            print("Recorded the answer to request \(item.text)")
        }
    }

    struct Reminders: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reminders",
            abstract:
                "The requests a reminder is due for (due within 14 days or overdue, no reminder in the last 7 days); records that they were reminded."
        )
        @OptionGroup var asOf: AsOfOption
        @Flag(name: .long, help: "List the reminders due without recording them.") var dryRun = false
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let ws = try workspace.open()
            let date = asOf.date
            let due = try report { () throws(WorkspaceError) in try ws.suppliers.engagementReminders(asOf: date, record: !dryRun) }
            // The reminder just recorded must not hide the request from its own listing.
            let items = due.map { RequestItem($0, asOf: date) }
            if json { return try printJSON(items) }
            guard !items.isEmpty else { return print("No reminders due on \(date).") }
            for i in items {
                let r = i.request
                print(
                    "remind \(r.supplier) (\(r.channel.rawValue)\(ws.contactText(r.supplier))): #\(r.id) \"\(r.ask)\", due \(r.dueOn)\(i.overdue ? ", overdue" : "")"
                )
            }
            print(
                dryRun
                    ? "\(items.count) reminders due on \(date); nothing recorded (--dry-run)."
                    : "\(items.count) reminders due on \(date), recorded: the next for each is due 7 days later."
            )
        }
    }
}

extension Workspace {
    /// `, Kari <kari@x.no>` for a supplier with a contact in the register.
    func contactText(_ supplier: String) -> String {
        guard let r = try? suppliers.supplierRegister().first(where: { $0.id == supplier }) else { return "" }
        let contact = [r.contactName, r.contactEmail.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")
        return contact.isEmpty ? "" : ", \(contact)"
    }
}
