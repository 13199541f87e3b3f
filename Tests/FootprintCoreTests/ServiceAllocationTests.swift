import FootprintCore
import Testing

@Suite struct ApportionmentTests {
    @Test func sharesByLargestRemainderWithTiesInOrder() {
        #expect(Apportionment.shares(of: 10, weights: [1, 1, 1]) == [4, 3, 3])
        #expect(Apportionment.shares(of: -10, weights: [1, 1, 1]) == [-4, -3, -3])
        // 7 x 2/7 = 2, 7 x 5/7 = 5: exact quotas get nothing extra.
        #expect(Apportionment.shares(of: 7, weights: [2, 5]) == [2, 5])
        // 100 x (1, 2, 3) / 6 = 16.67, 33.33, 50: the largest remainder (0.67) takes the unit.
        #expect(Apportionment.shares(of: 100, weights: [1, 2, 3]) == [17, 33, 50])
        #expect(Apportionment.shares(of: 5, weights: [0, 0]) == nil)
        #expect(Apportionment.shares(of: 5, weights: [0, 3]) == [0, 5])
    }

    @Test func weightsAreMillionthsOfTheQuantity() {
        #expect(Apportionment.weight(1.5) == 1_500_000)
        #expect(Apportionment.weight(0) == 0)
        #expect(Apportionment.weight(-3) == 0)
        #expect(Apportionment.weight(.nan) == 0)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func sharesAlwaysSumToTheAmount(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<500 {
            let n = Int.random(in: 1...12, using: &rng)
            var weights = (0..<n).map { _ in Int64.random(in: 0...1_000_000_000_000, using: &rng) }
            if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
            let amount = Int128(Int64.random(in: -1_000_000_000_000_000...1_000_000_000_000_000, using: &rng))
            let shares = Apportionment.shares(of: amount, weights: weights)!
            #expect(shares.reduce(0, +) == amount)
            // Each share is within one unit of its exact quota.
            let total = weights.reduce(Int128(0)) { $0 + Int128($1) }
            for (i, w) in weights.enumerated() {
                let quota = amount * Int128(w) / total
                #expect(abs(shares[i] - quota) <= 1)
            }
        }
    }
}

@Suite struct ServiceAllocationTests {
    let s2 = EmissionComponent(scope: 2, source: .activity)
    let c1 = EmissionComponent(scope: 3, scope3Category: 1, source: .spendBased)
    let c1Supplier = EmissionComponent(scope: 3, scope3Category: 1, source: .supplierSpecific)

    func kg(_ kg: Int) -> Int128 { Int128(kg) * 1_000_000_000 }

    /// 1,000 kg of Scope 2 and 500 kg of Category 1 on a platform of 1,000 vCPU-hours, of which A used
    /// 300 and B 500: A 30 %, B 50 %, unsold 20 %.
    @Test func usageWithUnsoldCapacity() throws {
        let pool = ServiceAllocation.Pool(id: "vm", service: "VM", key: .usage, capacity: 1000, sums: [s2: kg(1000), c1: kg(500)])
        let allocation = try ServiceAllocation(
            pools: [pool],
            uses: [
                .init(customer: "A", service: "VM", quantity: 300, revenue: 9000),
                .init(customer: "B", service: "VM", quantity: 200, revenue: 1000),
                .init(customer: "B", service: "VM", quantity: 300, revenue: 1000),
            ],
            direct: [:],
            unpooled: [:],
            knownCustomers: ["A", "B"]
        )
        let result = allocation.pools[0]
        #expect(result.keyUsed == .usage)
        #expect(result.customers["A"] == [s2: kg(300), c1: kg(150)])
        #expect(result.customers["B"] == [s2: kg(500), c1: kg(250)])
        #expect(result.unsold == [s2: kg(200), c1: kg(100)])
        #expect(result.quantities["B"] == 500)
        #expect(allocation.totalNanoKg == kg(1500))
    }

    /// No usage of the service: revenue 100 and 300 share it 25 % / 75 %, and the note says why.
    @Test func revenueWhenThereIsNoUsage() throws {
        let pool = ServiceAllocation.Pool(id: "sec", service: "SOC", key: .usage, capacity: 50, sums: [c1: kg(40)])
        let allocation = try ServiceAllocation(
            pools: [pool],
            uses: [
                .init(customer: "A", service: "SOC", quantity: 0, revenue: 100),
                .init(customer: "B", service: "SOC", quantity: 0, revenue: 300),
            ],
            direct: [:],
            unpooled: [:],
            knownCustomers: ["A", "B"]
        )
        let result = allocation.pools[0]
        #expect(result.keyUsed == .revenue)
        #expect(result.note == "no usage of SOC in the period: shared by revenue")
        #expect(result.customers["A"] == [c1: kg(10)])
        #expect(result.customers["B"] == [c1: kg(30)])
        #expect(result.unsold.isEmpty)
    }

    @Test func aPoolNobodyUsedStaysWithTheCompany() throws {
        let pool = ServiceAllocation.Pool(id: "lab", service: "LAB", key: .usage, capacity: nil, sums: [c1: kg(7)])
        let allocation = try ServiceAllocation(pools: [pool], uses: [], direct: [:], unpooled: [:], knownCustomers: [])
        #expect(allocation.pools[0].keyUsed == ServiceAllocation.KeyUsed.none)
        #expect(allocation.pools[0].kept == [c1: kg(7)])
        #expect(allocation.companySums.kept.totalNanoKg == kg(7))
    }

    /// Purchases for a customer pass through whole; for a customer the register does not know they
    /// stay with the company, counted.
    @Test func directPurchasesPassThrough() throws {
        let allocation = try ServiceAllocation(
            pools: [],
            uses: [],
            direct: ["A": [c1Supplier: kg(12)], "X": [c1: kg(3)]],
            unpooled: [s2: kg(100)],
            knownCustomers: ["A"]
        )
        #expect(allocation.direct == ["A": [c1Supplier: kg(12)]])
        #expect(allocation.unknownCustomers == ["X": [c1: kg(3)]])
        #expect(allocation.totalNanoKg == kg(115))
        #expect(allocation.customerIDs == ["A"])
    }

    /// Usage above the stated capacity: no unsold share, and the note says so.
    @Test func usageAboveCapacity() throws {
        let pool = ServiceAllocation.Pool(id: "vm", service: "VM", key: .usage, capacity: 10, sums: [s2: kg(6)])
        let allocation = try ServiceAllocation(
            pools: [pool],
            uses: [.init(customer: "A", service: "VM", quantity: 12, revenue: 0)],
            direct: [:],
            unpooled: [:],
            knownCustomers: ["A"]
        )
        #expect(allocation.pools[0].customers["A"] == [s2: kg(6)])
        #expect(allocation.pools[0].note?.contains("above the stated capacity") == true)
    }

    /// Generated pools, customers and months: every pool and component is conserved exactly, the
    /// total is the input's, and doubling one customer's usage (others and the capacity fixed, the
    /// platform still not full) doubles its share within a nano-kg per component.
    @Test(arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func conservationAndScaling(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let components = [
            s2, c1, c1Supplier, EmissionComponent(scope: 1, source: .activity), EmissionComponent(scope: 3, scope3Category: 2, source: .hybrid),
        ]
        let services = (0..<Int.random(in: 1...6, using: &rng)).map { "S\($0)" }
        let customers = (0..<Int.random(in: 1...40, using: &rng)).map { "C\($0)" }
        var pools: [ServiceAllocation.Pool] = []
        var input: Int128 = 0
        for (i, service) in services.enumerated() {
            var sums: ComponentSums = [:]
            for c in components where Bool.random(using: &rng) {
                sums[c] = Int128(Int64.random(in: -1_000_000_000_000...100_000_000_000_000, using: &rng))
                input += sums[c]!
            }
            let key: AllocationKey = Bool.random(using: &rng) ? .usage : .revenue
            pools.append(.init(id: "P\(i)", service: service, key: key, capacity: Bool.random(using: &rng) ? 1e6 : nil, sums: sums))
        }
        var uses: [ServiceAllocation.Use] = []
        for customer in customers {
            for service in services where Int.random(in: 0..<3, using: &rng) > 0 {
                for _ in 0..<12 {
                    let quantity = Bool.random(using: &rng) ? Double(Int.random(in: 0...5000, using: &rng)) / 4 : 0
                    uses.append(
                        .init(customer: customer, service: service, quantity: quantity, revenue: Double(Int.random(in: 0...100_000, using: &rng)))
                    )
                }
            }
        }
        let allocation = try ServiceAllocation(pools: pools, uses: uses, direct: [:], unpooled: [:], knownCustomers: Set(customers))
        try allocation.checkConservation()
        #expect(allocation.totalNanoKg == input)

        // Doubling one customer's usage on a platform with capacity, still not full.
        for pool in pools where pool.key == .usage && pool.capacity != nil {
            guard let customer = uses.first(where: { $0.service == pool.service && $0.quantity > 0 })?.customer else { continue }
            let before = allocation.pools.first { $0.pool.id == pool.id }!
            guard before.keyUsed == .usage, before.usedQuantity + before.quantities[customer]! < pool.capacity! else { continue }
            let doubled = uses.map { u in
                u.customer == customer && u.service == pool.service
                    ? ServiceAllocation.Use(customer: u.customer, service: u.service, quantity: u.quantity * 2, revenue: u.revenue) : u
            }
            let after = try ServiceAllocation(pools: [pool], uses: doubled, direct: [:], unpooled: [:], knownCustomers: Set(customers))
            for (component, nano) in before.customers[customer] ?? [:] {
                let scaled = after.pools[0].customers[customer]?[component] ?? 0
                #expect(abs(scaled - 2 * nano) <= 2, "pool \(pool.id) \(component.label)")
            }
        }
    }
}

@Suite struct CustomerStatementTests {
    /// The electricity of our equipment at a customer's sites is on its statement beside its share, in no
    /// total and no CDP row; a customer with that alone has a statement of it, with no rows.
    @Test func theCustomersScope2EnergyIsApartFromItsShare() throws {
        let c1 = EmissionComponent(scope: 3, scope3Category: 1, source: .supplierSpecific)
        let allocation = try ServiceAllocation(pools: [], uses: [], direct: ["A": [c1: 2_000_000_000]], unpooled: [:], knownCustomers: ["A", "B"])
        let energy = CustomerLeasedEnergy(kwhByCountry: ["NO": 1200.5, "SE": 300], equipment: ["EQ-1", "EQ-2"])
        let context = ServiceAllocation.StatementContext(
            period: "2024",
            firstDay: "2024-01-01",
            lastDay: "2024-12-31",
            runID: 1,
            scope2Basis: "market",
            verified: false,
            services: [:],
            customers: ["A": (name: "Aker", language: .en), "B": (name: "Berg", language: .nb)],
            leasedEnergy: ["A": energy, "B": energy]
        )
        let a = allocation.statement(for: "A", context: context)
        #expect(a.totalNanoKg == 2_000_000_000 && a.leasedEnergy == energy && a.cdpRows.count == 1 && energy.kwh == 1500.5)
        #expect(a.csv.hasSuffix(",your-scope2-energy,300,kWh,,,leased-equipment,\n"))
        #expect(
            a.csv.contains(
                "A,2024,,Electricity of our equipment at your sites in NO (your Scope 2),,your-scope2-energy,1200.5,kWh,,,leased-equipment,\n"
            )
        )
        #expect(a.html().contains("<h2>Electricity of our equipment at your sites (your Scope 2)</h2>"))
        let b = allocation.statement(for: "B", context: context)
        #expect(b.rows.isEmpty && b.totalNanoKg == 0 && b.leasedEnergy != nil)
        #expect(b.html().contains("<td>NO</td><td class=n>1\u{202F}200,5</td>") && b.html().contains("vår scope 3 kategori 13"))
        guard case .object(let json) = b.json, case .object(let e)? = json.first(where: { $0.0 == "your_scope2_energy" })?.1 else {
            Issue.record("no your_scope2_energy")
            return
        }
        #expect(e.first { $0.0 == "in_total" }?.1 == .bool(false))
    }

    @Test func statementRendersInBothLanguagesWithCDPRows() throws {
        let s2 = EmissionComponent(scope: 2, source: .activity)
        let c1 = EmissionComponent(scope: 3, scope3Category: 1, source: .supplierSpecific)
        let pool = ServiceAllocation.Pool(
            id: "vm",
            service: "VM",
            key: .usage,
            capacity: 1000,
            sums: [s2: 1_000_000_000_000, c1: 3_000_000_000_000],
            majorSources: ["Kaldvik Datasenter AS", "Elbtal"]
        )
        let allocation = try ServiceAllocation(
            pools: [pool],
            uses: [.init(customer: "A", service: "VM", quantity: 250, revenue: 0)],
            direct: ["A": [c1: 500_000_000_000]],
            unpooled: [:],
            knownCustomers: ["A"]
        )
        let context = ServiceAllocation.StatementContext(
            period: "2024",
            firstDay: "2024-01-01",
            lastDay: "2024-12-31",
            runID: 3,
            scope2Basis: "market",
            verified: false,
            services: ["VM": (name: "Virtual servers", unit: "vCPU-hour")],
            customers: ["A": (name: "Aker & Co", language: .nb)]
        )
        let statement = allocation.statement(for: "A", context: context)
        // 25 % of 1,000 + 3,000 kg, plus 500 kg passed through.
        #expect(statement.totalNanoKg == 1_500_000_000_000)
        #expect(statement.byScope == [2: 250_000_000_000, 3: 1_250_000_000_000])
        #expect(abs(statement.supplierDataShare - 1250.0 / 1500.0) < 1e-12)
        let cdp = statement.cdpRows
        #expect(cdp.count == 3)
        #expect(cdp[0].scope == "Scope 2" && cdp[0].emissionsTonnes == 0.25 && cdp[0].uncertaintyPercent == 5)
        #expect(cdp[0].allocationMethod == "Allocation based on the volume of products purchased")
        #expect(cdp[0].quantity == "250" && cdp[0].unit == "vCPU-hour")
        #expect(cdp[2].allocationMethod == "Allocation not necessary due to the type of primary data available")
        let html = statement.html()
        #expect(html.contains("<html lang=\"nb\">"))
        #expect(html.contains("Aker &amp; Co"))
        #expect(html.contains("1,500 t CO₂e"))
        #expect(html.contains("01.01.2024"))
        let csv = statement.csv
        #expect(csv.split(separator: "\n").count == 1 + 3)
        #expect(csv.contains("A,2024,VM,Virtual servers,vm,usage,250,vCPU-hour,2,,activity-data,250\n"))
        let json = statement.json.rendered()
        #expect(json.contains("\"kgco2e\": 1500,") || json.contains("\"kgco2e\":1500,"))
    }
}
