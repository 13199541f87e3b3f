extension DownstreamCalculator {
    /// A return whose row gives no outcomes takes the shares of the take-back answer of the supplier its
    /// `programme` names (case-insensitively): of the latest reporting year not after the return's, the
    /// one received last. Returns the row with its shares and the answer they come from; the row as it
    /// is when it gives its own. Without answers (a data folder) the row is left out, counted and stated
    /// (nil); with answers, a supplier that has none for the year is an error naming the row.
    static func programmeShares(
        _ item: ProductReturn,
        _ answers: SupplierAnswers?,
        _ takeBack: inout TakeBackResult,
        _ result: inout DownstreamResult
    ) throws(DownstreamCalculationError) -> (ProductReturn, SupplierAnswerOrigin?)? {
        guard item.sharesFromAnswer else { return (item, nil) }
        let programme = item.programme ?? ""
        guard let answers else {
            result.exclusions.append(
                DownstreamExclusion(
                    location: item.location,
                    category: item.owner.category,
                    product: item.productType,
                    units: item.units ?? 0,
                    kg: item.kg,
                    reason: "the row gives no outcomes: its shares are to come from the take-back answer of supplier '\(programme)', "
                        + "and a data folder holds no suppliers' answers (a workspace does: footprint engagement requests answer); "
                        + "give the shares (<outcome>_pct) to compute it here"
                )
            )
            takeBack.excludedLines += 1
            takeBack.excludedKg += item.kg
            return nil
        }
        let year = Int(item.date / 10000)
        let candidates = answers.takeBack.filter { $0.origin.supplier.lowercased() == programme.lowercased() && $0.origin.year <= year }
        guard let answer = candidates.max(by: { $0.origin < $1.origin }) else {
            let other = answers.takeBack.filter { $0.origin.supplier.lowercased() == programme.lowercased() }.map { String($0.origin.year) }
            throw DownstreamCalculationError(
                "\(item.location): the row gives no outcomes, and programme '\(programme)' names no supplier with a take-back answer for \(year) "
                    + "or before\(other.isEmpty ? "" : " (it has answers for \(Set(other).sorted().joined(separator: ", ")) only)"); "
                    + "expected the id of the supplier whose take-back answer gives the shares (footprint engagement requests add "
                    + "\(programme.isEmpty ? "SUPPLIER" : programme) --kind take-back, then requests answer), or the row's shares (<outcome>_pct)"
            )
        }
        var resolved = item
        resolved.shares = try answer.shares(for: item.location)
        return (resolved, answer.origin)
    }
}
