extension String {
    /// The text without leading and trailing spaces, tabs, no-break spaces (U+00A0) and narrow
    /// no-break spaces (U+202F); returns `self` without copying when there are none (the common case).
    var erpTrimmed: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        let blankEdge = first == 32 || first == 9 || first >= 0xC2 || last == 32 || last == 9 || last == 0xA0 || last == 0xAF
        guard blankEdge else { return self }
        var scalars = Substring(self).unicodeScalars[...]
        func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{00A0}" || s == "\u{202F}" }
        while let f = scalars.first, isBlank(f) { scalars.removeFirst() }
        while let l = scalars.last, isBlank(l) { scalars.removeLast() }
        return String(scalars)
    }
}
