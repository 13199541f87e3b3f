import FootprintCore
import FootprintImport
import Foundation
import FuzzSupport

// Arbitrary bytes as each of the small files a company gives beside its ledger: the customer files
// (customers, services, service pools, service usage: docs/customers.md) and the sold-products and
// take-back files (sales, product use, end of life, returns, leased equipment, avoided emissions:
// docs/downstream.md). Every reader either returns its rows or reports problems located in its file;
// the return programme's outcomes account for every returned kilogram; leased equipment has a span
// of at least one day, kWh of zero or more and no more hours than its days hold.

private let customerRoles = ["customers.csv", "services.csv", "service_pools.csv", "service_usage.csv"]
private let downstreamRoles = [
    DownstreamDataReader.salesFile, DownstreamDataReader.useFile, DownstreamDataReader.endOfLifeFile, DownstreamDataReader.returnsFile,
    DownstreamDataReader.leasedFile, DownstreamDataReader.avoidedFile,
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    // A diagnostic names one of the files and a line the input can have (the header is line 1).
    let lines = bytes.reduce(1) { $1 == 10 || $1 == 13 ? $0 + 1 : $0 }
    func located(_ error: InputError, _ files: [String]) {
        for d in error.diagnostics where !files.contains(d.file) || d.line < 1 || d.line > lines + 1 {
            FuzzSupport.fail("a problem located outside the input (\(lines) lines): \(d)")
        }
    }
    func table(_ name: String) -> CSVTable? {
        var diagnostics: [Diagnostic] = []
        do {
            let t = try CSVTable.parse(data: bytes, file: name, diagnostics: &diagnostics)
            located(InputError(diagnostics), [name])
            return diagnostics.isEmpty ? t : nil
        } catch {
            located(error, [name])
            return nil
        }
    }
    guard table("input.csv") != nil else { return 0 }

    do {
        let read = try CustomerDataReader.read(
            customers: table(customerRoles[0]),
            services: table(customerRoles[1]),
            pools: table(customerRoles[2]),
            usage: table(customerRoles[3]),
            sites: nil,
            inWorkspace: false
        )
        for use in read.usage where !(use.quantity >= 0) || !(1...12).contains(use.month) {
            FuzzSupport.fail("a usage row read with quantity \(use.quantity), month \(use.month)")
        }
    } catch {
        located(error, customerRoles)
    }

    do {
        let read = try DownstreamDataReader.read { name, _ throws(InputError) in table(name) }
        for item in read.returns ?? [] {
            let total = item.shares.split(item.kg).reduce(0.0) { $0 + $1.1 }
            if abs(total - item.kg) > 1e-9 * max(1, abs(item.kg)) {
                FuzzSupport.fail("a return of \(item.kg) kg splits into \(total) kg")
            }
        }
        for row in read.leasedEquipment ?? [] {
            if row.days < 1 || !(row.kwh >= 0) {
                FuzzSupport.fail("a leased equipment row read with \(row.days) days and \(row.kwh) kWh")
            }
            if case .power(let cycle) = row.energy, cycle.hours > Double(row.days) * 24 || cycle.parts.contains(where: { !($0.hours > 0) }) {
                FuzzSupport.fail("a leased equipment row read with \(cycle.hours) hours in \(row.days) days")
            }
        }
        for item in read.avoided ?? [] where !(item.units > 0) {
            FuzzSupport.fail("an avoided-emissions comparison read with \(item.units) units")
        }
    } catch {
        located(error, downstreamRoles)
    }
    return 0
}

FuzzSupport.run(fuzz)
