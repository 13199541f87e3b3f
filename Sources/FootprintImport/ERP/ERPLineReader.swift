import FootprintCore
import Foundation

/// Reads one export record into a canonical row, collecting a diagnostic for each field that
/// cannot be read (every field is checked, so one pass reports all of a line's problems).
struct ERPLineReader {
    let mapping: ERPMapping
    let columns: ERPHeaderColumns
    let table: ERPCategoryTable
    let file: String
    let fieldCount: Int
    /// What a number in this export looks like, for messages.
    let numberHelp: String

    init(mapping: ERPMapping, columns: ERPHeaderColumns, table: ERPCategoryTable, file: String, fieldCount: Int) {
        self.mapping = mapping
        self.columns = columns
        self.table = table
        self.file = file
        self.fieldCount = fieldCount
        let numbers = mapping.numbers
        numberHelp =
            "expected a number with '\(numbers.decimalSeparator)' as the decimal separator"
            + (numbers.thousandsSeparators.isEmpty
                ? "" : " and thousands separated by \(numbers.thousandsSeparators.map(Self.describe).joined(separator: " or "))")
            + ", such as \(numbers.example) or -\(numbers.example)"
    }

    /// The line's id (its id fields joined with `-`), or `nil` if one is empty or the record is malformed.
    func id(fields: [String]) -> String? {
        guard fields.count == fieldCount else { return nil }
        let parts = columns.id.map { fields[$0.index].erpTrimmed }
        return parts.contains(where: \.isEmpty) ? nil : parts.joined(separator: "-")
    }

    func read(fields: [String], line: Int, diagnostics: inout [Diagnostic]) -> CanonicalPurchaseRow? {
        guard fields.count == fieldCount else {
            diagnostics.append(
                Diagnostic(
                    file: file,
                    line: line,
                    message: "the record has \(fields.count) field\(fields.count == 1 ? "" : "s"); expected \(fieldCount), as in the header"
                )
            )
            return nil
        }
        let before = diagnostics.count
        func fail(_ column: ERPHeaderColumns.Column, _ message: String) {
            diagnostics.append(Diagnostic(file: file, line: line, column: column.name, message: message))
        }
        func text(_ column: ERPHeaderColumns.Column?) -> String {
            guard let column else { return "" }
            return fields[column.index].erpTrimmed
        }
        func required(_ column: ERPHeaderColumns.Column, _ what: String) -> String? {
            let t = text(column)
            if t.isEmpty { fail(column, "the field is empty; expected \(what)") }
            return t.isEmpty ? nil : t
        }
        let numbers = mapping.numbers
        func number(_ column: ERPHeaderColumns.Column?) -> (present: Bool, value: ERPDecimal?) {
            guard let column else { return (false, nil) }
            let t = text(column)
            if t.isEmpty { return (false, nil) }
            guard let value = numbers.parse(t) else {
                fail(column, "'\(t)' is not a number in this export's format; \(numberHelp)")
                return (true, nil)
            }
            return (true, value)
        }

        // id
        var idParts: [String] = []
        for c in columns.id {
            if let t = required(c, "the line's id") { idParts.append(t) }
        }
        // date
        var date: String?
        if let t = required(columns.date, "a date in the format \(mapping.dateFormat.rawValue)") {
            switch mapping.dateFormat.parse(t) {
            case .date(let iso): date = iso
            case .malformed:
                fail(
                    columns.date,
                    "'\(t)' is not a date in the format \(mapping.dateFormat.rawValue); expected a date such as \(mapping.dateFormat.example)"
                )
            case .notInCalendar:
                fail(
                    columns.date,
                    "'\(t)' is not a day of the calendar; expected a real date in the format \(mapping.dateFormat.rawValue), such as \(mapping.dateFormat.example)"
                )
            }
        }
        let supplier = required(columns.supplier, "the supplier")
        let erpValue = required(columns.category, "the GL account or product group that selects the category")
        // amount
        var amount: ERPDecimal?
        if let column = columns.amount {
            let (present, value) = number(column)
            if !present { fail(column, "the field is empty; \(numberHelp)") }
            amount = value
        } else if let debitColumn = columns.debit, let creditColumn = columns.credit {
            let debit = number(debitColumn)
            let credit = number(creditColumn)
            if !debit.present && !credit.present {
                fail(debitColumn, "both '\(debitColumn.name)' and '\(creditColumn.name)' are empty; expected an amount in one of them")
            } else if (!debit.present || debit.value != nil) && (!credit.present || credit.value != nil) {
                let d = debit.value ?? ERPDecimal(digits: 0, scale: 0)
                let c = credit.value ?? ERPDecimal(digits: 0, scale: 0)
                amount = d.subtracting(c)
                if amount == nil { fail(debitColumn, "debit - credit has more than 18 digits; expected a smaller amount") }
            }
        }
        // currency
        var currency: CurrencyCode?
        let currencyText = text(columns.currency)
        if currencyText.isEmpty {
            currency = mapping.currency
            if currency == nil, let column = columns.currency {
                fail(column, "the field is empty; expected a currency code (ISO 4217) such as NOK, or a fixed \"currency\" in the mapping")
            }
        } else {
            currency = CurrencyCode(currencyText) ?? CurrencyCode(currencyText.uppercased())
            if currency == nil, let column = columns.currency {
                fail(column, "'\(text(column))' is not a currency code; expected three letters (ISO 4217), such as NOK or EUR")
            }
        }
        // quantity
        let quantity = number(columns.quantity)
        // explicit Scope 3 category
        var flag: Scope3Category?
        if let column = columns.scope3Category {
            let t = text(column)
            if !t.isEmpty {
                flag = Scope3Category(parsing: t)
                if flag == nil { fail(column, "'\(t)' is not a Scope 3 category; expected 1 to 15 (such as 6 or 3.6), or empty") }
            }
        }
        guard diagnostics.count == before, let date, let supplier, let erpValue, let amount, let currency else { return nil }
        let rule = table.rule(for: erpValue)
        return CanonicalPurchaseRow(
            id: idParts.joined(separator: "-"),
            date: date,
            supplier: supplier,
            category: rule?.category ?? erpValue,
            amount: amount,
            currency: currency,
            product: text(columns.product),
            quantity: quantity.value?.text ?? "",
            unit: text(columns.unit),
            customer: text(columns.customer),
            invoice: text(columns.invoice),
            scope3: flag ?? rule?.scope3 ?? (table.isCapital(erpValue) ? .capitalGoods : nil),
            erpValue: erpValue,
            mapped: rule != nil,
            sourceLine: line
        )
    }

    static func describe(_ c: Character) -> String {
        switch c {
        case " ": "spaces"
        case "\u{00A0}": "no-break spaces"
        case "\u{202F}": "narrow no-break spaces"
        default: "'\(c)'"
        }
    }
}
