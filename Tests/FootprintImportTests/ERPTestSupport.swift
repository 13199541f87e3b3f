import FootprintCore
import Foundation
import Testing

@testable import FootprintImport

/// A mapping for the tests: `;`, decimal comma with space or '.' thousands, DD.MM.YYYY.
func erpMapping(
    _ delimiter: ERPMapping.Delimiter = .semicolon,
    encoding: ERPMapping.TextEncoding = .utf8,
    decimal: Character = ",",
    thousands: [Character] = [" ", "\u{00A0}", "."],
    dates: ERPMapping.DateFormat = .dayMonthYearDots,
    columns: ERPMapping.Columns = ERPMapping.Columns(
        id: ["Bilag"],
        date: "Dato",
        supplier: "Leverandør",
        category: "Konto",
        amount: "Beløp",
        currency: "Valuta"
    ),
    currency: CurrencyCode? = nil,
    categories: [ERPMapping.CategoryRule] = erpRules,
    capital: [String] = ["1200-1299"]
) -> ERPMapping {
    ERPMapping(
        delimiter: delimiter,
        encoding: encoding,
        numbers: ERPMapping.NumberFormat(decimalSeparator: decimal, thousandsSeparators: thousands)!,
        dateFormat: dates,
        columns: columns,
        currency: currency,
        categories: categories,
        capitalAccounts: capital.map(ERPMapping.AccountPattern.init)
    )
}

let erpRules: [ERPMapping.CategoryRule] = [
    .init(erp: .init("6540"), category: "computers"),
    .init(erp: .init("6540-6549"), category: "office-supplies"),
    .init(erp: .init("6700-6790"), category: "it-consulting"),
    .init(erp: .init("7140"), category: "air-travel", scope3: .businessTravel),
    .init(erp: .init("1200-1299"), category: "computers"),
    .init(erp: .init("1250"), category: "network-equipment", scope3: .purchasedGoodsAndServices),
]

/// Converts UTF-8 text; the canonical CSV back as text.
func erpConvert(_ text: String, _ mapping: ERPMapping = erpMapping(), file: String = "export.csv") throws -> (ConvertedLedger, String) {
    let ledger = try ERPExportConverter.convert(bytes: Array(text.utf8), fileName: file, mapping: mapping)
    return (ledger, String(decoding: ledger.csv, as: UTF8.self))
}

/// The canonical data lines (after the header).
func erpRows(_ text: String, _ mapping: ERPMapping = erpMapping()) throws -> [String] {
    let (_, csv) = try erpConvert(text, mapping)
    return Array(csv.split(separator: "\n").dropFirst().map(String.init))
}

/// The diagnostics of converting `bytes`; empty if it succeeds.
func erpErrors(_ bytes: [UInt8], _ mapping: ERPMapping = erpMapping(), file: String = "export.csv") -> [String] {
    do {
        _ = try ERPExportConverter.convert(bytes: bytes, fileName: file, mapping: mapping)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

func erpErrors(_ text: String, _ mapping: ERPMapping = erpMapping()) -> [String] { erpErrors(Array(text.utf8), mapping) }

/// The package root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let erpHeader = "Bilag;Dato;Leverandør;Konto;Beløp;Valuta\n"
