extension DownstreamCalculator {
    /// A product's energy per year or lifetime as the use phase takes it, with where it came from.
    struct UseFigure {
        var value: Double
        /// The provenance step: `150 W × 8760 h per year / 1000 = 1314 kWh per year (product_use.csv:2)`.
        var step: String
        /// The row's `source`, or the answer's.
        var source: String
    }

    /// The newest supplier's answer giving each product's typical power, and its lifetime.
    struct ProductAnswers {
        var power: [String: SupplierProductAnswer] = [:]
        var lifetime: [String: SupplierProductAnswer] = [:]

        init(_ answers: SupplierAnswers?) {
            for a in answers?.products ?? [] {
                if a.typicalPowerW != nil, power[a.product].map({ $0.origin < a.origin }) ?? true { power[a.product] = a }
                if a.lifetimeYears != nil, lifetime[a.product].map({ $0.origin < a.origin }) ?? true { lifetime[a.product] = a }
            }
        }

        /// The kWh per year of a product: its own row's energy (power and hours, kWh per year or duty
        /// cycle) first; else a supplier's typical power × the hours of its row or of its type's default;
        /// else its row's hours × the default's power; else the default's energy. A missing figure: the
        /// reason, for the exclusion.
        func energy(_ profile: UseProfile, _ fallback: UseProfile?) -> Result<UseFigure, UseFigureMissing> {
            if let kwh = profile.kwhPerYear, let step = profile.energyStep {
                return .success(UseFigure(value: kwh, step: "\(step) (\(profile.location))", source: profile.source))
            }
            let hoursRow = profile.hoursPerYear != nil ? profile : fallback?.hoursPerYear != nil ? fallback : nil
            if let answer = profile.product.flatMap({ power[$0] }), let watts = answer.typicalPowerW {
                guard let hoursRow, let hours = hoursRow.hoursPerYear else {
                    return .failure(
                        UseFigureMissing(
                            reason: "\(answer.origin.text) gives its typical power (\(watts.downstreamText) W), and neither its row "
                                + "(\(profile.location)) nor product type '\(profile.productType)''s default gives hours_per_year; add them to product_use.csv"
                        )
                    )
                }
                let kwh = watts * hours / 1000
                return .success(
                    UseFigure(
                        value: kwh,
                        step: "\(watts.downstreamText) W typical power (\(answer.origin.text)) × \(hours.downstreamText) h per year "
                            + "(\(hoursRow.location)) / 1000 = \(kwh.downstreamText) kWh per year",
                        source: "energy answer: \(answer.origin.text)"
                    )
                )
            }
            if let hours = profile.hoursPerYear {
                guard let fallback, let watts = fallback.powerW else {
                    return .failure(
                        UseFigureMissing(
                            reason:
                                "\(profile.location) gives hours_per_year without a power, and neither a supplier's energy answer nor product type "
                                + "'\(profile.productType)''s default gives one; add power_w or ask the supplier (requests add --kind energy --product)"
                        )
                    )
                }
                let kwh = watts * hours / 1000
                return .success(
                    UseFigure(
                        value: kwh,
                        step: "\(watts.downstreamText) W (\(fallback.location)) × \(hours.downstreamText) h per year (\(profile.location)) / 1000 "
                            + "= \(kwh.downstreamText) kWh per year",
                        source: "\(profile.source); \(fallback.source)"
                    )
                )
            }
            if let fallback, let kwh = fallback.kwhPerYear, let step = fallback.energyStep {
                return .success(UseFigure(value: kwh, step: "\(step) (\(fallback.location))", source: fallback.source))
            }
            return .failure(UseFigureMissing(reason: nil))
        }

        /// The lifetime: the product's row, else a supplier's answer, else its type's default.
        func lifetime(_ profile: UseProfile, _ fallback: UseProfile?) -> UseFigure? {
            if let years = profile.lifetimeYears { return UseFigure(value: years, step: "\(profile.location)", source: profile.source) }
            if let answer = profile.product.flatMap({ lifetime[$0] }), let years = answer.lifetimeYears {
                return UseFigure(
                    value: years,
                    step: answer.origin.text,
                    source: "energy answer: \(answer.origin.text)"
                )
            }
            if let fallback, let years = fallback.lifetimeYears {
                return UseFigure(value: years, step: "\(fallback.location)", source: fallback.source)
            }
            return nil
        }
    }

    /// Why a product has no energy per year: nil for the plain case (no power or kWh per year anywhere).
    struct UseFigureMissing: Error {
        var reason: String?
    }
}
