import FootprintCore
import FootprintImport
import Testing

/// FORMATS.md "Errors": a value that cannot be read is an error in the file, reported with the file
/// name and the physical line on which the record starts, and nothing is computed.
@Suite("LedgerScanner errors")
struct LedgerScannerErrorTests {
    static let good = "1,2024-03-01,S3,office,100,NOK,,,,\n"

    /// A ledger whose line 3 is `record`.
    static func ledger(_ record: String) -> String { Fixture.header + good + record + "\n" }

    static let number = "is not a number; expected a decimal number with '.' as the decimal point, such as"

    static let cases: [(String, String)] = [
        ("2,2024-03-02,S3,office,abc,NOK,,,,", "purchases.csv:3: column 'amount': 'abc' \(number) 1234.50 or -99.5"),
        ("2,2024-03-02,S3,office,\"12,50\",NOK,,,,", "purchases.csv:3: column 'amount': '12,50' \(number) 1234.50 or -99.5"),
        ("2,2024-03-02,S3,office,$12,NOK,,,,", "purchases.csv:3: column 'amount': '$12' \(number) 1234.50 or -99.5"),
        ("2,2024-03-02,S3,electricity,12,NOK,,ten,kWh,", "purchases.csv:3: column 'quantity': 'ten' \(number) 12 or 0.5"),
        ("2,2024-03-02,S3,electricity,12,NOK,,1 000,kWh,", "purchases.csv:3: column 'quantity': '1 000' \(number) 12 or 0.5"),
        (
            "2,2024-03-02,S3,electricity,-1200.00,NOK,,3,kWh,",
            "purchases.csv:3: column 'quantity': 3 has the opposite sign of the amount -1200.00; expected both negative for a credit note that returns goods, both positive for an invoice, and no quantity for a price-only rebate"
        ),
        (
            "2,2024-03-02,S3,electricity,1200,NOK,,-3,kWh,",
            "purchases.csv:3: column 'quantity': -3 has the opposite sign of the amount 1200; expected both negative for a credit note that returns goods, both positive for an invoice, and no quantity for a price-only rebate"
        ),
        (
            "2,2023-02-29,S3,office,1,NOK,,,,",
            "purchases.csv:3: column 'date': '2023-02-29' is not a valid date; expected YYYY-MM-DD (ISO 8601), such as 2024-03-31"
        ),
        (
            "2,02.03.2024,S3,office,1,NOK,,,,",
            "purchases.csv:3: column 'date': '02.03.2024' is not a valid date; expected YYYY-MM-DD (ISO 8601), such as 2024-03-31"
        ),
        (
            "2,2024-03-02,S3,office,1,nok,,,,",
            "purchases.csv:3: column 'currency': 'nok' is not a currency code; expected three upper-case letters (ISO 4217), such as NOK"
        ),
        (
            "2,2024-03-02,S3,office,1,NOKK,,,,",
            "purchases.csv:3: column 'currency': 'NOKK' is not a currency code; expected three upper-case letters (ISO 4217), such as NOK"
        ),
        (
            "2,2024-03-02,S3,office,1,kr,,,,",
            "purchases.csv:3: column 'currency': 'kr' is not a currency code; expected three upper-case letters (ISO 4217), such as NOK"
        ),
        (",2024-03-02,S3,office,1,NOK,,,,", "purchases.csv:3: column 'id': the field is empty; a value is required"),
        ("2,,S3,office,1,NOK,,,,", "purchases.csv:3: column 'date': the field is empty; a value is required"),
        ("2,2024-03-02,,office,1,NOK,,,,", "purchases.csv:3: column 'supplier': the field is empty; a value is required"),
        ("2,2024-03-02,S3,,1,NOK,,,,", "purchases.csv:3: column 'category': the field is empty; a value is required"),
        ("2,2024-03-02,S3,office,,NOK,,,,", "purchases.csv:3: column 'amount': the field is empty; a value is required"),
        ("2,2024-03-02,S3,office,1,,,,,", "purchases.csv:3: column 'currency': the field is empty; a value is required"),
        ("2,2024-03-02,S3,office,1,NOK", "purchases.csv:3: the record has 6 fields; expected 10, as in the header"),
        ("2,2024-03-02,S3,office,1,NOK,,,,,", "purchases.csv:3: the record has 11 fields; expected 10, as in the header"),
        (
            "2,2024-03-02,S3,off\"ice,1,NOK,,,,",
            "purchases.csv:3: a '\"' inside an unquoted field; expected the whole field in quotes, with inner quotes doubled"
        ),
    ]

    @Test(arguments: cases)
    func unreadableValue(_ record: String, _ expected: String) throws {
        let errors = try ledgerErrors(Self.ledger(record))
        #expect(errors == [expected])
    }

    @Test func missingRequiredColumn() throws {
        let text = "id,date,supplier,category,currency\n1,2024-03-01,S3,office,NOK\n"
        let errors = try ledgerErrors(text)
        #expect(
            errors == [
                "purchases.csv:1: missing required column 'amount'; the header has 'id', 'date', 'supplier', 'category', 'currency'"
            ]
        )
        #expect(
            try ledgerErrors("id,date\n1,2024-03-01\n").first?.hasPrefix(
                "purchases.csv:1: missing required columns 'supplier', 'category', 'amount', 'currency';"
            ) == true
        )
    }

    /// The message must name the line the record starts on, as the location does.
    @Test func unterminatedQuote() throws {
        let text = Fixture.header + Self.good + "2,2024-03-02,S3,office,1,NOK,,,,\"open\nnever closed\n"
        let errors = try ledgerErrors(text)
        #expect(
            errors == [
                "purchases.csv:3: unterminated quoted field: it opens in this record and never closes; expected a closing '\"'"
            ]
        )
    }

    @Test func duplicatePurchaseIdNamesTheIdAndBothLines() throws {
        let text = Fixture.header + Self.good + "2,2024-03-02,S3,office,1,NOK,,,,\n1,2024-03-03,S3,office,2,NOK,,,,\n"
        let errors = try ledgerErrors(text)
        #expect(
            errors == [
                "purchases.csv:4: column 'id': duplicate purchase id '1'; it is already on line 2, and ids must be unique"
            ]
        )
    }

    @Test func duplicateQuotedIdAfterAMultiLineField() throws {
        let text =
            Fixture.header + """
                "A,1",2024-03-01,S3,office,100,NOK,,,,"Customer
                North"
                B,2024-03-02,S3,office,1,NOK,,,,
                "A,1",2024-03-03,S3,office,2,NOK,,,,

                """
        let errors = try ledgerErrors(text)
        #expect(
            errors == [
                "purchases.csv:5: column 'id': duplicate purchase id 'A,1'; it is already on line 2, and ids must be unique"
            ]
        )
    }

    @Test func errorAfterAQuotedMultiLineFieldReportsThePhysicalLine() throws {
        let text =
            Fixture.header + """
                1,2024-03-01,S3,office,100,NOK,,,,"Customer
                North
                East"
                2,2024-13-01,S3,office,100,NOK,,,,

                """
        let errors = try ledgerErrors(text)
        #expect(
            errors == [
                "purchases.csv:5: column 'date': '2024-13-01' is not a valid date; expected YYYY-MM-DD (ISO 8601), such as 2024-03-31"
            ]
        )
    }

    @Test func everyErrorIsReportedInLineOrder() throws {
        let text =
            Fixture.header + """
                1,2024-03-01,S3,office,x,NOK,,,,
                2,2024-03-01,S3,office,1,NOK

                3,2024-02-30,S3,office,1,Nok,,,,
                1,2024-03-01,S3,office,1,NOK,,,,

                """
        let errors = try ledgerErrors(text)
        #expect(
            errors == [
                "purchases.csv:2: column 'amount': 'x' \(Self.number) 1234.50 or -99.5",
                "purchases.csv:3: the record has 6 fields; expected 10, as in the header",
                "purchases.csv:5: column 'date': '2024-02-30' is not a valid date; expected YYYY-MM-DD (ISO 8601), such as 2024-03-31",
                "purchases.csv:5: column 'currency': 'Nok' is not a currency code; expected three upper-case letters (ISO 4217), such as NOK",
                "purchases.csv:6: column 'id': duplicate purchase id '1'; it is already on line 2, and ids must be unique",
            ]
        )
    }

    @Test func nothingIsComputedFromAFileWithErrors() throws {
        #expect(throws: InputError.self) { try scanLedger(Self.ledger("2,2024-03-02,S3,office,abc,NOK,,,,")) }
        let error = #expect(throws: InputError.self) { try scanLedger(Fixture.header + "1,2024-03-01,S3,office,x,NOK,,,,\n") }
        #expect(error?.report().hasSuffix("1 error; nothing was computed.") == true)
    }

    @Test func emptyFile() throws {
        let errors = try ledgerErrors("")
        #expect(errors == ["purchases.csv:1: the file is empty; expected a header row"])
    }
}
