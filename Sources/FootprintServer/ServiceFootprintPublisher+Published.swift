public import FootprintCore
public import FootprintPACT

extension ServiceFootprintPublisher {
    /// A service footprint published, in brief: what a caller needs to find it and check its figures
    /// (the footprint itself is in the store, `footprint pact show ID`). A publication keeps one per
    /// footprint, a few hundred bytes, rather than the footprints with their sums by component.
    public struct Published: Sendable {
        /// The customer's share in total, exact nano-kg: `ServiceFootprint.sums` added up.
        public struct Totals: Sendable, Equatable {
            public var totalNanoKg: Int128
        }

        public var id: String
        public var customer: String
        public var service: Service
        /// What the customer used over the period, in the service's unit.
        public var quantity: Double
        public var sums: Totals
        /// The footprint it supersedes (`precedingPfIds`), if any.
        public var preceding: String?

        init(_ footprint: ServiceFootprint, id: String, preceding: String?) {
            self.id = id
            customer = footprint.customer
            service = footprint.service
            quantity = footprint.quantity
            sums = Totals(totalNanoKg: footprint.sums.totalNanoKg)
            self.preceding = preceding
        }
    }
}
