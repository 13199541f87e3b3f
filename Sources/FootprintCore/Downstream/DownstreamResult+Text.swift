extension DownstreamResult {
    /// A short report: Categories 11 and 12 from sales, the return programme with its waste indicators
    /// and KPIs, Category 13 with each customer's kWh, the exclusions counted, and the warnings.
    public func text() -> String {
        func kg(_ v: Double) -> String { TravelResult.grouped(v) + " kg" }
        func rate(_ v: Double?) -> String { v.map { TravelCalculator.percent($0) } ?? "-" }
        var out = ["Sold products and take-back, \(period)"]
        if let u = usePhase {
            out.append(
                "3.11 Use of sold products: \(kg(u.kg)) CO2e (\(u.lines) sales, \(u.units.downstreamText) units, "
                    + "\(TravelResult.grouped(u.lifetimeKWh)) kWh over their life; grid \(u.basis.rawValue)-based; "
                    + "\(u.outsidePeriod) outside the period, left out; \(u.excludedUnits.downstreamText) units excluded)"
            )
        } else {
            out.append("3.11 Use of sold products: not computed (no sales.csv)")
        }
        if let e = endOfLife {
            let split = Treatment.allCases.filter { (e.massKgByTreatment[$0] ?? 0) > 0 }.map { "\($0.rawValue) \(kg(e.massKgByTreatment[$0]!))" }
            out.append(
                "3.12 End of life of sold products: \(kg(e.kg)) CO2e (\(kg(e.massKg)) sold: \(split.isEmpty ? "none" : split.joined(separator: ", "))"
                    + "; \(e.excludedUnits.downstreamText) units excluded)"
            )
        }
        if let t = takeBack {
            out.append("Return programme (\(t.lines) lines; \(t.outsidePeriod) outside the period, left out):")
            for (name, w) in [("own equipment (3.5)", t.own), ("returned sold products (3.12)", t.sold)] where w.returnedKg > 0 {
                let outcomes = Treatment.allCases.map { "\($0.outcome) \(kg(w.kg($0)))" }.joined(separator: ", ")
                out.append("  \(name): \(kg(w.returnedKg)) returned: \(outcomes)")
                out.append(
                    "    \(kg(w.totalKg)) CO2e (treatment \(kg(w.treatmentKgCO2e)), transport \(kg(w.transportKgCO2e))); "
                        + "reuse rate \(rate(w.reuseRate)), recycling rate \(rate(w.recyclingRate)) "
                        + "(\(rate(w.recyclingRateOfRest)) of the rest), diversion rate \(rate(w.diversionRate))"
                )
            }
            let total = t.total
            out.append(
                "  waste (ESRS E5): \(kg(total.returnedKg)); diverted from disposal \(kg(total.divertedKg)) "
                    + "(re-use \(kg(total.reusedKg)), recycling \(kg(total.kg(.recycling)))); directed to disposal \(kg(total.disposedKg)) "
                    + "(incineration \(kg(total.kg(.incineration))), landfill \(kg(total.kg(.landfill))))"
            )
        } else {
            out.append("Return programme: not computed (no returns.csv)")
        }
        if let l = leasedAssets {
            out.append(
                "3.13 Downstream leased assets: \(kg(l.kg)) CO2e (\(l.lines) lines, \(TravelResult.grouped(l.kwh)) kWh at \(l.byCustomer.count) "
                    + "customers' sites; grid \(l.basis.rawValue)-based; \(l.outsidePeriod) outside the period, left out)"
            )
            out.append(
                "  not in our Scope 2: the customers pay for this electricity; each customer's kWh are its own Scope 2 energy, on its statement:"
            )
            for c in l.byCustomer.keys.sorted() {
                out.append("  \(c): \(l.byCustomer[c]!.text) (\(l.byCustomer[c]!.equipment.joined(separator: ", ")))")
            }
        } else {
            out.append(
                "3.13 Downstream leased assets: not computed (no leased_equipment.csv: equipment we own and run at customers' sites on their power, if any, is not counted)"
            )
        }
        out += exclusions.map { "excluded from 3.\($0.category.rawValue): \($0.location): \($0.units.downstreamText) units: \($0.reason)" }
        out += warnings.map { "warning: \($0)" }
        return out.joined(separator: "\n") + "\n"
    }
}
