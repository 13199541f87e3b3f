/// What the engine knows of one category, in one place: its spend-based factor (index, kg per unit,
/// currency key and price year) and where its average-data factors are in `activityOrder`. A line
/// reads one entry (half a cache line) rather than a slot of five arrays, each on a cache line of its
/// own: with a thousand categories, those arrays did not all stay in the first-level cache.
struct CategoryFigures: Sendable {
    /// kg CO2e per unit of the spend-based factor's currency; NaN when there is none.
    var spendKg: Double = .nan
    /// The spend-based factor's index in `ReferenceData.factors`; -1 when there is none.
    var spendFactor: Int32 = -1
    /// The spend-based factor's currency key; -1 when there is none.
    var spendCurrency: Int32 = -1
    /// The spend-based factor's price year; -1 when it has none.
    var spendPriceYear: Int32 = -1
    /// The category's average-data factors: `activityOrder[activityStart ..< activityStart + activityCount]`.
    var activityStart: Int32 = 0
    var activityCount: Int32 = 0
}
