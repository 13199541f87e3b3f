/// The statement as a printable HTML page in the customer's language (Norwegian bokmål or English):
/// one self-contained file, no script, numbers and dates formatted for the language.
extension CustomerStatement {
    public func html() -> String {
        let t = StatementText(language)
        var rowsHTML = ""
        for row in rows {
            rowsHTML += "<tr><td>\(Self.escape(row.serviceName))</td><td>\(Self.escape(t.key(row.key)))</td>"
            rowsHTML += "<td class=n>\(row.quantity.map { t.number($0, decimals: 2) } ?? "")</td><td>\(Self.escape(row.unit ?? ""))</td>"
            rowsHTML += "<td class=n>\(t.tonnes(row.nanoKg))</td><td class=n>\(t.percent(Self.share(row.sums)))</td></tr>\n"
        }
        var scopeHTML = ""
        let byScope = byScope
        for scope in byScope.keys.sorted() {
            scopeHTML += "<tr><td>\(t.scope(scope))</td><td class=n>\(t.tonnes(byScope[scope]!))</td></tr>\n"
        }
        var cdpHTML = ""
        for row in cdpRows {
            cdpHTML += "<tr><td>\(Self.escape(row.scope))</td><td>\(Self.escape(row.allocationLevelDetail))</td>"
            cdpHTML += "<td>\(Self.escape(row.allocationMethod))</td><td class=n>\(t.number(row.emissionsTonnes, decimals: 3))</td>"
            cdpHTML += "<td class=n>±\(t.number(row.uncertaintyPercent, decimals: 1))</td><td>\(Self.escape(row.majorSources))</td></tr>\n"
        }
        var energyHTML = ""
        if let e = leasedEnergy {
            energyHTML =
                "<h2>\(Self.escape(t.energyLabel))</h2>\n<table>\n<thead><tr><th>\(Self.escape(t.countryLabel))</th><th class=n>kWh</th></tr></thead>\n<tbody>\n"
            for country in e.kwhByCountry.keys.sorted() {
                energyHTML += "<tr><td>\(Self.escape(country))</td><td class=n>\(t.number(e.kwhByCountry[country]!, decimals: 1))</td></tr>\n"
            }
            energyHTML += "</tbody>\n</table>\n<p class=note>\(Self.escape(t.energyNote(e.equipment)))</p>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(Self.escape(t.title)) \(Self.escape(period)): \(Self.escape(customerName))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #111; }
            h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
            table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
            th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .total { font-size: 1.2em; font-weight: 600; }
            p.note { color: #444; font-size: 0.9em; }
            @media print { body { margin: 1cm; } a { color: inherit; text-decoration: none; } }
            </style>
            </head>
            <body>
            <h1>\(Self.escape(t.title)): \(Self.escape(customerName)) (\(Self.escape(customer)))</h1>
            <p>\(Self.escape(t.periodLabel)) \(Self.escape(period)): \(t.date(firstDay)) – \(t.date(lastDay)).</p>
            <p class=total>\(Self.escape(t.totalLabel)): \(t.tonnes(totalNanoKg)) t CO₂e</p>
            <p>\(Self.escape(t.supplierDataLabel)): \(t.percent(supplierDataShare))</p>
            <h2>\(Self.escape(t.byServiceLabel))</h2>
            <table>
            <thead><tr><th>\(Self.escape(t.serviceLabel))</th><th>\(Self.escape(t.keyLabel))</th><th class=n>\(Self.escape(t.quantityLabel))</th><th>\(Self.escape(t.unitLabel))</th><th class=n>t CO₂e</th><th class=n>\(Self.escape(t.supplierDataShort))</th></tr></thead>
            <tbody>
            \(rowsHTML)</tbody>
            </table>
            <h2>\(Self.escape(t.byScopeLabel))</h2>
            <table>
            <thead><tr><th>\(Self.escape(t.ourScopeLabel))</th><th class=n>t CO₂e</th></tr></thead>
            <tbody>
            \(scopeHTML)</tbody>
            </table>
            <h2>\(Self.escape(t.cdpLabel))</h2>
            <table>
            <thead><tr><th>Scope</th><th>\(Self.escape(t.serviceLabel))</th><th>\(Self.escape(t.methodLabel))</th><th class=n>t CO₂e</th><th class=n>\(Self.escape(t.uncertaintyLabel))</th><th>\(Self.escape(t.sourcesLabel))</th></tr></thead>
            <tbody>
            \(cdpHTML)</tbody>
            </table>
            \(energyHTML)<p class=note>\(Self.escape(t.note(runID: runID, scope2Basis: scope2Basis, verified: verified)))</p>
            </body>
            </html>

            """
    }

    /// The share of `sums` resting on supplier data.
    static func share(_ sums: ComponentSums) -> Double {
        let total = sums.totalNanoKg
        return total == 0 ? 0 : Double(sums.supplierDataNanoKg) / Double(total)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// The words and number formats of a statement in one language.
struct StatementText {
    let language: StatementLanguage

    init(_ language: StatementLanguage) { self.language = language }

    private var nb: Bool { language == .nb }
    var title: String { nb ? "Klimagassutslipp fra våre tjenester" : "Greenhouse gas emissions of our services" }
    var periodLabel: String { nb ? "Periode" : "Period" }
    var totalLabel: String { nb ? "Deres andel i alt" : "Your share in total" }
    var supplierDataLabel: String { nb ? "Andel basert på leverandørdata" : "Share based on supplier data" }
    var supplierDataShort: String { nb ? "Leverandørdata" : "Supplier data" }
    var byServiceLabel: String { nb ? "Per tjeneste" : "By service" }
    var byScopeLabel: String { nb ? "Per scope hos oss (for deg: scope 3 kategori 1)" : "By our scope (for you: Scope 3 Category 1)" }
    var ourScopeLabel: String { nb ? "Vårt scope" : "Our scope" }
    var serviceLabel: String { nb ? "Tjeneste" : "Service" }
    var keyLabel: String { nb ? "Fordelingsnøkkel" : "Allocation key" }
    var quantityLabel: String { nb ? "Mengde" : "Quantity" }
    var unitLabel: String { nb ? "Enhet" : "Unit" }
    var cdpLabel: String { nb ? "CDP-fordelingstabell (supply chain)" : "CDP supply chain allocation table" }
    var methodLabel: String { nb ? "Fordelingsmetode" : "Allocation method" }
    var uncertaintyLabel: String { nb ? "Usikkerhet (%)" : "Uncertainty (%)" }
    var sourcesLabel: String { nb ? "Største kilder" : "Major sources" }
    var energyLabel: String { nb ? "Strøm til vårt utstyr hos dere (deres scope 2)" : "Electricity of our equipment at your sites (your Scope 2)" }
    var countryLabel: String { nb ? "Land" : "Country" }

    func energyNote(_ equipment: [String]) -> String {
        let list = equipment.joined(separator: ", ")
        if nb {
            return "Strømmen til vårt utstyr hos dere (\(list)) betalte dere selv: den er deres egen scope 2-energi (bruk deres egne "
                + "nett- eller avtalefaktorer). Den er ikke en andel av våre utslipp og inngår ikke i totalen over; vi rapporterer "
                + "utslippene som vår scope 3 kategori 13."
        }
        return "You paid for the electricity of our equipment at your sites (\(list)): it is your own Scope 2 energy (apply your "
            + "grid or contract factors). It is not a share of our emissions and not in the total above; we report its emissions "
            + "as our Scope 3 Category 13."
    }

    func key(_ key: String) -> String {
        switch key {
        case "usage": nb ? "forbruk" : "usage"
        case "revenue": nb ? "omsetning" : "revenue"
        default: nb ? "direkte (kjøpt for dere)" : "direct (bought for you)"
        }
    }

    func scope(_ scope: Int) -> String { "Scope \(scope)" }

    func note(runID: Int64, scope2Basis: String, verified: Bool) -> String {
        if nb {
            return "Tallene kommer fra beregning nr. \(runID); scope 2 er \(scope2Basis == "market" ? "markedsbasert" : "lokasjonsbasert"). "
                + "Delte plattformer er fordelt etter forbruk i tjenestens enhet, med ubrukt kapasitet holdt hos oss; omsetning brukes bare der forbruk mangler. "
                + (verified ? "Tallene er verifisert av tredjepart." : "Tallene er ikke verifisert av tredjepart.")
        }
        return "Figures from calculation run #\(runID); Scope 2 is \(scope2Basis)-based. "
            + "Shared platforms are allocated by usage in the service's unit, with unsold capacity kept by us; revenue is used only where there is no usage. "
            + (verified ? "The figures are verified by a third party." : "The figures are not verified by a third party.")
    }

    /// `1 234,5` (bokmål, narrow no-break space) or `1,234.5`.
    func number(_ value: Double, decimals: Int) -> String {
        let negative = value < 0
        var scaled = abs(value)
        for _ in 0..<decimals { scaled *= 10 }
        let units = UInt64(scaled.rounded())
        var divisor: UInt64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = String(units / divisor)
        var grouped = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped += nb ? "\u{202F}" : "," }
            grouped.append(c)
        }
        var text = (negative && units > 0 ? "−" : "") + grouped
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += (nb ? "," : ".") + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    func tonnes(_ nano: Int128) -> String { number(Double(nano) / 1e12, decimals: 3) }
    func percent(_ share: Double) -> String { number(share * 100, decimals: 1) + (nb ? " %" : "%") }

    /// `31.12.2024` (bokmål) or `2024-12-31`.
    func date(_ iso: String) -> String {
        guard nb else { return iso }
        let parts = iso.split(separator: "-")
        return parts.count == 3 ? "\(parts[2]).\(parts[1]).\(parts[0])" : iso
    }
}
