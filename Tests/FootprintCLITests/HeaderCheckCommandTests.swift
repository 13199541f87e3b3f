import Foundation
import Testing

/// A purchases.csv that names a column twice, or whose lines end with CR alone, is refused with a
/// located message and a non-zero exit by both `footprint calculate --data DIR` and
/// `footprint import purchases FILE` (it was read as an ambiguous column, and as an empty inventory).
@Suite struct HeaderCheckCommandTests {
    static let crOnly =
        "the file's lines end with a carriage return alone (CR, as some spreadsheet programs save); "
        + "expected LF or CRLF line endings: save it as 'CSV UTF-8' or convert with `tr '\\r' '\\n'`"

    static let purchases = """
        id,date,supplier,category,amount,currency,product,quantity,unit,customer
        A1,2024-01-05,SUP-0001,334111,1000.00,NOK,,,,
        A2,2024-02-01,SUP-0001,334111,12,NOK,,,,

        """

    static let cases: [(text: String, message: String)] = [
        (
            purchases.replacingOccurrences(of: "product,quantity", with: "product,amount"),
            "purchases.csv:1: column 'amount' appears twice, as column 5 and column 8; each column may appear once"
        ),
        (purchases.replacingOccurrences(of: "\n", with: "\r"), "purchases.csv:1: " + crOnly),
    ]

    @Test(arguments: cases)
    func calculateRefuses(_ text: String, _ message: String) throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["factors.csv", "rates.csv", "price_index.csv", "suppliers.csv"] {
            try FileManager.default.copyItem(
                atPath: CalculateCommandTests.example + "/" + name,
                toPath: dir.appendingPathComponent(name).path
            )
        }
        try Data(text.utf8).write(to: dir.appendingPathComponent("purchases.csv"))
        let out = try CLIHarness.footprint("calculate", "--data", dir.path)
        #expect(out.status != 0)
        #expect(out.stdout.isEmpty, "stdout: \(out.stdout)")
        #expect(out.stderr.contains("error: " + message), "\(out.stderr)")
    }

    @Test(arguments: cases)
    func importRefuses(_ text: String, _ message: String) throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        #expect(try CLIHarness.footprint("init", "--db", db).status == 0)
        let file = dir.appendingPathComponent("purchases.csv")
        try Data(text.utf8).write(to: file)
        let out = try CLIHarness.footprint("import", "purchases", file.path, "--db", db)
        #expect(out.status == 1)
        #expect(out.stdout.isEmpty, "stdout: \(out.stdout)")
        #expect(out.stderr.contains("error: " + message), "\(out.stderr)")
        let imports = try CLIHarness.footprint("imports", "--db", db)
        #expect(imports.status == 0 && !imports.stdout.contains("purchases.csv"), "\(imports.stdout)")
    }
}
