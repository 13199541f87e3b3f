import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// `footprint import customers|services|service-pools|service-usage`: whole or not at all, checked with
/// the other customer files in force, one of each kind in force (docs/customers.md).
@Suite struct CustomerImportTests {
    static let kinds: [(ImportKind, String)] = [
        (.customers, "customers.csv"), (.services, "services.csv"), (.servicePools, "service_pools.csv"), (.serviceUsage, "service_usage.csv"),
    ]

    func importExample(_ t: TemporaryWorkspace) throws {
        _ = try t.workspace.imports.importActivity(kind: .sites, path: nordicIT + "/sites.csv", displayName: "sites.csv", replacing: nil)
        for (kind, file) in Self.kinds {
            _ = try t.workspace.customers.importFile(kind: kind, path: nordicIT + "/" + file, displayName: file, replacing: nil)
        }
    }

    /// The diagnostics of an import that failed on its input.
    func diagnostics(_ body: () throws(WorkspaceError) -> ImportOutcome) -> [String] {
        do {
            _ = try body()
            return []
        } catch {
            guard case .input(let input) = error else { return ["\(error)"] }
            return input.diagnostics.map(\.description)
        }
    }

    @Test func theExampleImportsAndReadsAsTheFolderDoes() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try importExample(t)
        let records = try t.workspace.imports.list().filter(\.kind.isCustomerData)
        #expect(records.map(\.kind) == [.customers, .services, .servicePools, .serviceUsage])
        #expect(records.map(\.rowCount) == [60, 6, 20, 2625])
        let stored = try t.workspace.customers.customerData()
        #expect(stored == (try CustomerDataReader.read(directory: nordicIT)))
        #expect(stored.customers.count == 60 && stored.usage.count == 2625)
        // The usage rows were read from the snapshot stored with their import; damaged, in another format,
        // or absent (an import of an earlier version), the stored file is parsed instead: the same data.
        let usageImport = try #require(records.last).id
        #expect(try t.workspace.count("import_snapshot", where: "import_id = \(usageImport) AND format = 1") == 1)
        for change in [
            "UPDATE import_snapshot SET data = substr(data, 1, 100)", "UPDATE import_snapshot SET format = 99", "DELETE FROM import_snapshot",
        ] {
            try t.workspace.pool.writeWithoutTransaction { db in try db.execute(sql: change) }
            #expect(try t.workspace.customers.customerData() == stored, "after \(change)")
        }
        // The same file again changes nothing.
        let again = try t.workspace.customers.importFile(
            kind: .customers,
            path: nordicIT + "/customers.csv",
            displayName: "customers.csv",
            replacing: nil
        )
        #expect(again.alreadyImported)
    }

    @Test func aWorkspaceWithoutThemHasNone() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        #expect(try t.workspace.customers.customerData().isEmpty)
    }

    @Test func usageNeedsCustomersAndServicesFirst() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let before = try t.workspace.imports.list().count
        #expect(
            diagnostics { () throws(WorkspaceError) in
                try t.workspace.customers.importFile(
                    kind: .serviceUsage,
                    path: nordicIT + "/service_usage.csv",
                    displayName: "service_usage.csv",
                    replacing: nil
                )
            } == [
                "service_usage.csv:1: service_usage.csv names customers and services, but no customers.csv / services.csv is in force; import customers.csv / services.csv first (footprint import customers FILE, then footprint import services FILE)"
            ]
        )
        _ = try t.workspace.customers.importFile(kind: .customers, path: nordicIT + "/customers.csv", displayName: "customers.csv", replacing: nil)
        #expect(
            diagnostics { () throws(WorkspaceError) in
                try t.workspace.customers.importFile(
                    kind: .serviceUsage,
                    path: nordicIT + "/service_usage.csv",
                    displayName: "service_usage.csv",
                    replacing: nil
                )
            } == [
                "service_usage.csv:1: service_usage.csv names services, but no services.csv is in force; import services.csv first (footprint import services FILE)"
            ]
        )
        #expect(
            diagnostics { () throws(WorkspaceError) in
                try t.workspace.customers.importFile(
                    kind: .servicePools,
                    path: nordicIT + "/service_pools.csv",
                    displayName: "service_pools.csv",
                    replacing: nil
                )
            } == [
                "service_pools.csv:1: service_pools.csv names services, but no services.csv is in force; import services.csv first (footprint import services FILE)"
            ]
        )
        #expect(try t.workspace.imports.list().count == before + 1)
    }

    /// One bad row: nothing of the file is stored, and the message names the file, line and column.
    @Test func aBadUsageRowStoresNothing() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        for (kind, file) in Self.kinds.prefix(2) {
            _ = try t.workspace.customers.importFile(kind: kind, path: nordicIT + "/" + file, displayName: file, replacing: nil)
        }
        let before = try t.workspace.imports.list().count
        let bad = try t.file(
            "usage.csv",
            "customer,service,month,quantity,unit\nCUST-001,VSRV,2024-01,10,vCPU-hour\nCUST-001,STOR,2024-01,2,TB\nCUST-999,VSRV,2024-01,1,vCPU-hour\n"
        )
        #expect(
            diagnostics { () throws(WorkspaceError) in
                try t.workspace.customers.importFile(kind: .serviceUsage, path: bad, displayName: "usage.csv", replacing: nil)
            } == [
                "usage.csv:3: column 'unit': 'TB' is not the unit of service 'STOR', which services.csv bills in 'TB-month'; expected the quantity in TB-month",
                "usage.csv:4: column 'customer': unknown customer 'CUST-999'; expected a customer of customers.csv",
            ]
        )
        #expect(try t.workspace.imports.list().count == before)
        #expect(try t.workspace.customers.customerData().usage.isEmpty)
        let count = try t.workspace.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM import WHERE kind = 'service-usage'") }
        #expect(count == 0)
    }

    @Test func aSecondFileOfAKindNeedsReplace() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try importExample(t)
        let current = try #require(try t.workspace.imports.list().first { $0.kind == .customers && $0.status == .active })
        // Without a customer that the usage in force names: refused, the usage file's rows named.
        let text = try String(contentsOfFile: nordicIT + "/customers.csv", encoding: .utf8)
        let fewer = try t.file("customers2.csv", text.split(separator: "\n").filter { !$0.hasPrefix("CUST-002,") }.joined(separator: "\n") + "\n")
        #expect {
            try t.workspace.customers.importFile(kind: .customers, path: fewer, displayName: "customers2.csv", replacing: nil)
        } throws: { error in
            "\(error)".contains("customers.csv is in force as import #\(current.id) (customers); to replace it, import with --replace \(current.id)")
        }
        let refused = diagnostics { () throws(WorkspaceError) in
            try t.workspace.customers.importFile(kind: .customers, path: fewer, displayName: "customers2.csv", replacing: current.id)
        }
        #expect(refused.count == 60)
        #expect(refused.first?.hasSuffix("column 'customer': unknown customer 'CUST-002'; expected a customer of customers2.csv") == true)
        #expect(refused.first?.hasPrefix("service_usage.csv:") == true)
        #expect(try t.workspace.imports.importRecord(id: current.id).status == .active)
        // A corrected file replaces it.
        let renamed = try t.file("customers3.csv", text.replacingOccurrences(of: "Fjordkraft Logistikk AS", with: "Fjordkraft Logistikk ASA"))
        let outcome = try t.workspace.customers.importFile(kind: .customers, path: renamed, displayName: "customers3.csv", replacing: current.id)
        #expect(outcome.superseded == current.id)
        #expect(try t.workspace.customers.customerData().customer(id: "CUST-001")?.name == "Fjordkraft Logistikk ASA")
        #expect(try t.workspace.imports.importRecord(id: current.id).status == .superseded)
    }

    /// A pool's site must be a site in force, when sites are imported.
    @Test func poolSitesAreChecked() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try importExample(t)
        let pools = try #require(try t.workspace.imports.list().first { $0.kind == .servicePools && $0.status == .active })
        let bad = try t.file("pools.csv", "pool,service,site\nP,VSRV,TRD-DC\n")
        #expect(
            diagnostics { () throws(WorkspaceError) in
                try t.workspace.customers.importFile(kind: .servicePools, path: bad, displayName: "pools.csv", replacing: pools.id)
            } == ["pools.csv:2: column 'site': unknown site 'TRD-DC'; expected a site of sites.csv"]
        )
    }

    /// Customer files are not inputs of a calculation run: importing them leaves a run up to date.
    @Test func customerKindsAreNotActivityOrStatus() {
        for (kind, file) in Self.kinds {
            #expect(kind.customerFileName == file && kind.isCustomerData && !kind.isActivity && !kind.isSupplierStatus)
        }
        #expect(ImportKind.servicePools.rawValue == "service-pools" && ImportKind.serviceUsage.rawValue == "service-usage")
    }
}
