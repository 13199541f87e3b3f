public import Foundation

/// How a factor library's file is laid out, and so which reader reads it.
public enum FactorLibraryFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// The US EPA Supply Chain GHG Emission Factors CO2e CSV (v1.3 or v1.2).
    case epaSupplyChainCSV = "epa-supply-chain-csv"
    /// The DESNZ/Defra GHG conversion factors full-set workbook.
    case desnzFullSetXLSX = "desnz-full-set-xlsx"
}

/// The factor libraries Footprint knows how to fetch and verify: where the official file is and
/// the SHA-256 it must have.
public enum FactorLibraryCatalog {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var title: String
        public var format: FactorLibraryFormat
        /// The official file's name.
        public var fileName: String
        /// Where to download the official file, or `nil` when it must be downloaded by hand from `page`.
        public var downloadURL: URL?
        /// The publication's page.
        public var page: String
        /// The SHA-256 (lower-case hex) of the published file.
        public var sha256: String
        public var licence: String
    }

    public static let epaUSEEIO1_3 = Entry(
        id: "epa-useeio-1.3",
        title: "US EPA Supply Chain GHG Emission Factors v1.3.0 (NAICS-6, CO2e, 2022 USD)",
        format: .epaSupplyChainCSV,
        fileName: "SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv",
        downloadURL: URL(string: EPASupplyChainFactors.v1_3.officialURL),
        page: "https://doi.org/10.23719/1531143",
        sha256: "c7f508646ee091cb2218be65dec0e2bdb6143ba8511773d486c9e87f6df84177",
        licence: "US Government work, public domain in the US"
    )

    /// DESNZ publishes the workbook on a gov.uk page whose asset address changes with each
    /// correction; Footprint does not guess it. Download the file from `page` and install it with a file.
    public static let desnz2024 = Entry(
        id: "desnz-2024",
        title: "UK Government GHG Conversion Factors for Company Reporting 2024, full set v1.1",
        format: .desnzFullSetXLSX,
        fileName: "ghg-conversion-factors-2024-full_set__for_advanced_users__v1_1.xlsx",
        downloadURL: nil,
        page: DESNZConversionFactors.officialPage,
        sha256: "558116ed06b5d84c41f5eff9b24714e4eb5ce41eb8ac0619ffe946e8d87da859",
        licence: DESNZConversionFactors.licence
    )

    public static let entries = [epaUSEEIO1_3, desnz2024]

    public static func entry(id: String) -> Entry? { entries.first { $0.id == id } }
}
