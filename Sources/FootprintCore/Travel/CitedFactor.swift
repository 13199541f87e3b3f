/// One published emission factor with its exact place in its source: sheet, row and cell.
public struct CitedFactor: Sendable, Hashable {
    /// The row's descriptors as the sheet gives them: `Flights, Short-haul, to/from UK, Economy class, With RF`.
    public var name: String
    public var kgPerUnit: Double
    /// The sheet's unit: `passenger.km`, `km`, `Room per night`, `per FTE Working Hour`.
    public var unit: String
    public var sheet: String
    /// The cell's reference, such as `E25`.
    public var cell: String
    /// The publication: `UK Government GHG Conversion Factors for Company Reporting 2024 (DESNZ), full set v1.1`.
    public var publication: String

    public init(name: String, kgPerUnit: Double, unit: String, sheet: String, cell: String, publication: String = CitedFactor.desnz2024) {
        self.name = name
        self.kgPerUnit = kgPerUnit
        self.unit = unit
        self.sheet = sheet
        self.cell = cell
        self.publication = publication
    }

    public static let desnz2024 = "UK Government GHG Conversion Factors for Company Reporting 2024 (DESNZ), full set v1.1"

    /// The row number from the cell reference (`E25` -> 25).
    public var row: Int { Int(cell.drop { $0.isLetter }) ?? 0 }

    /// `<publication>, sheet '<sheet>', row <row>, cell <cell> (<name>); OGL v3.0`.
    public var source: String { "\(publication), sheet '\(sheet)', row \(row), cell \(cell) (\(name)); OGL v3.0" }
}
