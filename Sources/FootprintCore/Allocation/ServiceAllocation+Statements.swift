extension ServiceAllocation {
    /// What a statement says about the period and the run the allocation came from.
    public struct StatementContext: Sendable {
        public var period: String
        public var firstDay: String
        public var lastDay: String
        public var runID: Int64
        public var scope2Basis: String
        public var verified: Bool
        /// Per service id, its name and unit.
        public var services: [String: (name: String, unit: String)]
        /// Per customer id, its name and language.
        public var customers: [String: (name: String, language: StatementLanguage)]
        /// Per customer id, the electricity of our equipment at its sites (Category 13 for us, its own Scope 2).
        public var leasedEnergy: [String: CustomerLeasedEnergy]

        public init(
            period: String,
            firstDay: String,
            lastDay: String,
            runID: Int64,
            scope2Basis: String,
            verified: Bool,
            services: [String: (name: String, unit: String)],
            customers: [String: (name: String, language: StatementLanguage)],
            leasedEnergy: [String: CustomerLeasedEnergy] = [:]
        ) {
            self.period = period
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.runID = runID
            self.scope2Basis = scope2Basis
            self.verified = verified
            self.services = services
            self.customers = customers
            self.leasedEnergy = leasedEnergy
        }
    }

    /// The statement of `customer`: a row per service it used (several pools of one service are one
    /// row per pool), then the purchases made for it.
    public func statement(for customer: String, context: StatementContext) -> CustomerStatement {
        var rows: [CustomerStatement.Row] = []
        for result in pools {
            guard let sums = result.customers[customer], sums.totalNanoKg != 0 || !sums.isEmpty else { continue }
            let service = context.services[result.pool.service]
            rows.append(
                CustomerStatement.Row(
                    service: result.pool.service,
                    serviceName: service?.name ?? result.pool.service,
                    pool: result.pool.id,
                    key: result.keyUsed.rawValue,
                    quantity: result.quantities[customer],
                    unit: service?.unit,
                    sums: sums,
                    majorSources: result.pool.majorSources
                )
            )
        }
        if let sums = direct[customer] {
            let english = (context.customers[customer]?.language ?? .en) == .en
            rows.append(
                CustomerStatement.Row(
                    service: nil,
                    serviceName: english ? "Purchases made for you" : "Innkjøp gjort for dere",
                    pool: nil,
                    key: "direct",
                    quantity: nil,
                    unit: nil,
                    sums: sums,
                    majorSources: []
                )
            )
        }
        let info = context.customers[customer]
        return CustomerStatement(
            customer: customer,
            customerName: info?.name ?? customer,
            language: info?.language ?? .en,
            period: context.period,
            firstDay: context.firstDay,
            lastDay: context.lastDay,
            runID: context.runID,
            scope2Basis: context.scope2Basis,
            rows: rows,
            verified: context.verified,
            leasedEnergy: context.leasedEnergy[customer]
        )
    }
}
