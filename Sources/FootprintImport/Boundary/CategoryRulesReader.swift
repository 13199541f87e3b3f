public import FootprintCore
import Foundation

/// Reads `categories.csv` (docs/inventory.md): per ledger category, its Scope 3 category and/or
/// its exclusion from the inventory with the reason. Columns: **category**, `scope3_category`
/// (`1`...`15`), `excluded` (the reason; empty when the category is in the inventory), `asset_class`
/// (the category buys assets the company capitalises by a threshold: Category 2 per line when an item
/// costs at least `capitalisation_threshold` in `threshold_currency`, Norway's NOK 30,000 when none is
/// given, else Category 1), `resale` (`yes`: goods bought for resale, Category 1), `factor_category`
/// (the factors of another category compute this one's lines), `prefer_activity_data` (`yes`: a line
/// with a quantity is computed by its average-data factor before the supplier's revenue intensity).
/// A row with none of
/// them includes the category with the factor library's default (it can take back a built-in
/// exclusion). A category may appear once; an asset class has one threshold; contradicting columns in
/// one row are refused.
public enum CategoryRulesReader {
    public static let fileName = "categories.csv"

    /// The rules of a parsed table; problems are appended to `diagnostics`.
    public static func rules(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [CategoryRule] {
        var result: [CategoryRule] = []
        var seen: [String: Int] = [:]
        var classes: [String: (threshold: CapitalisationThreshold, line: Int)] = [:]
        let optional = [
            "scope3_category", "excluded", "asset_class", "capitalisation_threshold", "threshold_currency", "resale", "factor_category",
            "prefer_activity_data",
        ]
        try ReferenceDataReader.rows(table, required: ["category"], optional: optional, &diagnostics) { r in
            guard let category = r.required("category") else { return }
            if let first = seen[category] {
                r.fail("category", "category '\(category)' already has a rule on line \(first); one rule per category")
                return
            }
            seen[category] = r.row.line
            let scope3 = r.field("scope3_category", isNot: "a Scope 3 category; expected 1 to 15, or empty") { Scope3Category(parsing: $0) }
            let exclusion = r.optional("excluded")
            if exclusion != nil && scope3 != nil {
                r.fail(
                    "excluded",
                    "the category is both excluded and placed in Scope 3 category \(scope3!.rawValue); expected one of the two (an excluded line is in no category)"
                )
                return
            }
            let resale = r.flag("resale")
            if resale, exclusion != nil { return r.fail("resale", "the category is both excluded and goods for resale; expected one of the two") }
            if resale, let scope3, scope3 != .purchasedGoodsAndServices {
                return r.fail(
                    "resale",
                    "goods bought for resale are Category 1 (purchased goods), not \(scope3.rawValue); leave scope3_category empty or 1"
                )
            }
            let activityFirst = r.flag("prefer_activity_data")
            if activityFirst, exclusion != nil {
                return r.fail("prefer_activity_data", "the category is excluded, so no method computes it; expected no prefer_activity_data")
            }
            let factorCategory = r.optional("factor_category")
            if let factorCategory, exclusion != nil {
                return r.fail(
                    "factor_category",
                    "the category is excluded, so no factor computes it; expected no factor_category for '\(factorCategory)'"
                )
            }
            if factorCategory == category { return r.fail("factor_category", "'\(category)' names itself; leave factor_category empty") }
            let source = "\(table.file):\(r.row.line)"
            guard let capitalisation = threshold(&r, classes: &classes, scope3: scope3, excluded: exclusion != nil, resale: resale) else {
                result.append(
                    CategoryRule(
                        category: category,
                        scope3: scope3,
                        exclusion: exclusion,
                        resale: resale,
                        factorCategory: factorCategory,
                        activityFirst: activityFirst,
                        source: source
                    )
                )
                return
            }
            result.append(
                CategoryRule(
                    category: category,
                    capitalisation: capitalisation,
                    factorCategory: factorCategory,
                    activityFirst: activityFirst,
                    source: source
                )
            )
        }
        return result
    }

    /// The capitalisation threshold of a row with an `asset_class`, or nil (a problem recorded when the
    /// row's columns contradict each other or its threshold another row's of the same class).
    private static func threshold(
        _ r: inout RowReader,
        classes: inout [String: (threshold: CapitalisationThreshold, line: Int)],
        scope3: Scope3Category?,
        excluded: Bool,
        resale: Bool
    ) -> CapitalisationThreshold? {
        let amountText = r.optional("capitalisation_threshold")
        let currencyText = r.optional("threshold_currency")
        guard let assetClass = r.optional("asset_class") else {
            if amountText != nil {
                r.fail("capitalisation_threshold", "a threshold needs the asset_class it applies to; expected an asset_class in the same row")
            }
            if currencyText != nil, amountText == nil {
                r.fail("threshold_currency", "a currency without a capitalisation_threshold; expected both or neither")
            }
            return nil
        }
        let conflict =
            excluded ? "excluded" : scope3 != nil ? "scope3_category" : resale ? "resale" : nil
        if let conflict {
            r.fail(
                "asset_class",
                "an asset class places each line in Category 2 or 1 by its cost; \(conflict) decides otherwise. Expected one of the two"
            )
            return nil
        }
        var threshold = CapitalisationThreshold.norwegian(assetClass: assetClass)
        if let amountText {
            guard let amount = r.decimal("capitalisation_threshold") else { return nil }
            guard amount.value > 0 else {
                r.fail("capitalisation_threshold", "'\(amountText)' is not a threshold; expected a positive amount per item")
                return nil
            }
            guard let currencyText else {
                r.fail("threshold_currency", "the threshold \(amountText) has no currency; expected an ISO 4217 code such as NOK")
                return nil
            }
            guard let currency = CurrencyCode(currencyText) else {
                r.fail("threshold_currency", "'\(currencyText)' is not a currency; expected three capital letters (ISO 4217)")
                return nil
            }
            threshold = CapitalisationThreshold(
                assetClass: assetClass,
                amount: amount.value,
                currency: currency,
                source: "the company's accounting policy (\(r.table.file):\(r.row.line))"
            )
        } else if currencyText != nil {
            r.fail("threshold_currency", "a currency without a capitalisation_threshold; expected both or neither")
            return nil
        }
        if let first = classes[assetClass] {
            guard first.threshold.steps == threshold.steps && first.threshold.currency == threshold.currency else {
                r.fail(
                    "capitalisation_threshold",
                    "asset class '\(assetClass)' has another threshold on line \(first.line); expected one threshold per asset class"
                )
                return nil
            }
            return first.threshold
        }
        classes[assetClass] = (threshold, r.row.line)
        return threshold
    }

    /// The rules of the file at `path` (shown as `displayName` in messages).
    public static func read(path: String, displayName: String = fileName) throws(InputError) -> [CategoryRule] {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.read(path: path, displayName: displayName, diagnostics: &diagnostics)
        let rules = try rules(table, &diagnostics)
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return rules
    }
}
