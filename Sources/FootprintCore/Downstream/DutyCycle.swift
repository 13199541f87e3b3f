/// The power of a piece of equipment over time: one power and its hours (`power_w` with hours), or a
/// duty cycle of modes, each with its power and hours (active, idle, sleep, off: an ENERGY STAR typical
/// energy consumption is such a sum). kWh = Σ watts × hours / 1000.
public struct DutyCycle: Sendable, Hashable {
    /// The modes a duty cycle names: the columns `<mode>_w` and `<mode>_hours` (or `_hours_per_year`).
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case active, idle, sleep, off
    }

    /// One mode's power and hours; `mode` nil for a single power (`power_w`).
    public struct Part: Sendable, Hashable {
        public var mode: Mode?
        public var watts: Double
        public var hours: Double

        public init(mode: Mode?, watts: Double, hours: Double) {
            self.mode = mode
            self.watts = watts
            self.hours = hours
        }
    }

    public var parts: [Part]

    public init(_ parts: [Part]) { self.parts = parts }

    /// One power for all the hours.
    public init(watts: Double, hours: Double) { self.init([Part(mode: nil, watts: watts, hours: hours)]) }

    /// The hours of all the modes.
    public var hours: Double { parts.reduce(0) { $0 + $1.hours } }

    /// Σ watts × hours / 1000.
    public var kwh: Double { parts.reduce(0) { $0 + $1.watts * $1.hours } / 1000 }

    /// `150 W × 8760 h`, or `(40 W × 2000 h active + 15 W × 4000 h idle + 1 W × 2760 h off)`.
    public var text: String {
        let terms = parts.map { p in
            "\(p.watts.downstreamText) W × \(p.hours.downstreamText) h" + (p.mode.map { " \($0.rawValue)" } ?? "")
        }
        return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " + ") + ")"
    }
}
