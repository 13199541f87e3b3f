extension ChangeAttribution {
    /// The parts in their order, as the JSON and the text name them.
    public static let partNames = ["activity", "method switch", "figures"]

    /// nano-kg as an exact decimal number of kg: `-234.9125` (no trailing zeros, no exponent).
    public static func exactKg(_ nano: Int128) -> String {
        let magnitude = nano.magnitude
        let whole = magnitude / 1_000_000_000
        var fraction = String(magnitude % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return (nano < 0 ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `+12.3` or `-4.5` t.
    public static func signedTonnes(_ nano: Int128) -> String {
        let kg = Double(nano) / 1e9
        return (nano < 0 ? "-" : "+") + InventorySummary.tonnes(abs(kg))
    }

    /// `280 lines spend-based (purchaser price, ...) -> hybrid (...)`, the largest moves first.
    public static func switchText(_ switches: [MethodSwitch: Switched]) -> String {
        switches.sorted { ($0.value.lines, $1.key) > ($1.value.lines, $0.key) }
            .map { "\($0.value.lines) line\($0.value.lines == 1 ? "" : "s") \($0.key.from.label) -> \($0.key.to.label)" }
            .joined(separator: "; ")
    }

    /// One sentence per supplier whose change is mostly a method switch: the change, the switch and
    /// which lines moved, largest change first; at most `limit` suppliers. (The total's is in `summary`.)
    public func methodSwitchNotes(limit: Int = .max) -> [String] {
        suppliers.filter(\.parts.isMostlyMethodSwitch).prefix(limit).map { c in
            "\(c.key): \(Self.signedTonnes(c.delta)) t, of which \(Self.signedTonnes(c.parts.methodSwitch)) t is a method switch "
                + "(\(Self.switchText(c.switches))), not a change in emissions"
        }
    }

    /// `Of which: activity +0.0 t, method switch -42.3 t, figures +0.0 t (mostly a method switch, ...)`:
    /// the total's parts in their order.
    public var summary: String {
        let p = total.parts
        return "Of which: activity \(Self.signedTonnes(p.activity)) t, method switch \(Self.signedTonnes(p.methodSwitch)) t, "
            + "figures \(Self.signedTonnes(p.figures)) t"
            + (p.isMostlyMethodSwitch ? " (mostly a method switch, not a change in emissions)" : "")
    }

    /// The parts as a table: the total, then the suppliers that changed (at most `limit`), each with
    /// kg before and after, the change and its three parts; then the notes on method switches.
    public func text(limit: Int = .max) -> String {
        let shown = suppliers.prefix(limit)
        let rows = [total].map { row($0, "(total)") } + shown.map { row($0, $0.key) }
        var out =
            "What changed, in parts (activity, then method switch, then figures; \(suppliers.count) supplier\(suppliers.count == 1 ? "" : "s") changed)\n"
        out += InventorySummary.table(["supplier", "t before", "t after", "change", "activity", "method switch", "figures", "lines"], rows)
        let notes = methodSwitchNotes(limit: limit)
        if !notes.isEmpty { out += "Mostly a method switch:\n" + notes.map { "  - \($0)\n" }.joined() }
        return out
    }

    private func row(_ c: Change, _ name: String) -> [String] {
        var lines: [String] = []
        if c.linesAdded > 0 { lines.append("+\(c.linesAdded) added") }
        if c.linesRemoved > 0 { lines.append("-\(c.linesRemoved) removed") }
        if c.linesSwitched > 0 { lines.append("\(c.linesSwitched) switched method") }
        return [
            name, InventorySummary.tonnes(Double(c.before) / 1e9), InventorySummary.tonnes(Double(c.after) / 1e9), Self.signedTonnes(c.delta),
            Self.signedTonnes(c.parts.activity), Self.signedTonnes(c.parts.methodSwitch), Self.signedTonnes(c.parts.figures),
            lines.joined(separator: ", "),
        ]
    }

    /// The JSON form: the order of the parts, the total and every supplier that changed (at most
    /// `limit`), kg as exact decimals that sum exactly.
    public func json(limit: Int = .max) -> JSONValue {
        .object([
            ("order", .array(["activity", "method_switch", "figures"].map { .string($0) })),
            ("total", Self.json(total)),
            ("suppliers", .array(suppliers.prefix(limit).map { Self.json($0) })),
        ])
    }

    static func json(_ c: Change) -> JSONValue {
        .object([
            ("key", .string(c.key)),
            ("kgco2e_before", .decimal(exactKg(c.before))),
            ("kgco2e_after", .decimal(exactKg(c.after))),
            ("delta_kgco2e", .decimal(exactKg(c.delta))),
            ("activity_kgco2e", .decimal(exactKg(c.parts.activity))),
            ("method_switch_kgco2e", .decimal(exactKg(c.parts.methodSwitch))),
            ("figures_kgco2e", .decimal(exactKg(c.parts.figures))),
            ("mostly_method_switch", .bool(c.parts.isMostlyMethodSwitch)),
            ("lines_added", .integer(c.linesAdded)),
            ("lines_removed", .integer(c.linesRemoved)),
            ("lines_switched", .integer(c.linesSwitched)),
            (
                "method_switches",
                .array(
                    c.switches.sortedByKey().map { move, switched in
                        .object([
                            ("from", .string(move.from.method.name)), ("from_boundary", .string(move.from.label)),
                            ("to", .string(move.to.method.name)), ("to_boundary", .string(move.to.label)),
                            ("lines", .integer(switched.lines)), ("kgco2e", .decimal(exactKg(switched.nanoKg))),
                        ])
                    }
                )
            ),
        ])
    }
}
