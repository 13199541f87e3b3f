public import FootprintCore
public import Foundation

/// Reads the US EPA "Supply Chain Greenhouse Gas Emission Factors for US Industries and
/// Commodities" CO2e CSV (NAICS-6), v1.3 (2022 USD) or v1.2 (2021 USD), into spend-based factors.
///
/// One factor per NAICS code: category = the 6-digit code, name = the NAICS title, kg CO2e per
/// USD of purchaser price at the file's price year, from the "with margins" column (cradle to
/// point of sale, the column to use with purchaser-price spend). The factor text is kept exactly
/// as the file gives it. The version is told by the `Unit` column (`kg CO2e/2022 USD, purchaser
/// price` is v1.3, `kg CO2e/2021 USD, ...` is v1.2); both header variants are accepted.
public enum EPASupplyChainFactors {
    /// An edition of the dataset, known by the price year of its unit.
    public struct Edition: Sendable, Hashable {
        public var version: String
        public var priceYear: Int
        public var doi: String
        public var libraryID: String
        public var officialURL: String
    }

    public static let v1_3 = Edition(
        version: "1.3.0",
        priceYear: 2022,
        doi: "10.23719/1531143",
        libraryID: "epa-useeio-1.3",
        officialURL: "https://pasteur.epa.gov/uploads/10.23719/1531143/SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv"
    )
    public static let v1_2 = Edition(
        version: "1.2.0",
        priceYear: 2021,
        doi: "10.23719/1528686",
        libraryID: "epa-useeio-1.2",
        officialURL: "https://pasteur.epa.gov/uploads/10.23719/1528686/SupplyChainGHGEmissionFactors_v1.2_NAICS_CO2e_USD2021.csv"
    )
    public static let editions = [v1_3, v1_2]

    /// Accepted spellings of each column (v1.3 first, then the v1.2 variant).
    static let codeHeaders = ["2017 NAICS Code", "NAICS Code 2017", "NAICS Code"]
    static let titleHeaders = ["2017 NAICS Title", "NAICS Title 2017", "NAICS Title"]
    static let withMarginsHeaders = ["Supply Chain Emission Factors with Margins", "With Margins"]
    static let unitHeader = "Unit"
    static let ghgHeader = "GHG"

    /// Reads a file. `displayName` names it in diagnostics; `sha256` is recorded in the library's info.
    public static func read(path: String, displayName: String? = nil, sha256: String? = nil) throws(InputError) -> FactorLibraryContent {
        let name = displayName ?? (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, message: "cannot read '\(path)': no such file or not readable")
        }
        return try parse(data: data, file: name, sha256: sha256)
    }

    /// Parses the CSV bytes; every bad row is reported (file:line: column 'name': message).
    public static func parse(data: Data, file: String, sha256: String? = nil) throws(InputError) -> FactorLibraryContent {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: data, file: file, diagnostics: &diagnostics)
        func find(_ names: [String]) -> (name: String, index: Int)? {
            for n in names { if let i = table.columnIndex(n) { return (n, i) } }
            return nil
        }
        guard let code = find(codeHeaders), let title = find(titleHeaders), let value = find(withMarginsHeaders),
            let unitIndex = table.columnIndex(unitHeader)
        else {
            throw InputError(
                file: file,
                line: 1,
                message: "not a US EPA Supply Chain GHG Emission Factors CO2e file: expected the columns "
                    + "'2017 NAICS Code', '2017 NAICS Title', 'GHG', 'Unit', 'Supply Chain Emission Factors with Margins' (v1.3) "
                    + "or 'NAICS Code 2017', 'NAICS Title 2017', 'GHG', 'Unit', 'With Margins' (v1.2); "
                    + "the header has \(table.header.map { "'\($0)'" }.joined(separator: ", "))"
            )
        }
        let ghgIndex = table.columnIndex(ghgHeader)

        var edition: Edition?
        var editionLine = 0
        var factors: [EmissionFactor] = []
        var defaults: [String: Scope3Category] = [:]
        var seen: [String: Int] = [:]
        for row in table.rows {
            func fail(_ column: String, _ message: String) {
                diagnostics.append(Diagnostic(file: file, line: row.line, column: column, message: message))
            }
            func field(_ i: Int) -> String { row.fields[i].trimmingCharacters(in: .whitespaces) }
            let naics = field(code.index)
            let naicsTitle = field(title.index)
            let unitText = field(unitIndex)
            let factorText = field(value.index)
            var ok = true
            if naics.utf8.count != 6 || !naics.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                fail(code.name, naics.isEmpty ? "the field is empty; a 6-digit NAICS code is required" : "'\(naics)' is not a 6-digit NAICS code")
                ok = false
            }
            if naicsTitle.isEmpty {
                fail(title.name, "the field is empty; the NAICS title is required")
                ok = false
            }
            if let ghgIndex, field(ghgIndex) != "All GHGs" {
                fail(
                    ghgHeader,
                    "'\(field(ghgIndex))' is one gas; this reader takes the CO2e file, whose GHG is 'All GHGs' on every row (the by-GHG file is not a CO2e factor list)"
                )
                ok = false
            }
            if let rowEdition = Self.edition(unit: unitText) {
                if let edition, edition != rowEdition {
                    fail(
                        unitHeader,
                        "'\(unitText)' is in \(rowEdition.priceYear) USD, but line \(editionLine) is in \(edition.priceYear) USD; one file has one price year"
                    )
                    ok = false
                } else if edition == nil {
                    edition = rowEdition
                    editionLine = row.line
                }
            } else {
                fail(
                    unitHeader,
                    "'\(unitText)' is not a known unit; expected 'kg CO2e/2022 USD, purchaser price' (v1.3) or 'kg CO2e/2021 USD, purchaser price' (v1.2)"
                )
                ok = false
            }
            let parsed = FieldParser.decimal(factorText)
            if factorText.isEmpty {
                fail(value.name, "the field is empty; a factor in kg CO2e per USD is required")
                ok = false
            } else if parsed == nil || parsed!.value < 0 {
                fail(value.name, "'\(factorText)' is not a factor; expected a decimal number of zero or more, such as 0.058")
                ok = false
            }
            if ok, let first = seen[naics] {
                fail(code.name, "duplicate NAICS code '\(naics)'; it is already on line \(first)")
                ok = false
            }
            guard ok, let parsed, let edition else { continue }
            seen[naics] = row.line
            factors.append(
                EmissionFactor(
                    category: naics,
                    name: naicsTitle,
                    kgPerUnit: parsed.value,
                    kgPerUnitText: factorText,
                    basis: .spend(currency: CurrencyCode("USD")!, priceYear: edition.priceYear),
                    source:
                        "US EPA Supply Chain GHG Emission Factors v\(edition.version) (NAICS-6, kg CO2e/\(edition.priceYear) USD purchaser price), "
                        + "column '\(value.name)', NAICS \(naics); doi:\(edition.doi)",
                    location: SourceLocation(file: file, line: row.line)
                )
            )
            defaults[naics] = defaultScope3(naics: naics)
        }
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        guard let edition else { throw InputError(file: file, line: 1, message: "the file has a header but no factors") }
        let info = FactorLibraryInfo(
            id: edition.libraryID,
            title: "Supply Chain Greenhouse Gas Emission Factors for US Industries and Commodities (NAICS-6, CO2e, \(edition.priceYear) USD)",
            version: edition.version,
            publisher: "US EPA Office of Research and Development",
            licence: "US Government work, public domain in the US; cite doi:\(edition.doi)",
            sourceURL: edition.officialURL,
            doi: edition.doi,
            sha256: sha256
        )
        return FactorLibraryContent(info: info, factors: factors, scope3Defaults: defaults)
    }

    /// The edition whose unit text this is: `kg CO2e/2022 USD, purchaser price` -> v1.3.
    public static func edition(unit: String) -> Edition? {
        let compact = unit.lowercased().filter { !$0.isWhitespace }
        for edition in editions where compact.hasPrefix("kgco2e/\(edition.priceYear)usd") { return edition }
        return nil
    }
}
