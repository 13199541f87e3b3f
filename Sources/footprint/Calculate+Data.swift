import ArgumentParser
import FootprintCore
import FootprintImport
import Foundation

extension Footprint.Calculate {
    /// `calculate --data DIR`: the inventory of a folder of canonical files, computed statelessly, for
    /// the reporting period (`--period`) with the folder's category rules (docs/inventory.md).
    func runData(_ directory: String) throws {
        let purchases = (directory as NSString).appendingPathComponent("purchases.csv")
        do {
            let corporate = try CorporateData.read(directory: directory)
            let period = try periodOption.reportingPeriod(defaultStart: corporate.boundary.fiscalYearStart)
            guard FileManager.default.fileExists(atPath: purchases) else {
                throw InputError(file: "purchases.csv", message: "missing: '\(purchases)' does not exist; the data folder needs a purchases.csv")
            }
            let folder = try ReferenceDataReader.readFolder(directory: directory)
            let engine = InventoryEngine(reference: folder.reference)
            let boundary = folder.boundary(period: period)
            let scanner = LedgerScanner(
                engine: engine,
                boundary: boundary,
                options: .init(threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            )
            let summary: InventorySummary
            if let linesOut {
                let output = try AtomicOutputFile(path: linesOut)
                do {
                    summary = try scanner.scan(path: purchases, displayName: "purchases.csv") { output.write($0) }
                    try output.commit()
                } catch {
                    output.discard()
                    throw error
                }
            } else {
                summary = try scanner.scan(path: purchases, displayName: "purchases.csv")
            }
            let result = try corporate.inventory(
                purchases: summary,
                period: period,
                rules: boundary,
                disclosuresWithoutUpstreamScope3: engine.disclosuresWithoutUpstreamScope3
            )
            if json {
                print(CorporateOutput.json(result).rendered())
            } else {
                let names = Dictionary(folder.reference.suppliers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
                print(summary.text(supplierNames: names), terminator: "")
                print(CorporateOutput.text(result, hasActivity: corporate.hasActivity), terminator: "")
            }
        } catch let error as InputError {
            FileHandle.standardError.write(Data((error.report() + "\n").utf8))
            throw ExitCode(1)
        } catch let error as CorporateInventoryError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
