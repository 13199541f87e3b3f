public import FootprintCore
import Foundation

/// The factor library built into Footprint, so that a new workspace computes offline: a small
/// curated table for an IT-services company, spend-based figures from US EPA v1.3 (USD, 2022
/// prices) and average-data figures from DESNZ 2024 v1.1. docs/factor-libraries.md lists every figure.
public enum DefaultFactorLibrary {
    /// The library's identity (`footprint-default`, version `2026.1`; no file hash: it is built in).
    public static let info = FactorLibraryInfo(
        id: "footprint-default",
        title: "Footprint default factors for IT-services companies",
        version: DefaultFactorTable.version,
        publisher: "Footprint project",
        licence: "Compiled from US EPA (public domain) and DESNZ (Open Government Licence v3.0) figures; each factor names its source",
        sourceURL: nil,
        doi: nil,
        sha256: nil
    )

    /// The category ids of the curated table.
    public static let categories = [
        "computers", "network-equipment", "storage", "peripherals", "telecom-services", "software", "it-consulting",
        "data-processing-hosting", "office-supplies", "furniture", "air-travel", "rail-travel", "taxi", "hotels", "freight",
        "electricity", "waste-weee",
    ]

    /// The table read into factors and Scope 3 defaults. The table is part of the program and
    /// tested, so a failure to read it is a programming error.
    public static let content: FactorLibraryContent = {
        do { return try read(csv: DefaultFactorTable.csv, file: DefaultFactorTable.fileName, info: info) } catch {
            fatalError("the built-in factor table does not read: \(error)")
        }
    }()

    /// Reads a table in the default library's layout: the `factors.csv` columns of FORMATS.md and
    /// `scope3_category` (`1`...`15`, empty for none; one value per category).
    public static func read(csv: String, file: String, info: FactorLibraryInfo) throws(InputError) -> FactorLibraryContent {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: Data(csv.utf8), file: file, diagnostics: &diagnostics)
        let factors = try ReferenceDataReader.factors(table, &diagnostics)
        // The built-in layout requires the column; ReferenceDataReader reads it as for a data folder's factors.csv.
        _ = try table.columns(required: ["category", "scope3_category"])
        let defaults = try ReferenceDataReader.scope3Defaults(table, &diagnostics)
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return FactorLibraryContent(info: info, factors: factors, scope3Defaults: defaults)
    }
}
