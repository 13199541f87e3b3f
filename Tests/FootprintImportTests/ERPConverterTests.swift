import FootprintCore
import Testing

@testable import FootprintImport

@Suite("ERP export conversion")
struct ERPConverterTests {
    @Test func canonicalHeaderAndOneLine() throws {
        let (ledger, csv) = try erpConvert(erpHeader + "1001;05.03.2024;Dustin Norge AS;6540;1 234,50;NOK\n")
        #expect(ledger.rowCount == 1)
        #expect(
            csv == """
                id,date,supplier,category,amount,currency,product,quantity,unit,customer,scope3_category,erp_category,source_line
                1001,2024-03-05,Dustin Norge AS,computers,1234.50,NOK,,,,,,6540,2

                """
        )
    }

    @Test(arguments: ERPMapping.Delimiter.allCases)
    func eachDelimiter(_ delimiter: ERPMapping.Delimiter) throws {
        let d = delimiter.rawValue
        let text =
            ["Bilag", "Dato", "Leverandør", "Konto", "Beløp", "Valuta"].joined(separator: d) + "\n"
            + ["7", "01.02.2024", "\"Atea AS\(d) Oslo \"\"Nord\"\"\"", "6700", "\"-1.000,00\"", "EUR"].joined(separator: d) + "\r\n"
        let rows = try erpRows(text, erpMapping(delimiter))
        #expect(rows.count == 1)
        #expect(rows[0].hasPrefix("7,2024-02-01,"))
        #expect(rows[0].contains("it-consulting,-1000.00,EUR"))
        #expect(rows[0].contains("Atea AS\(d) Oslo \"\"Nord\"\""))
    }

    @Test func quotedFieldOverSeveralLinesKeepsSourceLine() throws {
        let text = erpHeader + "\n1;01.01.2024;\"Telenor\nNorge AS\";6900;10;NOK\n2;02.01.2024;Telia;6900;20;NOK\n"
        let rows = try erpRows(text)
        #expect(rows.count == 3)  // the quoted line break splits the text, not the record
        let (ledger, csv) = try erpConvert(text)
        #expect(ledger.rowCount == 2)
        #expect(csv.hasSuffix("\"Telenor\nNorge AS\",6900,10,NOK,,,,,,6900,3\n2,2024-01-02,Telia,6900,20,NOK,,,,,,6900,5\n"))
    }

    @Test func spacesAroundQuotedFields() throws {
        let rows = try erpRows(erpHeader + "1; 01.01.2024 ; \"A; B\" ;6540; \"1 000,00\";NOK\n")
        #expect(rows == ["1,2024-01-01,A; B,computers,1000.00,NOK,,,,,,6540,2"])
    }

    @Test func windows1252Bytes() throws {
        // "Leverandør" and "Bøker & Blåbær AS" and "€" in Windows-1252, built byte by byte.
        var bytes = Array("Bilag;Dato;Leverand".utf8) + [0xF8] + Array("r;Konto;Bel".utf8) + [0xF8] + Array("p;Valuta\n".utf8)
        bytes +=
            Array("1;01.01.2024;B".utf8) + [0xF8] + Array("ker & Bl".utf8) + [0xE5, 0x62, 0xE6] + Array("r ".utf8) + [0x80]
            + Array(";6540;1".utf8) + [0xA0] + Array("000,00;NOK\n".utf8)
        let ledger = try ERPExportConverter.convert(bytes: bytes, fileName: "x.csv", mapping: erpMapping(encoding: .windows1252))
        let csv = String(decoding: ledger.csv, as: UTF8.self)
        #expect(csv.contains("\n1,2024-01-01,Bøker & Blåbær €,computers,1000.00,NOK,"))
    }

    @Test func iso88591Bytes() throws {
        var bytes = Array("Bilag;Dato;Leverand".utf8) + [0xF8] + Array("r;Konto;Bel".utf8) + [0xF8] + Array("p;Valuta\n".utf8)
        bytes += Array("1;01.01.2024;Gr".utf8) + [0xFC, 0xDF, 0x80] + Array(";6540;5;NOK\n".utf8)
        let ledger = try ERPExportConverter.convert(bytes: bytes, fileName: "x.csv", mapping: erpMapping(encoding: .iso88591))
        #expect(String(decoding: ledger.csv, as: UTF8.self).contains(",Grüß\u{80},computers,5,NOK,"))
    }

    @Test func utf8WithBOM() throws {
        let rows = try erpRows("\u{FEFF}" + erpHeader + "1;01.01.2024;Ørsted;6540;5;NOK\n")
        #expect(rows == ["1,2024-01-01,Ørsted,computers,5,NOK,,,,,,6540,2"])
    }

    @Test func debitAndCredit() throws {
        let columns = ERPMapping.Columns(
            id: ["Bilag"],
            date: "Dato",
            supplier: "Lev",
            category: "Konto",
            debit: "Debet",
            credit: "Kredit",
            currency: "Valuta"
        )
        let text =
            "Bilag;Dato;Lev;Konto;Debet;Kredit;Valuta\n1;01.01.2024;A;6540;1 000,50;;NOK\n2;01.01.2024;A;6540;;250;NOK\n3;01.01.2024;A;6540;100,5;0,25;NOK\n"
        let rows = try erpRows(text, erpMapping(columns: columns))
        #expect(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false)[4] } == ["1000.50", "-250", "100.25"])
    }

    @Test func fixedCurrencyAndFallback() throws {
        let noColumn = ERPMapping.Columns(id: ["Bilag"], date: "Dato", supplier: "Leverandør", category: "Konto", amount: "Beløp")
        let rows = try erpRows(
            "Bilag;Dato;Leverandør;Konto;Beløp\n1;01.01.2024;A;6540;5\n",
            erpMapping(columns: noColumn, currency: CurrencyCode("SEK"))
        )
        #expect(rows == ["1,2024-01-01,A,computers,5,SEK,,,,,,6540,2"])
        let fallback = try erpRows(erpHeader + "1;01.01.2024;A;6540;5;\n2;01.01.2024;A;6540;5;eur\n", erpMapping(currency: CurrencyCode("NOK")))
        #expect(fallback.map { $0.split(separator: ",")[5] } == ["NOK", "EUR"])
    }

    @Test func rangesExactNarrowestAndCapex() throws {
        let text =
            erpHeader + """
                1;01.01.2024;A;6540;1;NOK
                2;01.01.2024;A;6545;1;NOK
                3;01.01.2024;A;6755;1;NOK
                4;01.01.2024;A;1210;1;NOK
                5;01.01.2024;A;1250;1;NOK
                6;01.01.2024;A;7140;1;NOK
                7;01.01.2024;A;6550;1;NOK

                """
        let fields = try erpRows(text).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(fields.map { $0[3] } == ["computers", "office-supplies", "it-consulting", "computers", "network-equipment", "air-travel", "6550"])
        #expect(fields.map { $0[10] } == ["", "", "", "2", "1", "6", ""])
        #expect(fields.map { $0[11] } == ["6540", "6545", "6755", "1210", "1250", "7140", "6550"])
    }

    @Test func scope3Precedence() throws {
        let columns = ERPMapping.Columns(
            id: ["Bilag"],
            date: "Dato",
            supplier: "Leverandør",
            category: "Konto",
            amount: "Beløp",
            currency: "Valuta",
            scope3Category: "S3"
        )
        let text =
            "Bilag;Dato;Leverandør;Konto;Beløp;Valuta;S3\n"
            + "1;01.01.2024;A;7140;1;NOK;4\n"  // flag beats the rule's 6
            + "2;01.01.2024;A;7140;1;NOK;\n"  // the rule's 6
            + "3;01.01.2024;A;1250;1;NOK;\n"  // the rule's 1 beats capex 2
            + "4;01.01.2024;A;1299;1;NOK;\n"  // capex
            + "5;01.01.2024;A;1299;1;NOK;cat 8\n"  // flag beats capex
            + "6;01.01.2024;A;6540;1;NOK;\n"  // nothing: empty
        let rows = try erpRows(text, erpMapping(columns: columns))
        #expect(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false)[10] } == ["4", "6", "1", "2", "8", ""])
    }

    @Test func optionalColumnsPassThrough() throws {
        let columns = ERPMapping.Columns(
            id: ["Doc", "Item"],
            date: "Date",
            supplier: "Vendor",
            category: "MatGroup",
            amount: "Amount",
            currency: "Curr",
            product: "Material",
            quantity: "Qty",
            unit: "UoM",
            customer: "Project"
        )
        let mapping = erpMapping(
            .tab,
            decimal: ".",
            thousands: [","],
            dates: .monthDayYearSlashes,
            columns: columns,
            categories: [.init(erp: .init("IT-HW"), category: "computers")],
            capital: []
        )
        let text =
            "Doc\tItem\tDate\tVendor\tMatGroup\tAmount\tCurr\tMaterial\tQty\tUoM\tProject\n"
            + "4500001\t10\t03/15/2024\tDell\tIT-HW\t12,000.00\tUSD\tLAT-7440\t1,000\tEA\tCUST-7\n"
        #expect(try erpRows(text, mapping) == ["4500001-10,2024-03-15,Dell,computers,12000.00,USD,LAT-7440,1000,EA,CUST-7,,IT-HW,2"])
    }

    @Test func aCreditNotesInvoiceColumnPassesThrough() throws {
        let columns = ERPMapping.Columns(
            id: ["Bilag"],
            date: "Dato",
            supplier: "Leverandør",
            category: "Konto",
            amount: "Beløp",
            currency: "Valuta",
            invoice: "Kreditert"
        )
        let text =
            "Bilag;Dato;Leverandør;Konto;Beløp;Valuta;Kreditert\n" + "1;01.12.2024;A;6540;100;NOK;\n" + "2;05.01.2025;A;6540;-10;NOK;1\n"
        let (_, csv) = try erpConvert(text, erpMapping(columns: columns))
        #expect(
            csv == """
                id,date,supplier,category,amount,currency,product,quantity,unit,customer,scope3_category,erp_category,source_line,invoice
                1,2024-12-01,A,computers,100,NOK,,,,,,6540,2,
                2,2025-01-05,A,computers,-10,NOK,,,,,,6540,3,1

                """
        )
    }

    @Test func unmappedReport() throws {
        let text =
            erpHeader + """
                1;01.01.2024;A;6999;100,50;NOK
                2;01.01.2024;A;6540;1;NOK
                3;01.01.2024;A;6999;-0,25;NOK
                4;01.01.2024;A;6999;10;EUR
                5;01.01.2024;A;PG-X;1;EUR

                """
        let (ledger, _) = try erpConvert(text)
        #expect(ledger.unmapped.map(\.value) == ["6999", "PG-X"])
        #expect(ledger.unmapped[0].lines == [2, 4, 5])
        #expect(ledger.unmapped[0].spend[CurrencyCode("NOK")!]?.description == "100.25")
        #expect(ledger.unmapped[0].spend[CurrencyCode("EUR")!]?.description == "10")
        #expect(ledger.unmappedReport() == "6999  3 lines  EUR 10, NOK 100.25  (lines 2, 4, 5)\nPG-X  1 line  EUR 1  (line 6)")
    }
}
