/// Computes the activity side of the corporate inventory for a reporting period: Scope 1
/// (combustion and refrigerants), Scope 2 on both bases, Category 3 and biogenic CO2.
/// Pure: no I/O. Rules in docs/activity.md.
public enum ActivityCalculator {
    /// Throws every problem (a missing factor, a gas without a GWP, an instrument claimed twice)
    /// at its input line; nothing is computed when there is one.
    public static func calculate(_ data: ActivityData, period: ReportingPeriod) throws(ActivityError) -> ActivityInventory {
        var run = ActivityRun(data: data, period: period)
        for fuel in data.fuel { run.add(fuel) }
        for leak in data.refrigerants { run.add(leak) }
        run.checkInstruments()
        for use in data.energy { run.add(use) }
        guard run.problems.isEmpty else { throw ActivityError(problems: run.problems) }
        return ActivityInventory(period: period, lines: run.lines, exclusions: run.exclusions, coverage: run.coverage())
    }
}

/// The state of one calculation: results, exclusions and problems as rows are added.
struct ActivityRun {
    let data: ActivityData
    let period: ReportingPeriod
    let sites: [String: ActivitySite]
    let grid: GridFactorSet
    var lines: [ActivityLine] = []
    var exclusions: [ActivityExclusion] = []
    var problems: [ActivityError.Problem] = []
    /// Valid instruments' remaining kWh, by id.
    var remaining: [String: Double] = [:]
    var valid: [EnergyInstrument] = []

    init(data: ActivityData, period: ReportingPeriod) {
        self.data = data
        self.period = period
        var sites: [String: ActivitySite] = [:]
        for site in data.sites where sites[site.id] == nil { sites[site.id] = site }
        self.sites = sites
        grid = GridFactorSet(overrides: data.gridFactors)
    }

    mutating func fail(_ source: SourceLocation, _ column: String?, _ message: String) {
        problems.append(ActivityError.Problem(source: source, column: column, message: message))
    }

    /// The row's site when it is in the period and the boundary; otherwise records why not and returns nil.
    mutating func included(site id: String, day: Int32, dayText: String, at source: SourceLocation) -> ActivitySite? {
        guard period.contains(day) else {
            exclusions.append(
                ActivityExclusion(reason: .outsidePeriod, source: source, detail: "\(dayText) is outside the reporting period \(period)")
            )
            return nil
        }
        guard let site = sites[id] else {
            fail(source, "site", "unknown site '\(id)'; every site must be a row of sites.csv")
            return nil
        }
        guard site.consolidated else {
            exclusions.append(
                ActivityExclusion(
                    reason: .outsideBoundary,
                    source: source,
                    detail: "site '\(id)' is not consolidated (sites.csv line \(site.location.line))"
                )
            )
            return nil
        }
        return site
    }

    mutating func add(_ fuel: FuelUse) {
        guard included(site: fuel.site, day: fuel.date, dayText: ActivityRun.text(fuel.date), at: fuel.location) != nil else { return }
        guard let factor = FuelFactor.builtIn(fuel.fuel, fuel.unit) else {
            let units = FuelFactor.units(of: fuel.fuel).map(\.rawValue).joined(separator: ", ")
            return fail(
                fuel.location,
                "unit",
                "'\(fuel.unit.rawValue)' is not a unit DESNZ gives for \(fuel.fuel.rawValue); expected one of \(units)"
            )
        }
        let q = fuel.quantity
        var line = ActivityLine(
            source: fuel.location,
            kind: fuel.use == .mobile ? .mobileCombustion : .stationaryCombustion,
            site: fuel.site,
            activity: "\(fuel.fuel.rawValue) \(fuel.unit.rawValue)\(fuel.vehicle.map { " (vehicle \($0))" } ?? "")",
            quantity: q,
            unit: fuel.unit.rawValue
        )
        line.scope1Kg = q * factor.combustion.value
        line.fuelsWellToTankKg = q * factor.wellToTank.value
        line.biogenicKg = q * (factor.biogenic?.value ?? 0)
        line.factors.append(Self.factor("combustion", factor.combustion, year: FuelFactor.year))
        line.factors.append(Self.factor("well-to-tank", factor.wellToTank, year: FuelFactor.year))
        if let biogenic = factor.biogenic { line.factors.append(Self.factor("biogenic", biogenic, year: FuelFactor.year)) }
        lines.append(line)
    }

    mutating func add(_ leak: RefrigerantLeak) {
        guard included(site: leak.site, day: leak.date, dayText: ActivityRun.text(leak.date), at: leak.location) != nil else { return }
        guard let gwp = leak.gas.gwp(leak.gwpSet) else {
            let others = GWPSet.allCases.filter { leak.gas.gwp($0) != nil }.map(\.rawValue)
            return fail(
                leak.location,
                "gas",
                "\(leak.gas.rawValue) has no GWP-100 in \(leak.gwpSet.rawValue)"
                    + (others.isEmpty ? "" : "; set gwp_set to \(others.joined(separator: " or ")), which has one")
            )
        }
        var line = ActivityLine(
            source: leak.location,
            kind: .fugitive,
            site: leak.site,
            activity: "\(leak.gas.rawValue) (\(leak.gwpSet.rawValue))",
            quantity: leak.kg,
            unit: "kg"
        )
        line.scope1Kg = leak.kg * gwp.value
        line.factors.append(Self.factor("gwp \(leak.gwpSet.rawValue)", gwp, year: nil))
        lines.append(line)
    }

    static func factor(_ role: String, _ figure: CitedFigure, year: Int?, area: String? = nil) -> ActivityLine.Factor {
        ActivityLine.Factor(role: role, kgPerUnit: figure.value, source: figure.source, year: year, area: area, verified: figure.verified)
    }

    static func factor(_ role: String, _ grid: GridFactor) -> ActivityLine.Factor {
        ActivityLine.Factor(role: role, kgPerUnit: grid.kgPerKWh, source: grid.source, year: grid.year, area: grid.area, verified: grid.verified)
    }

    static func text(_ day: Int32) -> String { "\(day / 10000)-\(pad(day / 100 % 100))-\(pad(day % 100))" }
    static func pad(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
