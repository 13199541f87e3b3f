/// A supplier's disclosed emissions for one reporting year (tonnes CO2e) and its revenue.
public struct SupplierDisclosure: Sendable, Hashable {
    public var supplier: String
    public var year: Int
    public var scope1Tonnes: Double
    public var scope2Tonnes: Double
    public var scope3UpstreamTonnes: Double
    public var revenue: Double
    public var currency: CurrencyCode
    public var location: SourceLocation?
    /// The Scope 3 categories the disclosure covers (1...15), as the supplier states them; nil when the
    /// file does not say (then a Scope 3 figure above zero counts as its upstream categories).
    public var scope3Categories: Set<Int>?
    /// The basis of `scope2Tonnes` as the supplier reports it (`market` or `location`); nil when not stated.
    public var scope2Basis: Scope2Basis?
    /// The level of independent assurance of the disclosed figures; nil when not stated.
    public var assurance: Assurance?
    /// Where the figures are published (a report's title or address); nil when not stated.
    public var sourceDocument: String?

    /// For emissions the supplier allocates to the company (a CDP supply chain allocation, or a
    /// statement in its columns: supplier_allocations.csv): what was allocated and how. The
    /// disclosure's `revenue` is then the allocation's basis (what the company bought from the supplier
    /// in the year, in `currency`), and its scopes are 0: `kgPerCurrencyUnit` is the allocated tonnes
    /// per that amount. Nil for a company-wide disclosure.
    public var allocation: Allocation?

    public struct Allocation: Sendable, Hashable {
        /// tonnes CO2e allocated to the company for the year.
        public var tonnes: Double
        /// The scopes of the supplier the allocation covers (1, 2, 3).
        public var scopes: Set<Int>
        /// How the supplier allocated (CDP's allocation method; `revenue` is the key the lines are spread by).
        public var method: String
        public var requestingMember: String?
        public var uncertaintyPercent: String?
        public var majorSources: String?
        public var verified: Bool?
        public var explanation: String?

        public init(tonnes: Double, scopes: Set<Int>, method: String = "revenue") {
            self.tonnes = tonnes
            self.scopes = scopes
            self.method = method
        }
    }

    public enum Scope2Basis: String, Sendable, Hashable, CaseIterable {
        case market, location
    }

    /// ISAE 3000 / ISAE 3410 levels of assurance.
    public enum Assurance: String, Sendable, Hashable, CaseIterable {
        case none, limited, reasonable
    }

    public init(
        supplier: String,
        year: Int,
        scope1Tonnes: Double,
        scope2Tonnes: Double,
        scope3UpstreamTonnes: Double,
        revenue: Double,
        currency: CurrencyCode,
        location: SourceLocation? = nil
    ) {
        self.supplier = supplier
        self.year = year
        self.scope1Tonnes = scope1Tonnes
        self.scope2Tonnes = scope2Tonnes
        self.scope3UpstreamTonnes = scope3UpstreamTonnes
        self.revenue = revenue
        self.currency = currency
        self.location = location
    }

    /// Emission intensity in kg CO2e per unit of `currency`:
    /// (scope1 + scope2 + scope3_upstream) x 1000 / revenue.
    /// Whether the disclosure is complete enough for the hybrid method: it reports upstream Scope 3
    /// above zero (a 0 is a scope not reported, not a supplier without suppliers), and, where it states
    /// its Scope 3 categories, Category 1 among them: the goods and services the supplier buys to make
    /// what it sells us. Scopes 1 and 2 with travel or commuting alone would understate its lines 20 to
    /// 100 times.
    public var coversUpstreamScope3: Bool {
        if let allocation { return allocation.scopes.contains(3) && (scope3Categories?.contains(1) ?? true) }
        return scope3UpstreamTonnes > 0 && (scope3Categories?.contains(1) ?? true)
    }

    /// What the file says of the disclosure's coverage and evidence, for provenance: `Scope 3 Categories
    /// 1-4, 6; limited assurance; market-based Scope 2; source: Annual report 2024`. Empty when it says nothing.
    public var evidenceText: String {
        var parts: [String] = []
        if let scope3Categories {
            parts.append(scope3Categories.isEmpty ? "no Scope 3 category" : "Scope 3 Categories \(Self.rangesText(scope3Categories))")
        }
        if let assurance { parts.append(assurance == .none ? "no assurance" : "\(assurance.rawValue) assurance") }
        if let scope2Basis { parts.append("\(scope2Basis.rawValue)-based Scope 2") }
        if let sourceDocument { parts.append("source: \(sourceDocument)") }
        return parts.joined(separator: "; ")
    }

    /// Why an incomplete disclosure (`coversUpstreamScope3` false) is not used for the hybrid method.
    public var incompletenessReason: String {
        if let allocation, !allocation.scopes.contains(3) {
            return "the allocation covers Scopes \(allocation.scopes.sorted().map(String.init).joined(separator: ", ")) only, not Scope 3"
        }
        if allocation == nil && scope3UpstreamTonnes <= 0 { return "no upstream Scope 3 reported (scope3_upstream \(scope3UpstreamTonnes))" }
        return "its Scope 3 categories (\(Self.rangesText(scope3Categories ?? []))) leave out Category 1, what the supplier buys"
    }

    /// What of the coverage decides the method, for a run's digests: empty when the file states no categories.
    public var coverageDigest: String {
        (scope3Categories.map { ":c" + $0.sorted().map(String.init).joined(separator: ",") } ?? "")
            + (allocation.map { ":a\($0.tonnes):" + $0.scopes.sorted().map(String.init).joined(separator: ",") } ?? "")
    }

    /// `1-4, 6`: categories as ranges.
    static func rangesText(_ categories: Set<Int>) -> String {
        var runs: [(first: Int, last: Int)] = []
        for c in categories.sorted() {
            if let last = runs.last?.last, c == last + 1 { runs[runs.count - 1].last = c } else { runs.append((c, c)) }
        }
        return runs.map { $0.first == $0.last ? "\($0.first)" : "\($0.first)-\($0.last)" }.joined(separator: ", ")
    }

    public var kgPerCurrencyUnit: Double {
        (allocation?.tonnes ?? (scope1Tonnes + scope2Tonnes + scope3UpstreamTonnes)) * 1000 / revenue
    }

    /// How a line's source names the figure: the disclosure's sum per revenue, or the allocation.
    public var label: String {
        guard let a = allocation else {
            return "disclosure \(supplier) \(year): (\(scope1Tonnes) + \(scope2Tonnes) + \(scope3UpstreamTonnes)) t x 1000 / \(revenue) \(currency)"
        }
        var text =
            "allocation by \(supplier) for \(year) (Scopes \(a.scopes.sorted().map(String.init).joined(separator: ", ")), by \(a.method)): "
            + "\(a.tonnes) t x 1000 / \(revenue) \(currency) bought"
        if let member = a.requestingMember { text += "; requested by \(member)" }
        if let verified = a.verified { text += verified ? "; verified" : "; not verified" }
        if let u = a.uncertaintyPercent { text += "; uncertainty \(u)%" }
        return text
    }
}
