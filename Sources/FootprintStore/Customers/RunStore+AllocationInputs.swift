public import FootprintCore
import FootprintImport
import Foundation
import GRDB

/// One source of emissions as a pool's selectors see it.
public struct PoolCandidate: Sendable, Hashable {
    public var scope: Int
    /// 1...15 for Scope 3, 0 otherwise.
    public var scope3Category: Int
    public var supplier: String?
    public var category: String?
    public var site: String?
}

/// A run's emissions sorted for an allocation: by pool, passed through to customers, or in no pool;
/// each as exact nano-kg by component. The purchase lines are the run's own (read and verified as
/// `runs lines` reads them), rounded to the nano-kg as the run's inventory sums them; Scope 1 and 2
/// and the activity's Category 3 are the run's activity data by site, Categories 6 and 7 its travel
/// and commuting figures.
public struct AllocationInputs: Sendable {
    /// Per pool index (as the matcher numbers them), by component.
    public var pools: [Int: ComponentSums] = [:]
    /// Per pool index, nano-kg by source (supplier or site), for the largest sources.
    public var poolSources: [Int: [String: Int128]] = [:]
    /// Purchase lines carrying a customer id, by customer.
    public var direct: [String: ComponentSums] = [:]
    /// In no pool and for no customer.
    public var unpooled: ComponentSums = [:]
    /// Lines matched by more than one pool: the pools (indices) and the lines' count and nano-kg.
    public var overlaps: [[Int]: (lines: Int, nanoKg: Int128)] = [:]
    /// Everything read, by component: the period's inventory.
    public var inventory: ComponentSums = [:]
    /// Purchase lines read (in the inventory), and computed ones that were unmapped (0 kg, counted).
    public var purchaseLines = 0
    public var unmappedLines = 0
    /// The run's organisational boundary (company.json): who publishes the customers' footprints.
    public var boundary = OrganisationalBoundary()
    /// The electricity of our equipment at each customer's sites (leased_equipment.csv, Category 13):
    /// the customer's own Scope 2 energy, which its statement shows beside (not in) its share.
    public var leasedEnergy: [String: CustomerLeasedEnergy] = [:]

    /// The `limit` largest sources of pool `index`, largest first.
    public func majorSources(_ index: Int, limit: Int = 3) -> [String] {
        (poolSources[index] ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map(\.key)
    }
}

/// The Scope 2 figure an allocation passes on.
public enum Scope2Basis: String, Sendable, CaseIterable {
    case market, location
}

/// Computed purchase lines that an allocation cannot tell apart, summed: the same supplier, ledger
/// category, Scope 3 category, method and customer (for a line made for a customer, only the customer,
/// category and method: it passes through whatever its supplier).
struct PurchaseLineGroup: Hashable {
    /// Nil for a line made for a customer.
    var supplier: String?
    var category: String?
    var scope3: Int
    var customer: String?
    var method: CalculationMethod
}

extension RunStore {
    /// Sorts the emissions of `run` into pools (`matcher` gives every pool whose selectors match a
    /// source), customers (purchase lines with a customer id pass through first) and the rest.
    ///
    /// The purchase lines are read from the results the run stored (method, activity and figure, as
    /// `calculate` wrote them) and the packed lines' grouping columns, summed by what the pools select
    /// (`PurchaseLineGroup`), so that pools are matched per group, not per line; the sums are checked
    /// against the run's stored inventory. With `verifyingLines`, every line is evaluated again and
    /// checked against the run's result instead (`runLines`, as `runs lines` and `runs verify` read
    /// them): the same inputs, several times slower.
    public func allocationInputs(
        run: CalculationRun,
        scope2Basis: Scope2Basis,
        verifyingLines: Bool = false,
        matcher: (PoolCandidate) -> [Int]
    ) throws(WorkspaceError)
        -> AllocationInputs
    {
        var inputs = AllocationInputs()
        var matches: [PoolCandidate: [Int]] = [:]
        func place(
            _ candidate: PoolCandidate,
            _ component: EmissionComponent,
            _ nano: Int128,
            lines: Int = 1,
            source: String,
            customer: String? = nil
        ) {
            inputs.inventory[component, default: 0] += nano
            if let customer {
                inputs.direct[customer, default: [:]][component, default: 0] += nano
                return
            }
            let pools: [Int]
            if let known = matches[candidate] {
                pools = known
            } else {
                pools = matcher(candidate)
                matches[candidate] = pools
            }
            if pools.count > 1 {
                inputs.overlaps[pools, default: (0, 0)].lines += lines
                inputs.overlaps[pools, default: (0, 0)].nanoKg += nano
            }
            if let pool = pools.first {
                inputs.pools[pool, default: [:]][component, default: 0] += nano
                inputs.poolSources[pool, default: [:]][source, default: 0] += nano
            } else {
                inputs.unpooled[component, default: 0] += nano
            }
        }
        let purchases =
            if verifyingLines {
                try purchaseGroupsVerifyingLines(run)
            } else if let summed = try purchaseGroupsFromInventory(run) {
                summed
            } else {
                try purchaseGroups(run)
            }
        workspace.logger.phase("allocation: \(purchases.lines) purchase lines read in \(purchases.groups.count) groups")
        inputs.purchaseLines = purchases.lines
        inputs.unmappedLines = purchases.unmapped
        for (group, sum) in purchases.groups {
            let candidate = PoolCandidate(scope: 3, scope3Category: group.scope3, supplier: group.supplier, category: group.category, site: nil)
            place(
                candidate,
                EmissionComponent(scope: 3, scope3Category: group.scope3, source: .init(group.method)),
                sum.nanoKg,
                lines: sum.lines,
                source: group.supplier ?? "",
                customer: group.customer
            )
        }
        let corporate = try corporateInventory(run)
        inputs.boundary = corporate.inventory.boundary
        inputs.leasedEnergy = corporate.downstream?.leasedAssets?.byCustomer ?? [:]
        for line in corporate.activity?.lines ?? [] {
            let scope2 = scope2Basis == .market ? line.scope2MarketKg : line.scope2LocationKg
            for (scope, category, kg) in [(1, 0, line.scope1Kg), (2, 0, scope2), (3, 3, line.category3Kg)] where kg != 0 {
                let candidate = PoolCandidate(scope: scope, scope3Category: category, supplier: nil, category: nil, site: line.site)
                place(
                    candidate,
                    EmissionComponent(scope: scope, scope3Category: category, source: .activity),
                    AggregateAccumulator.nanoKg(kg),
                    source: line.site
                )
            }
        }
        for (category, kg) in corporate.inventory.otherScope3Kg.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where kg != 0 {
            let candidate = PoolCandidate(scope: 3, scope3Category: category.rawValue, supplier: nil, category: nil, site: nil)
            place(
                candidate,
                EmissionComponent(scope: 3, scope3Category: category.rawValue, source: .activity),
                AggregateAccumulator.nanoKg(kg),
                source: "Category \(category.rawValue) activity data"
            )
        }
        return inputs
    }

    /// The computed purchase lines of a run, by group, with how many lines are in the inventory and
    /// how many of them are unmapped (0 kg).
    typealias PurchaseGroups = (groups: [PurchaseLineGroup: (lines: Int, nanoKg: Int128)], lines: Int, unmapped: Int)

    /// The purchase lines of `run` as its inventory summed them when it was calculated
    /// (`InventoryAggregate.poolSources`), checked against the inventory's totals; nil for a run
    /// stored before that grouping existed.
    func purchaseGroupsFromInventory(_ run: CalculationRun) throws(WorkspaceError) -> PurchaseGroups? {
        let inventory = run.aggregate
        guard inventory.hasPoolSources else { return nil }
        var result: PurchaseGroups = ([:], 0, 0)
        result.groups.reserveCapacity(inventory.poolSources.count)
        var lines = [Int](repeating: 0, count: 5)
        var nanoKg = [Int128](repeating: 0, count: 5)
        for (key, cell) in inventory.poolSources {
            for m in 0..<5 {
                lines[m] += cell.lines[m]
                nanoKg[m] += cell.nanoKg[m]
            }
            for method in CalculationMethod.allCases where cell.lines[Int(method.rawValue)] != 0 {
                let group = PurchaseLineGroup(
                    supplier: key.supplier,
                    category: key.category,
                    scope3: key.scope3,
                    customer: key.customer,
                    method: method
                )
                result.groups[group, default: (0, 0)].lines += cell.lines[Int(method.rawValue)]
                result.groups[group, default: (0, 0)].nanoKg += cell.nanoKg[Int(method.rawValue)]
            }
        }
        result.lines = lines.reduce(0, +)
        result.unmapped = lines[4]
        guard lines == inventory.total.lines, nanoKg == inventory.total.nanoKg else {
            throw .lineMismatch(
                "the purchase lines of run #\(run.id) by pool source sum to \(lines) lines and \(nanoKg) nano-kg by method, but its inventory has \(inventory.total.lines) lines and \(inventory.total.nanoKg) nano-kg; check it with 'footprint runs verify \(run.id)'"
            )
        }
        return result
    }

    /// The purchase lines of `run`, every one evaluated again and checked against the run's result
    /// (`runLines`), each rounded to the nano-kg as the run's inventory sums them.
    func purchaseGroupsVerifyingLines(_ run: CalculationRun) throws(WorkspaceError) -> PurchaseGroups {
        var result: PurchaseGroups = ([:], 0, 0)
        _ = try runLines(id: run.id) { line in
            guard line.provenance.exclusion == nil else { return }
            result.lines += 1
            guard let method = line.method else {
                result.unmapped += 1
                return
            }
            let direct = line.customer != nil
            let group = PurchaseLineGroup(
                supplier: direct ? nil : line.supplier,
                category: direct ? nil : line.category,
                scope3: line.scope3.rawValue,
                customer: line.customer,
                method: method
            )
            result.groups[group, default: (0, 0)].lines += 1
            result.groups[group, default: (0, 0)].nanoKg += AggregateAccumulator.nanoKg(line.kg)
        }
        return result
    }

    /// The purchase lines of `run` from the results it stored: per line its outcome, and its kg (the
    /// stored activity times the figure the result names, exactly as `calculate` and `runLines` compute
    /// it), with the supplier, category, customer and Scope 3 category of the packed line; packs read
    /// in place on `threads` threads, as a full calculation reads them. The sums by method are checked
    /// against the run's stored inventory.
    func purchaseGroups(_ run: CalculationRun, threads: Int = 2) throws(WorkspaceError) -> PurchaseGroups {
        let reference = try workspace.read { db in try RunReference.load(db: db, run: run) }
        let texts: [String?] = try workspace.read { db in try TermTable.texts(db: db) }
        let evaluator = PackEvaluator(
            engine: reference.engine,
            texts: texts,
            boundary: InventoryBoundary(period: run.period, rules: reference.categoryRules, scope3Defaults: reference.scope3Defaults)
        )
        let chain = try runChain(run.id)
        let refs = try packs(importIDs: reference.purchaseImports.map(\.importID))
        // Each pack's results are in the newest run of the chain that stored them (run ids grow with time).
        let holders: [Int64: Int64] = try workspace.read { db in
            var holders: [Int64: Int64] = [:]
            let sql =
                "SELECT pack_id, max(run_id) FROM run_result WHERE run_id IN (\(chain.map(String.init).joined(separator: ","))) GROUP BY pack_id"
            for row in try Row.fetchAll(db, sql: sql) { holders[row[0]] = row[1] }
            return holders
        }
        let work = PackWork<PurchaseGroupSums.Part>(packs: refs, threads: threads)
        let pool = workspace.pool
        let group = DispatchGroup()
        for worker in 0..<work.threads {
            DispatchQueue(label: "footprint.allocation.\(worker)").async(group: group) {
                var part = PurchaseGroupSums.Part(terms: texts.count)
                do {
                    try pool.read { db in
                        let select = try db.makeStatement(sql: "SELECT data FROM purchase_pack WHERE id = ?")
                        let stored = try db.makeStatement(sql: "SELECT data FROM run_result WHERE run_id = ? AND pack_id = ?")
                        // The pack's grouping columns only (17 of its 46 bytes a line, into reused storage); the whole
                        // pack when a line's Scope 3 category depends on its amount (a capitalisation threshold).
                        let groupings = PackGroupings.Reader(db)
                        while let ref = work.next() {
                            guard let holder = holders[ref.id] else {
                                throw WorkspaceError.database("run #\(run.id) has no stored results for pack \(ref.id)")
                            }
                            let done: Bool? = try RunStore.blob(stored, holder, ref.id) { resultBytes -> Bool in
                                guard let results = LineResultPack.View(resultBytes) else { return false }
                                guard let columns = try groupings.read(pack: ref.id), columns.count == results.count else { return false }
                                if part.add(columns, results, supplier: Int(ref.supplier), evaluator: evaluator) { return true }
                                return try RunStore.blob(select, ref.id) { packBytes -> Bool in
                                    guard let pack = PackView(packBytes), pack.count == results.count else { return false }
                                    part.add(pack, results, supplier: Int(ref.supplier), evaluator: evaluator)
                                    return true
                                } ?? false
                            }
                            guard done == true else {
                                throw WorkspaceError.database("pack \(ref.id) or its results in run #\(holder) are missing or damaged")
                            }
                        }
                    }
                    work.finish(part)
                } catch {
                    work.fail(error)
                }
            }
        }
        group.wait()
        if let error = work.error {
            if let error = error as? WorkspaceError { throw error }
            throw .database("\(error)")
        }
        var sums: [PurchaseGroupSums.Key: (lines: Int, nanoKg: Int128)] = [:]
        var lines = 0
        var unmapped = 0
        var byMethod = [Int128](repeating: 0, count: 4)
        var linesByMethod = [Int](repeating: 0, count: 5)
        for part in work.results {
            for (key, sum) in part.sums {
                sums[key, default: (0, 0)].lines += sum.lines
                sums[key, default: (0, 0)].nanoKg += sum.nanoKg
            }
            for (key, count, nano) in part.customerSums() {
                sums[key, default: (0, 0)].lines += count
                sums[key, default: (0, 0)].nanoKg += nano
            }
            lines += part.lines
            unmapped += part.linesByMethod[4]
            for m in 0..<4 { byMethod[m] += part.byMethod[m] }
            for m in 0..<5 { linesByMethod[m] += part.linesByMethod[m] }
        }
        let saved = run.aggregate.total
        guard linesByMethod == saved.lines, byMethod == Array(saved.nanoKg.prefix(4)) else {
            throw .lineMismatch(
                "the stored results of run #\(run.id) sum to \(linesByMethod) lines and \(byMethod) nano-kg by method, but the run stored \(saved.lines) lines and \(saved.nanoKg) nano-kg; check it with 'footprint runs verify \(run.id)'"
            )
        }
        func text(_ id: Int32) -> String? { id >= 0 && Int(id) < texts.count ? texts[Int(id)] : nil }
        var groups: [PurchaseLineGroup: (lines: Int, nanoKg: Int128)] = [:]
        groups.reserveCapacity(sums.count)
        for (key, sum) in sums {
            let direct = key.customer >= 0
            let group = PurchaseLineGroup(
                supplier: direct ? nil : text(key.supplier) ?? "#\(key.supplier)",
                category: direct ? nil : text(key.category) ?? "#\(key.category)",
                scope3: Int(key.scope3),
                customer: direct ? text(key.customer) : nil,
                method: CalculationMethod(rawValue: key.method)!
            )
            groups[group, default: (0, 0)].lines += sum.lines
            groups[group, default: (0, 0)].nanoKg += sum.nanoKg
        }
        return (groups, lines, unmapped)
    }
}

/// What a thread of `RunStore.purchaseGroups` sums of the packs `PackWork` hands it.
enum PurchaseGroupSums {
    /// Term ids, method and Scope 3 category of computed lines; supplier and category -1 for a line made for a customer.
    struct Key: Hashable, Sendable {
        var supplier: Int32
        var category: Int32
        var customer: Int32
        var scope3: UInt8
        var method: UInt8
    }

    /// What one thread summed. A line is added without hashing: lines made for a customer into a dense
    /// table by customer (numbered as they come), Scope 3 category and method; the other lines of a
    /// pack (one supplier, a few categories) into a short list searched from the key last found, moved
    /// into `sums` when the pack is done (`endPack`).
    struct Part: Sendable {
        var sums: [Key: (lines: Int, nanoKg: Int128)] = [:]
        /// Lines in the inventory; by method (index 4 unmapped), lines and nano-kg.
        var lines = 0
        var linesByMethod = [Int](repeating: 0, count: 5)
        var byMethod = [Int128](repeating: 0, count: 4)
        /// Per customer term, its number in the customer table (-1: none yet); the terms by number.
        private var customerNumber: [Int32]
        private(set) var customerTerms: [Int32] = []
        /// Per customer number, Scope 3 category (0...15) and method (0...3): at `number * 64 + scope3 * 4 + method`.
        private(set) var customerLines: [Int] = []
        private(set) var customerNanoKg: [Int128] = []
        /// The current pack's other lines.
        private var packKeys: [Key] = []
        private var packSums: [(lines: Int, nanoKg: Int128)] = []
        private var lastKey = 0

        /// `terms`: the number of terms (customer ids are term numbers below it).
        init(terms: Int) { customerNumber = Array(repeating: -1, count: max(0, terms)) }

        /// Moves the current pack's sums into `sums`.
        mutating func endPack() {
            for (key, sum) in zip(packKeys, packSums) {
                sums[key, default: (0, 0)].lines += sum.lines
                sums[key, default: (0, 0)].nanoKg += sum.nanoKg
            }
            packKeys.removeAll(keepingCapacity: true)
            packSums.removeAll(keepingCapacity: true)
            lastKey = 0
        }

        /// The sums of lines made for customers, as keys of `sums` (supplier and category -1).
        func customerSums() -> [(key: Key, lines: Int, nanoKg: Int128)] {
            var result: [(key: Key, lines: Int, nanoKg: Int128)] = []
            for (number, term) in customerTerms.enumerated() {
                for cell in 0..<64 where customerLines[number * 64 + cell] != 0 {
                    let key = Key(supplier: -1, category: -1, customer: term, scope3: UInt8(cell / 4), method: UInt8(cell % 4))
                    result.append((key, customerLines[number * 64 + cell], customerNanoKg[number * 64 + cell]))
                }
            }
            return result
        }

        /// The lines of `pack` (of supplier term `supplier`) in the inventory, with their stored `results`,
        /// from the pack's grouping columns; false (nothing added) when a computed line is placed in its
        /// Scope 3 category by a capitalisation threshold, which needs the whole line (`add(_:_:supplier:evaluator:)`).
        mutating func add(_ pack: PackGroupings, _ results: LineResultPack.View, supplier: Int, evaluator: PackEvaluator) -> Bool {
            let fixed = evaluator.categoryScope3
            for i in 0..<pack.count where pack.scope3(i) == 0 && fixed[Int(pack.category(i))] == 0 {
                let outcome = results.outcome(i)
                if outcome.status.isInInventory && outcome.method != nil { return false }
            }
            let supplierKey = evaluator.supplierKey(supplier)
            for i in 0..<pack.count {
                let outcome = results.outcome(i)
                guard outcome.status.isInInventory else { continue }
                lines += 1
                guard let method = outcome.method else {
                    linesByMethod[4] += 1
                    continue
                }
                let nano = AggregateAccumulator.nanoKg(evaluator.kg(results, i, product: Int(pack.product(i)), supplierEngineKey: supplierKey))
                let category = Int(pack.category(i))
                let flag = pack.scope3(i)
                let scope3 = flag > 0 ? flag : fixed[category]
                add(category: category, customer: pack.customer(i), scope3: scope3, method: method, nano: nano, supplier: supplier)
            }
            endPack()
            return true
        }

        @inline(__always)
        private mutating func add(category: Int, customer: Int32, scope3: UInt8, method: CalculationMethod, nano: Int128, supplier: Int) {
            let m = Int(method.rawValue)
            byMethod[m] += nano
            linesByMethod[m] += 1
            if customer >= 0 && Int(customer) < customerNumber.count {
                var number = Int(customerNumber[Int(customer)])
                if number < 0 {
                    number = customerTerms.count
                    customerNumber[Int(customer)] = Int32(number)
                    customerTerms.append(customer)
                    customerLines += repeatElement(0, count: 64)
                    customerNanoKg += repeatElement(0, count: 64)
                }
                let cell = number * 64 + Int(scope3 & 15) * 4 + m
                customerLines[cell] += 1
                customerNanoKg[cell] += nano
                return
            }
            let direct = customer >= 0
            let key = Key(
                supplier: direct ? -1 : Int32(supplier),
                category: direct ? -1 : Int32(category),
                customer: customer,
                scope3: scope3,
                method: method.rawValue
            )
            if lastKey >= packKeys.count || packKeys[lastKey] != key {
                if let found = packKeys.firstIndex(of: key) {
                    lastKey = found
                } else {
                    lastKey = packKeys.count
                    packKeys.append(key)
                    packSums.append((0, 0))
                }
            }
            packSums[lastKey].lines += 1
            packSums[lastKey].nanoKg += nano
        }

        /// The lines of a whole pack.
        mutating func add(_ pack: PackView, _ results: LineResultPack.View, supplier: Int, evaluator: PackEvaluator) {
            let supplierKey = evaluator.supplierKey(supplier)
            for i in 0..<pack.count {
                let outcome = results.outcome(i)
                guard outcome.status.isInInventory else { continue }
                lines += 1
                guard let method = outcome.method else {
                    linesByMethod[4] += 1
                    continue
                }
                let nano = AggregateAccumulator.nanoKg(evaluator.kg(results, i, pack, supplierEngineKey: supplierKey))
                let category = Int(pack.category(i))
                let scope3 = evaluator.scope3(flag: Int(pack.scope3(i)), category: category, unit: Int(pack.unit(i))) {
                    evaluator.ledgerLine(pack, i, supplierKey)
                }
                add(category: category, customer: pack.customer(i), scope3: UInt8(scope3), method: method, nano: nano, supplier: supplier)
            }
            endPack()
        }
    }
}
