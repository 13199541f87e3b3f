import Foundation

/// One customer's share of our emissions for a period, as we send it: by service and by our scope,
/// with the key each share was allocated by, the quantity supplied, the share resting on supplier
/// data, and the rows of the CDP supply-chain allocation table.
public struct CustomerStatement: Sendable {
    /// One service the customer used (or the purchases made for it), with its share by component.
    public struct Row: Sendable {
        /// The service's id; nil for purchases made for the customer (passed through).
        public var service: String?
        public var serviceName: String
        public var pool: String?
        /// `usage`, `revenue`, or `direct` for purchases passed through.
        public var key: String
        public var quantity: Double?
        public var unit: String?
        public var sums: ComponentSums
        /// The pool's largest sources.
        public var majorSources: [String]

        public var nanoKg: Int128 { sums.totalNanoKg }
    }

    /// A row of the CDP supply chain allocation table (CDP Climate Change questionnaire, SC1.1).
    public struct CDPRow: Sendable, Equatable {
        public var requestingMember: String
        public var scope: String
        public var allocationLevel: String
        public var allocationLevelDetail: String
        public var emissionsTonnes: Double
        public var uncertaintyPercent: Double
        public var majorSources: String
        public var verified: String
        public var allocationMethod: String
        public var quantity: String
        public var unit: String
        public var explanation: String
    }

    public var customer: String
    public var customerName: String
    public var language: StatementLanguage
    /// The period's label (`2024`, `FY2024/25`) and its first and last day.
    public var period: String
    public var firstDay: String
    public var lastDay: String
    /// The calculation run the figures come from, and its Scope 2 basis.
    public var runID: Int64
    public var scope2Basis: String
    public var rows: [Row]
    /// Whether our inventory's figures were verified by a third party (the statement says so).
    public var verified: Bool
    /// The electricity our equipment used at the customer's sites in the period, which the customer paid
    /// for: its own Scope 2 energy, shown apart from (never in) its share of our emissions. Nil when none.
    public var leasedEnergy: CustomerLeasedEnergy?

    public init(
        customer: String,
        customerName: String,
        language: StatementLanguage,
        period: String,
        firstDay: String,
        lastDay: String,
        runID: Int64,
        scope2Basis: String,
        rows: [Row],
        verified: Bool,
        leasedEnergy: CustomerLeasedEnergy? = nil
    ) {
        self.customer = customer
        self.customerName = customerName
        self.language = language
        self.period = period
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.runID = runID
        self.scope2Basis = scope2Basis
        self.rows = rows
        self.verified = verified
        self.leasedEnergy = leasedEnergy
    }

    /// What the energy of our equipment at the customer's sites is, in English (the HTML says it in its language).
    public static let leasedEnergyNote =
        "Electricity of our equipment at your sites, which you paid for: your own Scope 2 energy (apply your grid or contract "
        + "factors); not a share of our emissions and not in the total above (we report its emissions as our Scope 3 Category 13)"

    public var totalNanoKg: Int128 { rows.reduce(0) { $0 + $1.nanoKg } }

    /// The customer's share by our scope (1, 2, 3), nano-kg.
    public var byScope: [Int: Int128] {
        var result: [Int: Int128] = [:]
        for row in rows { for (c, nano) in row.sums { result[c.scope, default: 0] += nano } }
        return result
    }

    /// The share of the customer's emissions that rests on supplier data (0...1).
    public var supplierDataShare: Double {
        var sums: ComponentSums = [:]
        for row in rows { sums.add(row.sums) }
        let total = sums.totalNanoKg
        return total == 0 ? 0 : Double(sums.supplierDataNanoKg) / Double(total)
    }

    /// The uncertainty of `sums` in percent: each source's default uncertainty
    /// (`EmissionComponent.Source.uncertaintyPercent`) combined as independent errors (root of the
    /// sum of squares of the absolute uncertainties), relative to the total.
    public static func uncertaintyPercent(_ sums: ComponentSums) -> Double {
        let total = Double(sums.totalNanoKg)
        guard total != 0 else { return 0 }
        var squares = 0.0
        for (component, nano) in sums {
            let absolute = Double(nano) * component.source.uncertaintyPercent / 100
            squares += absolute * absolute
        }
        return (squares.squareRoot() / abs(total) * 1000).rounded() / 10
    }

    /// The CDP rows: one per service (or passed-through purchases) and scope with emissions.
    public var cdpRows: [CDPRow] {
        var result: [CDPRow] = []
        for row in rows {
            var byScope: [Int: ComponentSums] = [:]
            for (c, nano) in row.sums { byScope[c.scope, default: [:]][c, default: 0] += nano }
            for scope in byScope.keys.sorted() {
                let sums = byScope[scope]!
                let method: String
                let explanation: String
                switch row.key {
                case "usage":
                    method = "Allocation based on the volume of products purchased"
                    explanation =
                        "The emissions of the \(row.serviceName) platform (pool \(row.pool ?? "")) shared by your usage in \(row.unit ?? "units") against all customers' usage and the platform's unsold capacity; from calculation run #\(runID)."
                case "revenue":
                    method = "Allocation based on the market value of products purchased"
                    explanation =
                        "The emissions of the \(row.serviceName) platform (pool \(row.pool ?? "")) shared by your revenue against all customers' revenue for the service; from calculation run #\(runID)."
                default:
                    method = "Allocation not necessary due to the type of primary data available"
                    explanation =
                        "Purchases we made for you alone (ledger lines carrying your customer id), passed through whole; from calculation run #\(runID)."
                }
                result.append(
                    CDPRow(
                        requestingMember: customerName,
                        scope: "Scope \(scope)",
                        allocationLevel: row.service == nil ? "Company wide" : "Product or service",
                        allocationLevelDetail: row.serviceName,
                        emissionsTonnes: Double(sums.totalNanoKg) / 1e12,
                        uncertaintyPercent: Self.uncertaintyPercent(sums),
                        majorSources: row.majorSources.prefix(3).joined(separator: "; "),
                        verified: verified ? "Yes" : "No",
                        allocationMethod: method,
                        quantity: row.quantity.map { ServiceQuantity.text($0) } ?? "",
                        unit: row.unit ?? "",
                        explanation: explanation
                    )
                )
            }
        }
        return result
    }
}

/// Quantities of a service as statements print them: up to six decimals, no trailing zeros.
public enum ServiceQuantity {
    public static func text(_ value: Double) -> String {
        var s = String(format: "%.6f", value)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
