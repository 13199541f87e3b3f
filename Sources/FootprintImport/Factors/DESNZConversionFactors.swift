public import FootprintCore
import Foundation

/// Reads the UK Government GHG Conversion Factors for Company Reporting (DESNZ), "full set for
/// advanced users" workbook, into average-data factors (kg CO2e per unit of activity).
///
/// Each extracted sheet is a series of tables whose header row starts with `Activity` and has a
/// `Unit` column; the columns left of `Unit` describe the activity (a blank one repeats the row
/// above, as the workbook's merged-looking layout intends), and each `kg CO2e` column right of
/// it is one factor, named by the label above it when there is one (`With RF`, `Landfill`,
/// `50% Laden`, `Petrol`). The gas breakdown columns (`kg CO2e of CO2 per unit`, ...) are not read.
///
/// Category ids: `desnz/<sheet>/<descriptor>/.../<column label>/<unit qualifier>`, each part
/// lower-cased with runs of other characters turned into `-`; a descriptor equal to the sheet's
/// part is left out, and so is the year. Example: `desnz/business-travel-air/flights/long-haul-to-from-uk/economy-class/with-rf`.
/// The unit qualifier is the bracketed part of a unit such as `kWh (Net CV)` (-> `net-cv`).
public enum DESNZConversionFactors {
    /// A sheet to extract, its part of the category id and its default Scope 3 category.
    public struct Sheet: Sendable, Hashable {
        public var name: String
        public var scope3: Scope3Category?
        public var slug: String { DESNZConversionFactors.slug(name) }
    }

    /// The extracted sheets. Fuels and UK electricity have no default: for the reporting company
    /// they are Scope 1 and Scope 2; only their well-to-tank and T&D parts (the `WTT-` and
    /// `Transmission and distribution` sheets) are Scope 3 category 3.
    public static let sheets: [Sheet] = [
        Sheet(name: "Fuels", scope3: nil),
        Sheet(name: "UK electricity", scope3: nil),
        Sheet(name: "Transmission and distribution", scope3: .fuelAndEnergyRelatedActivities),
        Sheet(name: "WTT- fuels", scope3: .fuelAndEnergyRelatedActivities),
        Sheet(name: "WTT- UK electricity", scope3: .fuelAndEnergyRelatedActivities),
        Sheet(name: "Material use", scope3: .purchasedGoodsAndServices),
        Sheet(name: "Waste disposal", scope3: .wasteGeneratedInOperations),
        Sheet(name: "Business travel- air", scope3: .businessTravel),
        Sheet(name: "Business travel- sea", scope3: .businessTravel),
        Sheet(name: "Business travel- land", scope3: .businessTravel),
        Sheet(name: "Hotel stay", scope3: .businessTravel),
        Sheet(name: "Freighting goods", scope3: .upstreamTransportationAndDistribution),
    ]

    public static let officialPage = "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024"
    public static let licence = "Open Government Licence v3.0 (Crown copyright)"

    /// Reads the workbook file. `sha256` is recorded in the library's info.
    public static func read(path: String, displayName: String? = nil, sha256: String? = nil) throws(InputError) -> FactorLibraryContent {
        let name = displayName ?? (path as NSString).lastPathComponent
        let workbook: XLSXWorkbook
        do { workbook = try XLSXWorkbook(path: path, displayName: name) } catch {
            throw InputError(file: name, message: error.message)
        }
        return try extract(workbook, sha256: sha256)
    }

    /// Extracts every sheet of `sheets`. Throws naming the missing sheets when the workbook is not a DESNZ full set.
    public static func extract(_ workbook: XLSXWorkbook, sha256: String? = nil) throws(InputError) -> FactorLibraryContent {
        let file = workbook.file
        let missing = sheets.map(\.name).filter { !workbook.sheetNames.contains($0) }
        guard missing.isEmpty else {
            throw InputError(
                file: file,
                message: "not a DESNZ/Defra GHG conversion factors full set: it has no sheet \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                    + "expected the 'full set (for advanced users)' workbook from \(officialPage)"
            )
        }
        var diagnostics: [Diagnostic] = []
        var factors: [EmissionFactor] = []
        var defaults: [String: Scope3Category] = [:]
        var edition: (year: String, version: String)?
        var seen: [String: Int] = [:]
        for spec in sheets {
            let sheet: XLSXSheet
            do { sheet = try workbook.sheet(named: spec.name) } catch { throw InputError(file: file, message: error.message) }
            if edition == nil { edition = Self.edition(of: sheet) }
            let ed = edition ?? ("", "")
            for row in DESNZTableScanner.rows(of: sheet) {
                for value in row.values {
                    let location = SourceLocation(file: "\(file) [\(spec.name)]", line: row.row)
                    let parsed = unit(row.unitText)
                    guard parsed.unit.dimension != nil else {
                        diagnostics.append(
                            Diagnostic(
                                file: location.file,
                                line: row.row,
                                column: "Unit",
                                message: "'\(row.unitText)' is not a unit Footprint knows; add it to UnitCatalog or to DESNZConversionFactors.unit"
                            )
                        )
                        continue
                    }
                    var parts = [spec.slug]
                    var names: [String] = []
                    for d in row.descriptors where slug(d) != spec.slug && parts.last != slug(d) {
                        parts.append(slug(d))
                        names.append(d)
                    }
                    if let label = value.label {
                        parts.append(slug(label))
                        names.append(label)
                    }
                    if let qualifier = parsed.qualifier {
                        parts.append(slug(qualifier))
                        names.append(qualifier)
                    }
                    let category = "desnz/" + parts.joined(separator: "/")
                    let key = "\(category) \(parsed.unit.symbol)"
                    if let first = seen[key] {
                        diagnostics.append(
                            Diagnostic(
                                file: location.file,
                                line: row.row,
                                message:
                                    "two factors for category '\(category)' in '\(parsed.unit.symbol)' (the other is on row \(first)); the category id scheme needs a further part"
                            )
                        )
                        continue
                    }
                    seen[key] = row.row
                    let cell = XLSXCellReference(row: row.row, column: value.column)
                    factors.append(
                        EmissionFactor(
                            category: category,
                            name: "\(spec.name): \(names.joined(separator: ", "))",
                            kgPerUnit: value.number,
                            kgPerUnitText: value.text,
                            basis: .activity(unit: parsed.unit),
                            source: "UK Government GHG Conversion Factors for Company Reporting \(ed.year) (DESNZ), full set v\(ed.version), "
                                + "sheet '\(spec.name)', row \(row.row), cell \(cell); OGL v3.0",
                            location: location
                        )
                    )
                    if let scope3 = spec.scope3 { defaults[category] = scope3 }
                }
            }
        }
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        let ed = edition ?? ("", "")
        let info = FactorLibraryInfo(
            id: ed.year.isEmpty ? "desnz" : "desnz-\(ed.year)",
            title: "UK Government GHG Conversion Factors for Company Reporting \(ed.year), full set (for advanced users)",
            version: "\(ed.year) v\(ed.version)",
            publisher: "Department for Energy Security and Net Zero (DESNZ)",
            licence: licence,
            sourceURL: officialPage,
            doi: nil,
            sha256: sha256
        )
        return FactorLibraryContent(info: info, factors: factors, scope3Defaults: defaults)
    }

    /// The year and version from a sheet's header block (`Version:` 1.1, `Year:` 2024).
    static func edition(of sheet: XLSXSheet) -> (year: String, version: String)? {
        var year: String?
        var version: String?
        for r in 1...min(12, max(sheet.lastRow, 1)) {
            for cell in sheet.cells(inRow: r) {
                let label = cell.text.trimmingCharacters(in: .whitespaces)
                let next = sheet.cell(row: r, column: cell.reference.column + 1)
                if label == "Year:", let next { year = next.number.map { String(Int($0)) } ?? next.text }
                if label == "Version:", let next { version = next.number.map { String($0) } ?? next.text }
            }
        }
        guard let year, let version else { return nil }
        return (year, version)
    }

    /// A DESNZ unit as a Footprint unit, and the qualifier in brackets: `kWh (Net CV)` -> (kWh, `Net CV`).
    public static func unit(_ text: String) -> (unit: MeasureUnit, qualifier: String?) {
        var base = text.trimmingCharacters(in: .whitespaces)
        var qualifier: String?
        if let open = base.firstIndex(of: "("), base.hasSuffix(")") {
            qualifier = String(base[base.index(after: open)..<base.index(before: base.endIndex)]).trimmingCharacters(in: .whitespaces)
            base = String(base[..<open]).trimmingCharacters(in: .whitespaces)
        }
        return (MeasureUnit(parsing: base), qualifier)
    }

    /// `Long-haul, to/from UK` -> `long-haul-to-from-uk`; `>3.5 - 7.5 tonnes` -> `3.5-7.5-tonnes`.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        let scalars = Array(text.lowercased().unicodeScalars)
        for (i, s) in scalars.enumerated() {
            let isAlnum = (s >= "a" && s <= "z") || (s >= "0" && s <= "9")
            // Keep a decimal point between digits (3.5), so sizes stay readable and distinct.
            let isDecimalPoint =
                s == "." && i > 0 && i + 1 < scalars.count
                && ("0"..."9").contains(scalars[i - 1]) && ("0"..."9").contains(scalars[i + 1])
            if isAlnum || isDecimalPoint {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(s)
            } else if s == "%" {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append("pct")
            } else {
                pendingDash = true
            }
        }
        return out
    }
}
