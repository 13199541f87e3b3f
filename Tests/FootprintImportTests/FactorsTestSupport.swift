import Foundation

/// Where the shared data files are: `$FOOTPRINT_SHARED`, or `../shared` beside the package root.
enum SharedData {
    static let folder: String = {
        if let env = ProcessInfo.processInfo.environment["FOOTPRINT_SHARED"], !env.isEmpty { return env }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    static func path(_ relative: String) -> String { (folder as NSString).appendingPathComponent(relative) }
    static func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    static let epa13 = "data/SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv"
    static let epa13ByGHG = "data/SupplyChainGHGEmissionFactors_v1.3.0_NAICS_byGHG_USD2022.csv"
    static let desnz2024 = "data/ghg-conversion-factors-2024-full_set__for_advanced_users__v1_1.xlsx"
    static let sbtiSample = "samples/sbti-companies-sample.xlsx"
}
