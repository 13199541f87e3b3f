import FootprintCore
import Foundation
import Testing

@testable import FootprintImport

@Suite("ERP mapping file")
struct ERPMappingFileTests {
    static let json = """
        {
          "delimiter": "tab", "encoding": "cp1252", "decimal_separator": ",", "thousands_separators": ["space", "nbsp", "."],
          "date_format": "DD.MM.YYYY", "currency": "NOK",
          "columns": { "id": ["Bilagsnr", "Linje"], "date": "Dato", "supplier": "Leverandør", "category": "Konto", "amount": "Beløp" },
          "categories": [ { "erp": "6540-6549", "category": "computers" }, { "erp": "7140", "category": "air-travel", "scope3": "3.6" } ],
          "categories_file": "accounts.csv",
          "capital_accounts": ["1200-1299", "1000"]
        }
        """

    @Test func decodesAndReadsTheCategoriesFile() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("m.json", Self.json)
        try folder.write("accounts.csv", "erp,category,scope3\n6900-6909,telecom-services,\n7130,hotels,6\n")
        let m = try ERPMapping.load(path: folder.path("m.json"))
        #expect(m.delimiter == .tab && m.encoding == .windows1252 && m.dateFormat == .dayMonthYearDots)
        #expect(m.numbers.thousandsSeparators == [" ", "\u{00A0}", "."])
        #expect(m.columns.id == ["Bilagsnr", "Linje"])
        #expect(m.categories.count == 4)
        #expect(m.categories[1].scope3 == .businessTravel)
        #expect(m.categories[3] == .init(erp: .exact("7130"), category: "hotels", scope3: .businessTravel))
        #expect(m.capitalAccounts == [.range(1200...1299), .exact("1000")])
        #expect(m.categoriesFile == nil)
    }

    func errors(_ json: String, files: [String: String] = [:]) throws -> [String] {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("m.json", json)
        for (name, text) in files { try folder.write(name, text) }
        do {
            _ = try ERPMapping.load(path: folder.path("m.json"))
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func mappingErrors() throws {
        #expect(try errors("{").first?.hasPrefix("m.json:0: the mapping is not valid JSON") == true)
        #expect(
            try errors(#"{"columns": {"id": "a", "date": "b", "supplier": "c", "amount": "e"}, "currency": "NOK"}"#)
                == ["m.json:0: the mapping has no 'columns.category'; expected it (see docs/erp-mappings.md)"]
        )
        #expect(
            try errors(#"{"delimiter": ":", "columns": {}}"#)
                == [#"m.json:0: 'delimiter': ':' is not a supported delimiter; expected ",", ";", "|" or "tab""#]
        )
        #expect(
            try errors(
                #"{"columns": {"id": "a", "date": "b", "supplier": "c", "category": "d", "amount": "e", "debit": "f", "credit": "g"}, "currency": "NOK"}"#
            )
                == [#"m.json:0: 'columns.amount': expected either "amount" or both "debit" and "credit" (amount = debit - credit)"#]
        )
        let base = #""columns": {"id": "a", "date": "b", "supplier": "c", "category": "d", "amount": "e"}"#
        #expect(
            try errors("{\(base)}") == [
                #"m.json:0: no currency: expected "columns.currency" (a currency column) or "currency" (one ISO 4217 code for the whole export)"#
            ]
        )
        #expect(
            try errors(
                #"{"# + base
                    + #", "currency": "NOK", "categories": [{"erp": "6540-6549", "category": "x"}, {"erp": "6545-6559", "category": "y"}, {"erp": "1", "category": "a"}, {"erp": "1", "category": "b"}]}"#
            ) == [
                "m.json:0: the ranges 6540-6549 and 6545-6559 overlap; expected ranges that are disjoint or nested (the narrower one wins)",
                "m.json:0: the ERP value '1' is mapped twice (to 'a' and 'b'); expected one rule per value",
            ]
        )
        #expect(
            try errors(#"{"# + base + #", "currency": "NOK", "categories_file": "c.csv"}"#, files: ["c.csv": "erp,category,scope3\n1,a,99\n"])
                == ["c.csv:2: column 'scope3': '99' is not a Scope 3 category; expected 1 to 15 or empty"]
        )
        #expect(
            try errors(#"{"# + base + #", "currency": "NOK", "date_fromat": "DD.MM.YYYY"}"#) == [
                #"m.json:0: 'date_fromat': unknown key; expected one of "delimiter", "encoding", "columns", "currency", "categories", "decimal_separator", "thousands_separators", "date_format", "categories_file", "capital_accounts""#
            ]
        )
        #expect(
            try errors(#"{"# + base + #", "currency": "NOK", "categories": [{"erp": "1", "category": "a", "scope3": 16}]}"#)
                == ["m.json:0: 'categories[0].scope3': 16 is not a Scope 3 category; expected 1 to 15"]
        )
        #expect(
            try errors(#"{"# + base + #", "currency": "NOK", "encoding": "utf-16"}"#)
                == [#"m.json:0: 'encoding': 'utf-16' is not a supported encoding; expected "utf-8", "windows-1252" or "iso-8859-1""#]
        )
        #expect(
            try errors(#"{"# + base + #", "currency": "NOK", "date_format": "YYYY/MM/DD"}"#)
                == [
                    #"m.json:0: 'date_format': 'YYYY/MM/DD' is not a supported date format; expected one of "DD.MM.YYYY", "YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY", "YYYYMMDD""#
                ]
        )
    }
}
