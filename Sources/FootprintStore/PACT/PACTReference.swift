import FootprintCore
import FootprintPACT
import Foundation
import GRDB

/// The imported PACT footprints a calculation uses, resolved from `pact_footprint`:
///
/// - only footprints linked to a supplier, with status `Active`, or superseded by a stored successor
///   (one names them in its `precedingPfIds`, or `superseded_by` is set; `Active` or `Deprecated`): a
///   correction never makes the past worse, so a superseded footprint stays in force on the dates
///   where no successor is valid, and comes after every footprint that is not superseded;
/// - each applies to the ledger `product` values that equal one of its `productIds`, or the last
///   `:`-segment of one (case-insensitively), or that the user linked explicitly to one of them
///   (`pact_product_link`), and likewise to the manufacturers' product ids of manufacturers.csv
///   (`makersProducts`: a maker's footprint reaches the lines a distributor invoices under its own id);
/// - kg per unit = pcfExcludingBiogenicUptake / declaredUnitAmount, in the declared unit;
/// - validity: validityPeriodStart/End, else referencePeriodEnd to referencePeriodEnd + 3 years.
///
/// Ordered so that, among footprints of one (supplier, product) valid on a date, the one whose
/// validity started latest comes first (then the latest created, then by id).
enum PACTReference {
    static func resolve(db: Database, makersProducts: [String] = []) throws -> [PACTRunFootprint] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT f.id, f.supplier_id, f.status, f.json, f.superseded_by, f.import_id, f.partner, i.file_name
                FROM pact_footprint f LEFT JOIN import i ON i.id = f.import_id
                WHERE f.origin = 'imported' AND f.supplier_id IS NOT NULL AND (f.import_id IS NULL OR i.status = 'active')
                ORDER BY f.seq
                """
        )
        var parsed: [(row: Row, footprint: PACTFootprint)] = []
        /// Predecessor id -> the successor that names it in `precedingPfIds`.
        var preceded: [String: String] = [:]
        for row in rows {
            let data: Data = row["json"]
            guard let json = try? JSONValue.parse(data), let footprint = try? PACTFootprint(json: json) else {
                throw WorkspaceError.database("stored PACT footprint \(row["id"] as String) cannot be read again")
            }
            parsed.append((row, footprint))
            if footprint.status == .active { for id in footprint.precedingPfIds { preceded[id] = footprint.id } }
        }
        // Ledger product values, found case-insensitively among the workspace's texts.
        var texts: [String: [String]] = [:]
        if !parsed.isEmpty {
            for text in try String.fetchAll(db, sql: "SELECT text FROM term") { texts[text.lowercased(), default: []].append(text) }
            for text in makersProducts where !(texts[text.lowercased()]?.contains(text) ?? false) {
                texts[text.lowercased(), default: []].append(text)
            }
        }
        var links: [String: [String: [String]]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: "SELECT supplier_id, product_urn, product FROM pact_product_link ORDER BY supplier_id, product_urn, product"
        ) {
            links[row["supplier_id"], default: [:]][(row["product_urn"] as String).lowercased(), default: []].append(row["product"])
        }
        var result: [(PACTRunFootprint, Int64, Int64)] = []
        for (row, f) in parsed {
            let successor: String? = (row["superseded_by"] as String?) ?? preceded[f.id]
            // Active, or replaced by a known successor; a Deprecated footprint without one is withdrawn.
            guard f.status == .active || successor != nil else { continue }
            guard let unit = UnitCatalog.pactDeclaredUnit(f.declaredUnit) else { continue }
            let supplier: String = row["supplier_id"]
            var products: [String] = []
            func add(_ p: String) { if !products.contains(p) { products.append(p) } }
            for urn in f.productIds {
                let key = urn.lowercased()
                for candidate in [key, PACTSupplierMatcher.lastSegment(key)] {
                    for text in texts[candidate] ?? [] { add(text) }
                }
                for text in links[supplier]?[key] ?? [] { add(text) }
            }
            let importID: Int64? = row["import_id"]
            let origin: String = row["file_name"] ?? row["partner"] ?? "pulled"
            for product in products {
                result.append(
                    (
                        PACTRunFootprint(
                            id: f.id,
                            supplier: supplier,
                            product: product,
                            importID: importID,
                            origin: origin,
                            unit: unit.symbol,
                            declaredUnitAmount: f.declaredUnitAmount.text,
                            pcfExcludingBiogenicUptake: f.pcfExcludingBiogenicUptake.text,
                            pcfIncludingBiogenicUptake: f.pcfIncludingBiogenicUptake.text,
                            biogenicCO2Uptake: f.biogenicCO2Uptake?.text,
                            primaryDataShare: f.primaryDataShare?.text,
                            technologicalDQR: f.dqi?.technological.text,
                            geographicalDQR: f.dqi?.geographical.text,
                            temporalDQR: f.dqi?.temporal.text,
                            validFrom: f.effectiveValidityStart.epochMilliseconds,
                            validUntil: f.effectiveValidityEnd.epochMilliseconds,
                            supersededBy: successor
                        ),
                        f.effectiveValidityStart.epochMilliseconds, f.created.epochMilliseconds
                    )
                )
            }
        }
        result.sort { a, b in
            // Footprints in force first; a superseded one only where none of them is valid.
            if (a.0.supersededBy == nil) != (b.0.supersededBy == nil) { return a.0.supersededBy == nil }
            if a.1 != b.1 { return a.1 > b.1 }
            if a.2 != b.2 { return a.2 > b.2 }
            return a.0.id < b.0.id
        }
        return result.map(\.0)
    }
}
