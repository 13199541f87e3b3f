/// Computes Category 11 and 12 from the sales, the return programme's Category 5 and 12 from the
/// returns, and Category 13 from the leased equipment: a pure function of the rows, the period, the grid factors and the end-of-life factors.
public enum DownstreamCalculator {
    /// `gridFactors`: the workspace's `grid_factors.csv` rows, over the built-in ones (as Scope 2 uses them).
    public static func calculate(
        _ data: DownstreamData,
        period: ReportingPeriod,
        gridFactors: [GridFactor] = [],
        factors: DownstreamFactors = .desnz2024
    ) throws(DownstreamCalculationError) -> DownstreamResult {
        var result = DownstreamResult(period: period)
        if let sales = data.sales {
            var context = SalesContext(data, grid: GridFactorSet(overrides: gridFactors), factors: factors)
            for sale in sales {
                guard period.contains(sale.date) else {
                    context.use.outsidePeriod += 1
                    continue
                }
                try context.add(sale, to: &result)
            }
            result.usePhase = context.use
            result.endOfLife = context.endOfLife
            let excluded = Set(result.exclusions.map(\.location)).count
            if excluded > 0 {
                result.warnings.append(
                    "\(excluded) sale\(excluded == 1 ? "" : "s") left out of a category for want of data (see the exclusions): "
                        + "\(context.use.excludedUnits.downstreamText) units from Category 11, \(context.endOfLife.excludedUnits.downstreamText) from Category 12"
                )
            }
        }
        if let returns = data.returns {
            var takeBack = TakeBackResult()
            for item in returns {
                guard period.contains(item.date) else {
                    takeBack.outsidePeriod += 1
                    continue
                }
                result.lines += try lines(item, factors, &takeBack)
            }
            result.takeBack = takeBack
        }
        if let leased = data.leasedEquipment {
            result.leasedAssets = try leasedAssets(leased, period: period, grid: GridFactorSet(overrides: gridFactors), &result)
        }
        return result
    }
}
