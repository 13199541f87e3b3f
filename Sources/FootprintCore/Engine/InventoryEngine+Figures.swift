extension InventoryEngine {
    /// The figure a line's activity was multiplied by: for a supplier-specific line the `rank`-th
    /// footprint of (supplier, product) in the engine's order, for a hybrid line the `rank`-th disclosure
    /// of the supplier (by year), for an average-data or spend-based line the factor with index `rank`
    /// (`LineResult.rank`). NaN when there is no such figure.
    ///
    /// `activity * figure(...)` is exactly the line's kg: every rule computes `kg = activity * figure`.
    /// A rank with `manufacturerRank` names a figure of the product's manufacturer (this engine's
    /// manufacturers.csv rows).
    public func figure(method: CalculationMethod, supplier supplierKey: SupplierKey, product productKey: ProductKey, rank: Int32) -> Double {
        var supplier = supplierKey.index
        var product = productKey.index
        var rank = rank
        if rank >= 0 && rank & Self.manufacturerRank != 0 {
            guard let maker = manufacturer(supplier: supplierKey, product: productKey) else { return .nan }
            supplier = maker.supplier.index
            product = maker.product.index
            rank &= ~Self.manufacturerRank
        }
        switch method {
        case .supplierSpecific:
            guard supplier >= 0, product >= 0,
                let range = footprintRanges[UInt64(UInt32(supplier)) << 32 | UInt64(UInt32(product))],
                rank >= 0, Int(rank) < Int(range & 0x7FFF_FFFF)
            else { return .nan }
            return footprintKg[Int(footprintOrder[Int(range >> 32) + Int(rank)])]
        case .hybrid:
            guard supplier >= 0, Int(supplier) < disclosureCount.count, rank >= 0, rank < disclosureCount[Int(supplier)] else { return .nan }
            return disclosureIntensity[Int(disclosureOrder[Int(disclosureStart[Int(supplier)] + rank)])]
        case .averageData, .spendBased:
            guard rank >= 0, Int(rank) < factorKg.count else { return .nan }
            return factorKg[Int(rank)]
        }
    }

    /// A supplier's own figures as the engine orders them: its disclosures by year, and per product its
    /// footprints in the order they are tried. Two engines whose figures for a supplier have the same
    /// `Shape` pick the same rank for each of the supplier's lines, with the same activity and the same
    /// method: only the figures, so only the kg, can differ.
    public struct SupplierFigures: Sendable, Equatable {
        /// What decides which figure a line gets and how its activity is converted, without the figures.
        public struct Shape: Sendable, Equatable {
            /// Per disclosure: year and currency.
            public var disclosures: [DisclosureShape] = []
            /// Per product: whether any footprint has a validity period, and per footprint its unit and validity.
            public var products: [String: ProductShape] = [:]
        }
        public struct DisclosureShape: Sendable, Equatable {
            public var year: Int32
            public var currency: CurrencyCode
            /// An allocation to the company applies to its own year only: a different rule.
            public var allocation = false
        }
        public struct ProductShape: Sendable, Equatable {
            public var dated: Bool
            public var footprints: [FootprintShape]
        }
        public struct FootprintShape: Sendable, Equatable {
            public var unit: String
            public var firstDate: Int32
            public var endDate: Int32
        }

        public var shape = Shape()
        /// Intensity (kg CO2e per currency unit) of each disclosure, by rank.
        public var disclosureFigures: [Double] = []
        /// kg CO2e per unit of each footprint, by product, by rank.
        public var footprintFigures: [String: [Double]] = [:]

        public init() {}
    }

    /// The figures of the supplier with id `supplier`; empty when the engine has none.
    public func supplierFigures(_ supplier: String) -> SupplierFigures {
        var figures = SupplierFigures()
        guard let s = supplierKeys.find(supplier) else { return figures }
        for i in Int(disclosureStart[s])..<Int(disclosureStart[s] + disclosureCount[s]) {
            let index = Int(disclosureOrder[i])
            figures.shape.disclosures.append(
                .init(
                    year: disclosureYear[index],
                    currency: currencies[Int(disclosureCurrency[index])],
                    allocation: !disclosureIsAllocation.isEmpty && disclosureIsAllocation[index]
                )
            )
            figures.disclosureFigures.append(disclosureIntensity[index])
        }
        var seen = Set<String>()
        for f in reference.footprints where f.supplier == supplier && seen.insert(f.product).inserted {
            guard let p = productKeys.find(f.product), let range = footprintRanges[UInt64(UInt32(s)) << 32 | UInt64(UInt32(p))] else { continue }
            let start = Int(range >> 32)
            let count = Int(range & 0x7FFF_FFFF)
            var product = SupplierFigures.ProductShape(dated: range & Self.datedFlag != 0, footprints: [])
            var kg: [Double] = []
            for i in start..<start + count {
                let index = Int(footprintOrder[i])
                product.footprints.append(
                    .init(unit: units[Int(footprintUnit[index])].symbol, firstDate: footprintFirstDate[index], endDate: footprintEndDate[index])
                )
                kg.append(footprintKg[index])
            }
            figures.shape.products[f.product] = product
            figures.footprintFigures[f.product] = kg
        }
        return figures
    }
}
