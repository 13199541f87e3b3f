/// The grid factors in force: the built-in ones, replaced or extended by `grid_factors.csv`.
struct GridFactorSet {
    private var byKey: [String: [GridFactor]] = [:]

    init(overrides: [GridFactor]) {
        var merged: [String: GridFactor] = [:]
        for factor in GridFactor.builtIn + overrides { merged["\(factor.area)|\(factor.basis.rawValue)|\(factor.year)"] = factor }
        for factor in merged.values { byKey["\(factor.area)|\(factor.basis.rawValue)", default: []].append(factor) }
    }

    /// The most recent factor not after `year` for the first of `areas` (bidding zone, then country) that has one.
    func factor(areas: [String], basis: GridFactor.Basis, year: Int) -> GridFactor? {
        for area in areas {
            if let found = byKey["\(area)|\(basis.rawValue)"]?.filter({ $0.year <= year }).max(by: { $0.year < $1.year }) { return found }
        }
        return nil
    }

    /// The years there are factors for, for an error message.
    func years(areas: [String], basis: GridFactor.Basis) -> [Int] {
        areas.flatMap { byKey["\($0)|\(basis.rawValue)"] ?? [] }.map(\.year).sorted()
    }
}
