import Foundation

/// Supplier names reduced to what identifies a company, for matching across sources:
/// case and accents folded ("Blå" = "Bla", "Ø" = "O", "Æ" = "AE", "ß" = "SS"), punctuation and
/// white space collapsed to single spaces, and trailing legal forms removed (AS, ASA, AB, A/S, ApS,
/// Oy, Oyj, GmbH, AG, Ltd, Limited, plc, Inc, Incorporated, Corp, LLC, SA, BV, NV, ...).
public enum SupplierNameNormalizer {
    /// Legal forms removed from the end of a name, as token sequences after punctuation is collapsed.
    public static let legalForms: [[String]] = [
        ["as"], ["asa"], ["ab"], ["publ"], ["a", "s"], ["aps"], ["oy"], ["oyj"], ["gmbh"], ["ag"], ["ltd"], ["limited"], ["plc"],
        ["inc"], ["incorporated"], ["corp"], ["corporation"], ["llc"], ["sa"], ["s", "a"], ["bv"], ["b", "v"], ["nv"], ["n", "v"], ["kf"],
    ]

    /// The normalised name: lower-case ASCII-folded tokens separated by single spaces.
    public static func normalize(_ name: String) -> String {
        tokens(name).joined(separator: " ")
    }

    /// The normalised name's tokens.
    public static func tokens(_ name: String) -> [String] {
        var folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        for (from, to) in [("ø", "o"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("đ", "d"), ("ł", "l"), ("þ", "th")] {
            folded = folded.replacingOccurrences(of: from, with: to)
        }
        folded = folded.lowercased()
        var tokens: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var removed = true
        while removed {
            removed = false
            for form in legalForms where tokens.count > form.count && Array(tokens.suffix(form.count)) == form {
                tokens.removeLast(form.count)
                removed = true
                break
            }
        }
        return tokens
    }
}
