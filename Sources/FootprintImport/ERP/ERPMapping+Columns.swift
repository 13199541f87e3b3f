extension ERPMapping {
    /// Which export column, by its header name, feeds each canonical column. Header names are
    /// matched after trimming spaces, ignoring case.
    public struct Columns: Sendable, Hashable, Decodable {
        /// The id column, or several whose values are joined with `-` (`Document Number` and
        /// `Line Item`, say) when one alone is not unique.
        public var id: [String]
        /// The date column, read in the mapping's `date_format`.
        public var date: String
        /// The supplier column (a supplier id or name).
        public var supplier: String
        /// The ERP value that selects the category: a GL account or a product group column.
        public var category: String
        /// The signed amount; or leave it out and give `debit` and `credit` (amount = debit - credit).
        public var amount: String?
        /// The debit column, with `credit` instead of `amount`; an empty field counts as zero.
        public var debit: String?
        /// The credit column, with `debit` instead of `amount`; an empty field counts as zero.
        public var credit: String?
        /// The currency column; or leave it out and give the mapping's fixed `currency`.
        public var currency: String?
        /// The supplier's product id (optional).
        public var product: String?
        /// The quantity, read in the mapping's number format (optional).
        public var quantity: String?
        /// The quantity's unit (optional).
        public var unit: String?
        /// The customer the line is bought for (optional).
        public var customer: String?
        /// A column with the line's Scope 3 category (1...15, `3.6`, `cat 6`); it overrides every other rule.
        public var scope3Category: String?
        /// On a credit note, the id of the invoice line it corrects (optional; docs/methods.md#credit-notes).
        public var invoice: String?

        public init(
            id: [String],
            date: String,
            supplier: String,
            category: String,
            amount: String? = nil,
            debit: String? = nil,
            credit: String? = nil,
            currency: String? = nil,
            product: String? = nil,
            quantity: String? = nil,
            unit: String? = nil,
            customer: String? = nil,
            scope3Category: String? = nil,
            invoice: String? = nil
        ) {
            self.id = id
            self.date = date
            self.supplier = supplier
            self.category = category
            self.amount = amount
            self.debit = debit
            self.credit = credit
            self.currency = currency
            self.product = product
            self.quantity = quantity
            self.unit = unit
            self.customer = customer
            self.scope3Category = scope3Category
            self.invoice = invoice
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, date, supplier, category, amount, debit, credit, currency, product, quantity, unit, customer, invoice
            case scope3Category = "scope3_category"
        }

        public init(from decoder: any Decoder) throws {
            try ERPMapping.rejectUnknownKeys(in: decoder, known: CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let one = try? c.decode(String.self, forKey: .id) {
                id = [one]
            } else {
                id = try c.decode([String].self, forKey: .id)
            }
            guard !id.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "expected a header name or a list of header names")
            }
            date = try c.decode(String.self, forKey: .date)
            supplier = try c.decode(String.self, forKey: .supplier)
            category = try c.decode(String.self, forKey: .category)
            amount = try c.decodeIfPresent(String.self, forKey: .amount)
            debit = try c.decodeIfPresent(String.self, forKey: .debit)
            credit = try c.decodeIfPresent(String.self, forKey: .credit)
            currency = try c.decodeIfPresent(String.self, forKey: .currency)
            product = try c.decodeIfPresent(String.self, forKey: .product)
            quantity = try c.decodeIfPresent(String.self, forKey: .quantity)
            unit = try c.decodeIfPresent(String.self, forKey: .unit)
            customer = try c.decodeIfPresent(String.self, forKey: .customer)
            scope3Category = try c.decodeIfPresent(String.self, forKey: .scope3Category)
            invoice = try c.decodeIfPresent(String.self, forKey: .invoice)
            switch (amount, debit, credit) {
            case (.some, nil, nil), (nil, .some, .some): break
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .amount,
                    in: c,
                    debugDescription: "expected either \"amount\" or both \"debit\" and \"credit\" (amount = debit - credit)"
                )
            }
        }
    }
}
