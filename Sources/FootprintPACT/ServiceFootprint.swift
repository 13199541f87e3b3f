public import FootprintCore
import Foundation

/// A customer's footprint of one service for one period: its share of the service's pools
/// (the allocation) per PACT declared unit of what it used. With a usage key every customer of a
/// service gets the same intensity; with revenue it differs by price, so the footprint is made per
/// customer and service and shared with that customer alone.
public struct ServiceFootprint: Sendable {
    /// Who publishes: the company's name and PACT `companyIds`, and the slug that makes our product ids.
    public struct Publisher: Sendable {
        public var name: String
        public var companyIDs: [String]

        public init(name: String, companyIDs: [String]) {
            self.name = name
            self.companyIDs = companyIDs
        }

        /// `fjellvind-it-as` for "Fjellvind IT AS": lower-case letters and digits, runs of anything else one dash.
        public var slug: String {
            var out = ""
            for scalar in name.lowercased().unicodeScalars {
                let c = Character(scalar)
                if c.isASCII && (c.isLetter || c.isNumber) {
                    out.append(c)
                } else if !out.isEmpty && out.last != "-" {
                    out.append("-")
                }
            }
            while out.last == "-" { out.removeLast() }
            return out.isEmpty ? "company" : out
        }

        /// The PACT product id of service `id`: `urn:pact:<slug>:product-id:<service>`.
        public func productID(service id: String) -> String {
            let safe = id.unicodeScalars.map { c -> String in
                let ch = Character(c)
                return ch.isASCII && (ch.isLetter || ch.isNumber || "-._".contains(ch)) ? String(ch) : "_"
            }.joined()
            return "urn:pact:\(slug):product-id:\(safe)"
        }
    }

    public var customer: String
    public var customerName: String
    public var service: Service
    public var period: ReportingPeriod
    /// The customer's share of the service's pools, exact nano-kg by component.
    public var sums: ComponentSums
    /// What the customer used over the period, in the service's unit.
    public var quantity: Double
    /// The keys the service's pools were shared by (usage, revenue).
    public var keys: [String]
    public var pools: [String]
    public var runID: Int64
    /// How the footprint counts hardware: in full in the year of purchase (as the inventory does), or
    /// spread over its service life.
    public var capitalGoodsNote = "Capital goods are counted in full in the year of purchase, as in the corporate inventory."

    public init(
        customer: String,
        customerName: String,
        service: Service,
        period: ReportingPeriod,
        sums: ComponentSums,
        quantity: Double,
        keys: [String],
        pools: [String],
        runID: Int64
    ) {
        self.customer = customer
        self.customerName = customerName
        self.service = service
        self.period = period
        self.sums = sums
        self.quantity = quantity
        self.keys = keys
        self.pools = pools
        self.runID = runID
    }

    /// The end of the reference period (exclusive): the first day after the period, when the footprint is valid from.
    public var referencePeriodEnd: PACTDateTime {
        PACTDateTime(PACTDateText.dayAfter(period.end) + "T00:00:00Z") ?? PACTDateTime(epochMilliseconds: 0)
    }

    /// The quantity in PACT declared units (`service.pactUnit`).
    /// `units_per_pact_unit` given as a fraction (`1/2592000`) divides exactly: quantity x 2592000 / 1.
    public var declaredUnits: Double {
        let parts = service.unitsPerPACTUnitText.split(separator: "/")
        if parts.count == 2, let numerator = Double(parts[0]), let denominator = Double(parts[1]), numerator > 0 {
            return quantity * denominator / numerator
        }
        return quantity / service.unitsPerPACTUnit
    }

    /// kg CO2e per declared unit, as a PACT decimal string (nine decimals at most, no exponent).
    public var pcfText: String {
        let perUnit = declaredUnits > 0 ? Double(sums.totalNanoKg) / 1e9 / declaredUnits : 0
        return Self.decimal(max(0, perUnit), significant: 6)
    }

    /// The share of the emissions from supplier-specific or hybrid data, in percent (PACT `primaryDataShare`).
    public var primaryDataShareText: String {
        let total = sums.totalNanoKg
        return Self.decimal(total <= 0 ? 0 : Double(sums.supplierDataNanoKg) / Double(total) * 100, decimals: 1)
    }

    /// The data-quality ratings (PACT DQR, 1 best to 5): each source's ratings weighted by its share
    /// of the emissions (docs/customers.md lists the ratings per source).
    public var dataQuality: (technological: Double, geographical: Double, temporal: Double) {
        var t = 0.0
        var g = 0.0
        var p = 0.0
        var weight = 0.0
        for (component, nano) in sums where nano > 0 {
            let w = Double(nano)
            let r = Self.ratings(component.source)
            t += r.0 * w
            g += r.1 * w
            p += r.2 * w
            weight += w
        }
        guard weight > 0 else { return (3, 3, 3) }
        func round(_ x: Double) -> Double { (x / weight * 10).rounded() / 10 }
        return (round(t), round(g), round(p))
    }

    /// Technological, geographical and temporal ratings of a source: metered activity data with its
    /// own grid and fuel factors rates well on all three; a supplier's own product footprint is
    /// specific to the product and year; a hybrid intensity is the supplier's but not the product's;
    /// average-data factors are generic processes; spend factors are sector averages of another
    /// country and price year.
    static func ratings(_ source: EmissionComponent.Source) -> (Double, Double, Double) {
        switch source {
        case .activity: (2, 1, 1)
        case .supplierSpecific: (1, 2, 2)
        case .hybrid: (3, 2, 2)
        case .averageData: (3, 3, 3)
        case .spendBased: (4, 4, 3)
        }
    }

    /// The text that makes a footprint's id: what it says about the customer, service, period and
    /// figures (not when it was made), so that publishing the same figures again is recognised.
    public var identityText: String {
        let q = dataQuality
        return [
            customer, service.id, service.pactUnit, period.startText, period.endText, pcfText, ServiceQuantity.text(quantity),
            primaryDataShareText, "\(q.0)/\(q.1)/\(q.2)",
        ].joined(separator: "\u{1F}")
    }

    /// The PACT v3 footprint: one declared unit of the service, our company, the period as
    /// reference period, valid from the day after it for three years.
    public func json(id: String, publisher: Publisher, preceding: [String], created: String) -> JSONValue {
        let q = dataQuality
        let start = period.startText + "T00:00:00Z"
        let end = referencePeriodEnd.text
        let keyText = keys.isEmpty ? "usage" : keys.joined(separator: " and ")
        var members: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("specVersion", .string("3.0.3")),
        ]
        if !preceding.isEmpty { members.append(("precedingPfIds", .array(preceding.map { .string($0) }))) }
        members += [
            ("created", .string(created)),
            ("status", .string("Active")),
            ("companyName", .string(publisher.name)),
            ("companyIds", .array(publisher.companyIDs.map { .string($0) })),
            (
                "productDescription",
                .string(
                    "\(service.name) (\(service.unit)) for \(customerName), \(period.name): the customer's share of the emissions of the platform(s) \(pools.joined(separator: ", ")) by \(keyText), per \(service.pactUnit)"
                )
            ),
            ("productIds", .array([.string(publisher.productID(service: service.id))])),
            ("productNameCompany", .string(service.name)),
            (
                "comment",
                .string(
                    "Allocated from calculation run #\(runID): \(ServiceQuantity.text(quantity)) \(service.unit) used in \(period.name) (\(ServiceQuantity.text(declaredUnits)) \(service.pactUnit)); \(ChangeAttribution.exactKg(sums.totalNanoKg)) kg CO2e in total. \(capitalGoodsNote)"
                )
            ),
            (
                "pcf",
                .object([
                    ("declaredUnitOfMeasurement", .string(service.pactUnit)),
                    ("declaredUnitAmount", .string("1")),
                    ("productMassPerDeclaredUnit", .string("0")),
                    ("referencePeriodStart", .string(start)),
                    ("referencePeriodEnd", .string(end)),
                    (
                        "boundaryProcessesDescription",
                        .string(
                            "Scope 1, 2 and 3 emissions of the platform(s) that deliver the service: hardware, power, colocation, software, support and the other purchases selected for the pools, shared among customers by \(keyText) with the platforms' unsold capacity kept by the provider."
                        )
                    ),
                    ("pcfExcludingBiogenicUptake", .string(pcfText)),
                    ("pcfIncludingBiogenicUptake", .string(pcfText)),
                    ("fossilCarbonContent", .string("0")),
                    ("fossilGhgEmissions", .string(pcfText)),
                    ("ipccCharacterizationFactors", .array([.string("AR5")])),
                    ("crossSectoralStandards", .array([.string("GHGP-Product")])),
                    ("exemptedEmissionsPercent", .string("0")),
                    (
                        "allocationRulesDescription",
                        .string(
                            "Purchases made for one customer pass through to it; each platform's emissions are shared by the customers' usage in the service's unit, with unsold capacity kept by the provider; revenue only where a service has no usage (GHG Protocol Scope 3 Standard, ch. 8)."
                        )
                    ),
                    ("primaryDataShare", .string(primaryDataShareText)),
                    (
                        "dqi",
                        .object([
                            ("technologicalDQR", .string(Self.decimal(q.technological, decimals: 1))),
                            ("geographicalDQR", .string(Self.decimal(q.geographical, decimals: 1))),
                            ("temporalDQR", .string(Self.decimal(q.temporal, decimals: 1))),
                        ])
                    ),
                ])
            ),
        ]
        return .object(members)
    }

    /// A decimal string of at least `significant` significant digits (nine decimals at least, fifteen
    /// at most), no trailing zeros, no exponent.
    static func decimal(_ value: Double, significant: Int) -> String {
        guard value != 0, value.isFinite else { return "0" }
        let magnitude = Int(log10(abs(value)).rounded(.down))
        return decimal(value, decimals: min(15, max(9, significant - 1 - magnitude)))
    }

    /// A decimal string with at most `decimals` decimals, no trailing zeros, no exponent.
    static func decimal(_ value: Double, decimals: Int) -> String {
        var s = String(format: "%.\(decimals)f", value)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}

/// Dates as PACT's date-times need them.
enum PACTDateText {
    /// `YYYY-MM-DD` of the day after `day` (YYYYMMDD).
    static func dayAfter(_ day: Int32) -> String {
        var y = Int(day / 10000)
        var m = Int(day / 100 % 100)
        var d = Int(day % 100) + 1
        if d > CivilDate.daysIn(month: m, year: y) {
            d = 1
            m += 1
            if m > 12 {
                m = 1
                y += 1
            }
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
