import FootprintCore
import FootprintImport
import Foundation
import Testing

/// Small files read whole: header, columns by name, empty = absent, structural diagnostics.
@Suite("CSVTable")
struct CSVTableTests {
    func parse(_ text: String, _ diagnostics: inout [Diagnostic]) throws -> CSVTable {
        try CSVTable.parse(data: Data(text.utf8), file: "t.csv", diagnostics: &diagnostics)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        var d: [Diagnostic] = []
        let t = try parse("\u{FEFF}currency,year,per_usd\r\nNOK,2024,10.5\r\n", &d)
        #expect(d.isEmpty)
        #expect(t.header == ["currency", "year", "per_usd"])
        #expect(t.columnIndex("currency") == 0)
        #expect(t.rows.map(\.fields) == [["NOK", "2024", "10.5"]])
        #expect(t.rows.map(\.line) == [2])
    }

    @Test func columnsInAnyOrderCaseInsensitiveExtraColumnsIgnored() throws {
        var d: [Diagnostic] = []
        let t = try parse(" Per_USD ,note,YEAR,currency\n10.5,x,2024,NOK\n", &d)
        let columns = try t.columns(required: ["currency", "year", "per_usd"], optional: ["comment"])
        #expect(columns == ["currency": 3, "year": 2, "per_usd": 0])
        let reader = RowReader(table: t, columns: columns, row: t.rows[0])
        #expect(reader.optional("per_usd") == "10.5")
        #expect(reader.optional("comment") == nil)
    }

    @Test func quotedFieldsAndLineNumbersAfterLineBreaks() throws {
        var d: [Diagnostic] = []
        let t = try parse("id,name\n1,\"Acme, \"\"North\"\"\nAS\"\n\n2,Beta\n", &d)
        #expect(d.isEmpty)
        #expect(t.rows.map(\.fields) == [["1", "Acme, \"North\"\nAS"], ["2", "Beta"]])
        #expect(t.rows.map(\.line) == [2, 5])
    }

    @Test func emptyFieldIsAbsent() throws {
        var d: [Diagnostic] = []
        let t = try parse("category,price_year,kgco2e_per_unit\nx,,\ny,  ,1\n", &d)
        let columns = try t.columns(required: ["category", "kgco2e_per_unit"], optional: ["price_year"])
        var r = RowReader(table: t, columns: columns, row: t.rows[0])
        #expect(r.optional("price_year") == nil)
        #expect(r.year("price_year", required: false) == nil)
        #expect(r.decimal("kgco2e_per_unit") == nil)
        #expect(r.diagnostics.map(\.description) == ["t.csv:2: column 'kgco2e_per_unit': the field is empty; a value is required"])
        let blank = RowReader(table: t, columns: columns, row: t.rows[1])
        #expect(blank.optional("price_year") == nil)
    }

    @Test func missingRequiredColumns() throws {
        var d: [Diagnostic] = []
        let t = try parse("currency,rate\nNOK,1\n", &d)
        #expect(throws: InputError.self) { try t.columns(required: ["currency", "year", "per_usd"]) }
        do {
            _ = try t.columns(required: ["currency", "year", "per_usd"])
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "t.csv:1: missing required columns 'year', 'per_usd'; the header has 'currency', 'rate'"
                ]
            )
        }
    }

    @Test func structuralErrorsWithTheirLines() throws {
        var d: [Diagnostic] = []
        let text = "a,b,c\n1,2,3\n4,5\n\"x\ny\",8,9\n10,1\"1,12\n13,14,15,16\n17,\"open\n18,19,20\n"
        let t = try parse(text, &d)
        #expect(t.rows.map(\.line) == [2, 4])
        #expect(
            d.map(\.description) == [
                "t.csv:3: the record has 2 fields; expected 3, as in the header",
                "t.csv:6: a '\"' inside an unquoted field; expected the whole field in quotes, with inner quotes doubled",
                "t.csv:7: the record has 4 fields; expected 3, as in the header",
                "t.csv:8: unterminated quoted field: it opens in this record and never closes; expected a closing '\"'",
            ]
        )
    }

    @Test func emptyFile() {
        var d: [Diagnostic] = []
        #expect(throws: InputError.self) { try parse("", &d) }
        #expect(throws: InputError.self) { try parse("\n\n", &d) }
    }

    @Test func typedFields() throws {
        var d: [Diagnostic] = []
        let t = try parse("currency,year,per_usd\nnok,24,\"1,5\"\nNOK,2024,abc\n", &d)
        let columns = try t.columns(required: ["currency", "year", "per_usd"])
        var r = RowReader(table: t, columns: columns, row: t.rows[0])
        #expect(r.currency("currency") == nil)
        #expect(r.year("year") == nil)
        #expect(r.decimal("per_usd") == nil)
        #expect(
            r.diagnostics.map(\.description) == [
                "t.csv:2: column 'currency': 'nok' is not a currency code; expected three upper-case letters (ISO 4217), such as NOK",
                "t.csv:2: column 'year': '24' is not a year; expected four digits, such as 2024",
                "t.csv:2: column 'per_usd': '1,5' is not a number; expected a decimal number with '.' as the decimal point, such as 1234.50",
            ]
        )
        var ok = RowReader(table: t, columns: columns, row: t.rows[1])
        #expect(ok.currency("currency") == CurrencyCode("NOK"))
        #expect(ok.year("year") == 2024)
        #expect(ok.decimal("per_usd") == nil)
    }
}
