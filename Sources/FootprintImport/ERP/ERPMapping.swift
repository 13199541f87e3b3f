public import FootprintCore

/// How an ERP export maps onto Footprint's canonical purchases format: the export's text format
/// (delimiter, encoding, numbers, dates), which export column feeds each canonical column, and
/// how the export's GL accounts or product groups map to factor categories and Scope 3 categories.
///
/// Decode it from the JSON mapping file described in `docs/erp-mappings.md`, preferably with
/// ``load(path:)``, which also reads a `categories_file` and checks the whole mapping.
public struct ERPMapping: Sendable, Hashable, Decodable {
    /// The field delimiter.
    public var delimiter: Delimiter
    /// The character encoding of the export's bytes.
    public var encoding: TextEncoding
    /// How the export writes amounts and quantities.
    public var numbers: NumberFormat
    /// How the export writes dates.
    public var dateFormat: DateFormat
    /// Which export column (by header name) feeds each canonical column.
    public var columns: Columns
    /// The currency of every line when the export has no currency column, or of the lines whose
    /// currency field is empty.
    public var currency: CurrencyCode?
    /// ERP value (GL account or product group) -> factor category and optional Scope 3 category.
    public var categories: [CategoryRule]
    /// A CSV file (`erp,category,scope3`) of more category rules, relative to the mapping file.
    public var categoriesFile: String?
    /// Accounts whose lines are capital goods (Scope 3 category 2), unless the line or its category
    /// rule says otherwise.
    public var capitalAccounts: [AccountPattern]

    public init(
        delimiter: Delimiter = .comma,
        encoding: TextEncoding = .utf8,
        numbers: NumberFormat = NumberFormat(),
        dateFormat: DateFormat = .iso,
        columns: Columns,
        currency: CurrencyCode? = nil,
        categories: [CategoryRule] = [],
        categoriesFile: String? = nil,
        capitalAccounts: [AccountPattern] = []
    ) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.numbers = numbers
        self.dateFormat = dateFormat
        self.columns = columns
        self.currency = currency
        self.categories = categories
        self.categoriesFile = categoriesFile
        self.capitalAccounts = capitalAccounts
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case delimiter, encoding, columns, currency, categories
        case decimalSeparator = "decimal_separator"
        case thousandsSeparators = "thousands_separators"
        case dateFormat = "date_format"
        case categoriesFile = "categories_file"
        case capitalAccounts = "capital_accounts"
    }

    public init(from decoder: any Decoder) throws {
        try ERPMapping.rejectUnknownKeys(in: decoder, known: CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        delimiter = try c.decodeIfPresent(Delimiter.self, forKey: .delimiter) ?? .comma
        encoding = try c.decodeIfPresent(TextEncoding.self, forKey: .encoding) ?? .utf8
        numbers = try NumberFormat(
            decimalSeparator: c.decodeIfPresent(String.self, forKey: .decimalSeparator) ?? ".",
            thousandsSeparators: c.decodeIfPresent([String].self, forKey: .thousandsSeparators) ?? [],
            codingPath: c.codingPath + [CodingKeys.thousandsSeparators]
        )
        dateFormat = try c.decodeIfPresent(DateFormat.self, forKey: .dateFormat) ?? .iso
        columns = try c.decode(Columns.self, forKey: .columns)
        currency = try c.decodeIfPresent(CurrencyCode.self, forKey: .currency)
        categories = try c.decodeIfPresent([CategoryRule].self, forKey: .categories) ?? []
        categoriesFile = try c.decodeIfPresent(String.self, forKey: .categoriesFile)
        capitalAccounts = try c.decodeIfPresent([AccountPattern].self, forKey: .capitalAccounts) ?? []
    }
}
