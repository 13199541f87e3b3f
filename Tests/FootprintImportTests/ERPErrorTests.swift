import FootprintCore
import Testing

@testable import FootprintImport

@Suite("ERP export errors")
struct ERPErrorTests {
    @Test func everyFieldErrorWithItsExportColumn() {
        let text =
            erpHeader + """
                1;31.02.2024;A;6540;1;NOK
                2;2024-01-01;A;6540;1;NOK
                3;01.01.2024;;6540;1;NOK
                4;01.01.2024;A;;1;NOK
                5;01.01.2024;A;6540;1.23,4;NOK
                6;01.01.2024;A;6540;;NOK
                7;01.01.2024;A;6540;1;KR
                8;01.01.2024;A;6540;1;
                ;01.01.2024;A;6540;1;NOK
                10;01.01.2024;A;6540;1
                11;01.01.2024;"A"x;6540;1;NOK
                3;01.01.2024;B;6540;2;NOK

                """
        #expect(
            erpErrors(text) == [
                "export.csv:2: column 'Dato': '31.02.2024' is not a day of the calendar; expected a real date in the format DD.MM.YYYY, such as 31.12.2024",
                "export.csv:3: column 'Dato': '2024-01-01' is not a date in the format DD.MM.YYYY; expected a date such as 31.12.2024",
                "export.csv:4: column 'Leverandør': the field is empty; expected the supplier",
                "export.csv:5: column 'Konto': the field is empty; expected the GL account or product group that selects the category",
                "export.csv:6: column 'Beløp': '1.23,4' is not a number in this export's format; expected a number with ',' as the decimal separator and thousands separated by spaces or no-break spaces or '.', such as 1 234,50 or -1 234,50",
                "export.csv:7: column 'Beløp': the field is empty; expected a number with ',' as the decimal separator and thousands separated by spaces or no-break spaces or '.', such as 1 234,50 or -1 234,50",
                "export.csv:8: column 'Valuta': 'KR' is not a currency code; expected three letters (ISO 4217), such as NOK or EUR",
                "export.csv:9: column 'Valuta': the field is empty; expected a currency code (ISO 4217) such as NOK, or a fixed \"currency\" in the mapping",
                "export.csv:10: column 'Bilag': the field is empty; expected the line's id",
                "export.csv:11: the record has 5 fields; expected 6, as in the header",
                "export.csv:12: unexpected 'x' after a closing quote; expected ';' or the end of the line",
                "export.csv:13: column 'Bilag': duplicate id '3': lines 4 and 13 have it; expected each id once (if one column is not unique, map a list of columns to \"columns.id\")",
            ]
        )
    }

    @Test func severalErrorsOnOneLineAreAllReported() {
        let errors = erpErrors(erpHeader + "1;1.1.24;A;6540;abc;NOK\n")
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.hasPrefix("export.csv:2: column '") })
    }

    @Test func debitCreditErrors() {
        let columns = ERPMapping.Columns(
            id: ["Bilag"],
            date: "Dato",
            supplier: "Lev",
            category: "Konto",
            debit: "Debet",
            credit: "Kredit",
            currency: "Valuta"
        )
        let text = "Bilag;Dato;Lev;Konto;Debet;Kredit;Valuta\n1;01.01.2024;A;6540;;;NOK\n2;01.01.2024;A;6540;;x;NOK\n"
        #expect(
            erpErrors(text, erpMapping(columns: columns)) == [
                "export.csv:2: column 'Debet': both 'Debet' and 'Kredit' are empty; expected an amount in one of them",
                "export.csv:3: column 'Kredit': 'x' is not a number in this export's format; expected a number with ',' as the decimal separator and thousands separated by spaces or no-break spaces or '.', such as 1 234,50 or -1 234,50",
            ]
        )
    }

    @Test func scope3FlagError() {
        let columns = ERPMapping.Columns(
            id: ["Bilag"],
            date: "Dato",
            supplier: "Leverandør",
            category: "Konto",
            amount: "Beløp",
            currency: "Valuta",
            scope3Category: "S3"
        )
        #expect(
            erpErrors(erpHeader.dropLast() + ";S3\n1;01.01.2024;A;6540;1;NOK;16\n", erpMapping(columns: columns)) == [
                "export.csv:2: column 'S3': '16' is not a Scope 3 category; expected 1 to 15 (such as 6 or 3.6), or empty"
            ]
        )
    }

    @Test func missingAndDuplicatedHeaderColumns() {
        let errors = erpErrors("Bilag;Dato;Dato;Konto;Amount;Valuta\n1;01.01.2024;01.01.2024;6540;1;NOK\n")
        #expect(
            errors == [
                "export.csv:1: column 'Dato': the header has 2 columns of this name (fields 2, 3); expected one, since the mapping's \"columns.date\" names it",
                "export.csv:1: column 'Leverandør': the mapping's \"columns.supplier\" names this column, but the header has no such column; expected one of 'Bilag', 'Dato', 'Dato', 'Konto', 'Amount', 'Valuta'",
                "export.csv:1: column 'Beløp': the mapping's \"columns.amount\" names this column, but the header has no such column; expected one of 'Bilag', 'Dato', 'Dato', 'Konto', 'Amount', 'Valuta'",
            ]
        )
    }

    @Test func wrongDelimiterIsHinted() {
        let errors = erpErrors("Bilag,Dato,Leverandør,Konto,Beløp,Valuta\n")
        #expect(errors.count == 6)
        #expect(errors[0].hasSuffix("(the header is one field holding ',': is the mapping's \"delimiter\" right?)"))
    }

    @Test func invalidUTF8NamesTheLine() {
        let bytes = Array(erpHeader.utf8) + Array("1;01.01.2024;B".utf8) + [0xF8] + Array("k;6540;1;NOK\n".utf8)
        #expect(
            erpErrors(bytes) == [
                "export.csv:2: the line is not valid UTF-8 (byte 0xF8); expected UTF-8, as the mapping's \"encoding\" says; if the export is in Windows-1252 or ISO-8859-1, set \"encoding\" to that"
            ]
        )
    }

    @Test func bomWithWindows1252IsAnError() {
        #expect(
            erpErrors([0xEF, 0xBB, 0xBF] + Array(erpHeader.utf8), erpMapping(encoding: .windows1252)) == [
                "export.csv:1: the file starts with a UTF-8 byte-order mark, but the mapping says \"encoding\": \"windows-1252\"; expected \"utf-8\""
            ]
        )
    }

    @Test func emptyFileAndUnterminatedQuote() {
        #expect(erpErrors("") == ["export.csv:1: the file is empty; expected a header row"])
        #expect(
            erpErrors(erpHeader + "1;01.01.2024;\"A;6540;1;NOK\n") == [
                "export.csv:2: unterminated quoted field: it opens in this record and never closes; expected a closing '\"'"
            ]
        )
    }

    @Test func nothingConvertedAndLimitCounted() {
        var text = erpHeader
        for i in 0..<1200 { text += "\(i);01.01.2024;A;6540;x;NOK\n" }
        do {
            _ = try ERPExportConverter.convert(bytes: Array(text.utf8), fileName: "e.csv", mapping: erpMapping())
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == ERPExportConverter.diagnosticLimit)
            #expect(error.omitted == 200)
        }
    }
}
