/// Check-digit validation of organisation identifiers, for register edits from the command line.
public enum IdentifierCheck {
    /// Why a Legal Entity Identifier is not valid, or nil when it is: 20 letters and digits whose
    /// ISO 17442 check digits (the last two) make the whole, letters read as 10...35, equal 1 mod 97.
    public static func leiProblem(_ lei: String) -> String? {
        let chars = Array(lei.uppercased().utf8)
        guard chars.count == 20 else { return "LEI '\(lei)' has \(lei.count) characters; an LEI has 20 (ISO 17442)" }
        guard chars.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) }) else {
            return "LEI '\(lei)' has characters other than letters and digits"
        }
        guard chars.suffix(2).allSatisfy({ (48...57).contains($0) }) else { return "LEI '\(lei)' does not end in two check digits" }
        var remainder = 0
        for c in chars {
            let value = c <= 57 ? Int(c) - 48 : Int(c) - 55
            remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97
        }
        return remainder == 1 ? nil : "LEI '\(lei)' fails its ISO 17442 check digits (mod 97 gives \(remainder), not 1): check for a typing error"
    }

    /// Why a Norwegian organisation number is not valid, or nil when it is: 9 digits (spaces
    /// allowed), the last a modulus-11 check digit over the first eight with weights 3 2 7 6 5 4 3 2.
    public static func norwegianOrgNumberProblem(_ number: String) -> String? {
        let digits = number.filter { $0 != " " }
        guard digits.count == 9, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            return "organisation number '\(number)' is not 9 digits; a Norwegian organisasjonsnummer has 9"
        }
        let d = digits.compactMap(\.wholeNumberValue)
        let sum = zip(d.prefix(8), [3, 2, 7, 6, 5, 4, 3, 2]).map(*).reduce(0, +)
        let check = (11 - sum % 11) % 11
        guard check != 10, check == d[8] else {
            return "organisation number '\(number)' fails its modulus-11 check digit: check for a typing error"
        }
        return nil
    }

    /// Why a link is not an http(s) address with a host, or nil when it is.
    public static func linkProblem(_ link: String) -> String? {
        let lower = link.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lower.hasPrefix), link.count > scheme.count, !link.contains(" ") else {
            return "'\(link)' is not a link; expected an http(s) address, such as https://w2.brreg.no/enhet/sok/detalj.jsp?orgnr=923609016"
        }
        return nil
    }

    /// The normalised Norwegian organisation number (spaces removed).
    public static func normalizedOrgNumber(_ number: String) -> String { number.filter { $0 != " " } }
}
