import FootprintCore
import Foundation

/// The web app's words and number and date formats in the user's language: English, or Norwegian
/// bokmål. Figures are the CLI's (`InventorySummary.tonnes`, `.percent`: one decimal, grouped), in
/// English exactly as the CLI prints them; in bokmål with a non-breaking space between thousands and
/// a decimal comma (`12 345,6`), and dates as `31.12.2024`.
struct WebText: Sendable {
    let language: StatementLanguage

    var code: String { language.rawValue }

    /// Tonnes of CO2e from kg, one decimal.
    func tonnes(_ kg: Double) -> String { localise(InventorySummary.tonnes(kg)) }

    /// A share 0...1 as a percentage with one decimal.
    func percent(_ share: Double) -> String {
        let text = InventorySummary.grouped(share * 100, places: 1)
        return language == .nb ? localise(text) + "\u{00A0}%" : text + "%"
    }

    /// A count, grouped.
    func count(_ value: Int) -> String { localise(InventorySummary.grouped(Double(value), places: 0)) }

    /// A number the CLI prints grouped with `places` decimals.
    func number(_ value: Double, places: Int) -> String { localise(InventorySummary.grouped(value, places: places)) }

    /// A plain decimal text (`1234.5`, as files and the CLI give quantities and amounts), its digits
    /// grouped in thousands and with the language's marks (`1,234.5`, `1 234,5`), every digit kept.
    func decimal(_ text: String) -> String {
        let sign = text.hasPrefix("-") ? "-" : ""
        let unsigned = text.dropFirst(sign.count)
        let point = unsigned.firstIndex(of: ".") ?? unsigned.endIndex
        let whole = unsigned[..<point]
        guard !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return localise(text) }
        var grouped = ""
        for (i, digit) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return localise(sign + grouped + unsigned[point...])
    }

    /// An ISO date (`YYYY-MM-DD`, or a timestamp starting with one) for the language.
    func date(_ iso: String) -> String {
        let day = String(iso.prefix(10))
        guard language == .nb else { return day }
        let parts = day.split(separator: "-")
        guard parts.count == 3 else { return day }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    /// A figure the CLI printed (`12,345.6`), in the language's form.
    func figure(_ english: String) -> String { localise(english) }

    private func localise(_ english: String) -> String {
        guard language == .nb else { return english }
        var out = ""
        out.reserveCapacity(english.count)
        for c in english {
            switch c {
            case ",": out.append("\u{00A0}")
            case ".": out.append(",")
            default: out.append(c)
            }
        }
        return out
    }

    /// A Scope 3 category's name: the standard's in English; in bokmål as Norwegian reports name them.
    func title(_ category: Scope3Category) -> String {
        guard language == .nb else { return category.title }
        return Self.norwegianTitles[category.rawValue - 1]
    }

    static let norwegianTitles = [
        "Innkjøpte varer og tjenester", "Kapitalvarer", "Drivstoff- og energirelaterte aktiviteter", "Oppstrøms transport og distribusjon",
        "Avfall fra egen drift", "Forretningsreiser", "Ansattes pendling", "Oppstrøms leide eiendeler", "Nedstrøms transport og distribusjon",
        "Bearbeiding av solgte produkter", "Bruk av solgte produkter", "Avfallshåndtering av solgte produkter", "Nedstrøms leide eiendeler",
        "Franchiser", "Investeringer",
    ]

    /// A phrase of the interface.
    func callAsFunction(_ key: Key) -> String {
        let pair = Self.phrases[key] ?? ("\(key)", "\(key)")
        return language == .nb ? pair.nb : pair.en
    }

    enum Key: Hashable {
        case appName, signIn, signOut, userName, password, wrongCredentials, lockedOut, overview, inventory, customers, language
        case english, norwegian, save, downloadCSV, scope1, scope2Location, scope2Market, scope3, scope3Share, scope3ShareLocation
        case supplierShare, total, totalMarket, totalLocation, trend, period, run, runs, noRun, target, targetShare, engagementShare
        case category, supplier, lines, line, date, amount, method, kgco2e, tco2e, factor, source, steps, previous, next, page
        case customer, service, statement, share, notFound, notFoundText, forbidden, forbiddenText, skip, signedInAs, role
        case scope, part, excluded, allScopes, trendText, noTrendTarget, byMethod, fileLine, noLines, customerTotal, uncertainty
        case site, activity, serviceFootprints, perUnit, home, emissionsBasis, spendBasis, ledgerTotal
        case imports, upload, replaces, status, alreadyImported, imported, supersedes, nothingImported, problems, column, problem
        case suppliers, strategic, tier, reasons, yes, kind, file, inputs, libraries, version, downloadLines
        case note, statementSupplierShare, usage, revenue, direct, headline
        case methodMix, engagement, pact
        case key, quantity, chartTitle, tooMany, serverError, serverErrorText, notInInventory, purchaseID, activityLines, byCategory
    }

    static let phrases: [Key: (en: String, nb: String)] = [
        .appName: ("Footprint", "Footprint"),
        .signIn: ("Sign in", "Logg inn"),
        .signOut: ("Sign out", "Logg ut"),
        .userName: ("User name", "Brukernavn"),
        .password: ("Password", "Passord"),
        .wrongCredentials: ("The user name or password is wrong.", "Brukernavnet eller passordet er feil."),
        .lockedOut: (
            "Too many failed sign-ins: wait a quarter of an hour and try again.", "For mange mislykkede innlogginger: vent et kvarter og prøv igjen."
        ),
        .overview: ("Overview", "Oversikt"),
        .inventory: ("Inventory", "Utslippsregnskap"),
        .customers: ("Customers", "Kunder"),
        .language: ("Language", "Språk"),
        .english: ("English", "Engelsk"),
        .norwegian: ("Norwegian (bokmål)", "Norsk (bokmål)"),
        .save: ("Save", "Lagre"),
        .downloadCSV: ("Download CSV", "Last ned CSV"),
        .scope1: ("Scope 1", "Scope 1"),
        .scope2Location: ("Scope 2, location-based", "Scope 2, lokasjonsbasert"),
        .scope2Market: ("Scope 2, market-based", "Scope 2, markedsbasert"),
        .scope3: ("Scope 3", "Scope 3"),
        .scope3Share: ("Scope 3 share of the total (Scope 2 market-based)", "Scope 3-andel av totalen (Scope 2 markedsbasert)"),
        .scope3ShareLocation: ("Scope 3 share of the total (Scope 2 location-based)", "Scope 3-andel av totalen (Scope 2 lokasjonsbasert)"),
        .supplierShare: ("Scope 3 purchases from supplier data", "Scope 3-innkjøp fra leverandørdata"),
        .total: ("Total", "Totalt"),
        .totalMarket: ("Total, Scope 2 market-based", "Totalt, Scope 2 markedsbasert"),
        .totalLocation: ("Total, Scope 2 location-based", "Totalt, Scope 2 lokasjonsbasert"),
        .trend: ("Trend over reporting periods", "Utvikling over rapporteringsperioder"),
        .period: ("Period", "Periode"),
        .run: ("Run", "Kjøring"),
        .runs: ("Runs", "Kjøringer"),
        .noRun: (
            "The workspace has no calculation run yet: run 'footprint calculate' first.",
            "Arbeidsområdet har ingen beregning ennå: kjør 'footprint calculate' først."
        ),
        .target: ("Target", "Mål"),
        .targetShare: ("Engagement target", "Engasjementsmål"),
        .engagementShare: ("Suppliers with science-based targets (share)", "Leverandører med vitenskapsbaserte mål (andel)"),
        .category: ("Category", "Kategori"),
        .supplier: ("Supplier", "Leverandør"),
        .lines: ("Lines", "Linjer"),
        .line: ("Line", "Linje"),
        .date: ("Date", "Dato"),
        .amount: ("Amount", "Beløp"),
        .method: ("Method", "Metode"),
        .kgco2e: ("kg CO2e", "kg CO2e"),
        .tco2e: ("t CO2e", "t CO2e"),
        .factor: ("Factor", "Faktor"),
        .source: ("Source", "Kilde"),
        .steps: ("Steps", "Trinn"),
        .previous: ("Previous page", "Forrige side"),
        .next: ("Next page", "Neste side"),
        .page: ("Page", "Side"),
        .customer: ("Customer", "Kunde"),
        .service: ("Service", "Tjeneste"),
        .statement: ("Emissions statement", "Utslippsoppgave"),
        .share: ("Share", "Andel"),
        .notFound: ("Not found", "Ikke funnet"),
        .notFoundText: ("There is no such page.", "Denne siden finnes ikke."),
        .forbidden: ("Refused", "Avvist"),
        .forbiddenText: (
            "The form was not accepted: reload the page and send it again.", "Skjemaet ble ikke godtatt: last inn siden på nytt og send det igjen."
        ),
        .skip: ("Skip to the content", "Gå til innholdet"),
        .signedInAs: ("Signed in as", "Logget inn som"),
        .role: ("Role", "Rolle"),
        .scope: ("Scope", "Scope"),
        .part: ("Part", "Del"),
        .excluded: ("Excluded", "Utelatt"),
        .allScopes: ("All scopes", "Alle scopes"),
        .trendText: ("Emissions by reporting period, t CO2e", "Utslipp per rapporteringsperiode, t CO2e"),
        .noTrendTarget: ("No engagement target is set.", "Det er ikke satt noe engasjementsmål."),
        .byMethod: ("By method", "Etter metode"),
        .fileLine: ("File, line", "Fil, linje"),
        .noLines: ("No lines.", "Ingen linjer."),
        .customerTotal: ("Your share of our emissions", "Din andel av våre utslipp"),
        .uncertainty: ("Uncertainty", "Usikkerhet"),
        .key: ("Allocated by", "Fordelt etter"),
        .statementSupplierShare: ("Share resting on supplier data", "Andel basert på leverandørdata"),
        .usage: ("usage", "bruk"),
        .note: ("Note", "Merknad"),
        .suppliers: ("Suppliers", "Leverandører"),
        .imports: ("Imports", "Importer"),
        .site: ("Site", "Lokasjon"),
        .home: ("Go to the start page", "Gå til startsiden"),
        .ledgerTotal: ("Purchase lines, t CO2e", "Innkjøpslinjer, t CO2e"),
        .emissionsBasis: ("share of emissions", "andel av utslippene"),
        .spendBasis: ("share of spend", "andel av innkjøpsbeløpet"),
        .serviceFootprints: ("Service footprints (PACT)", "Tjenesteavtrykk (PACT)"),
        .perUnit: ("Per declared unit", "Per deklarert enhet"),
        .activity: ("Activity", "Aktivitet"),
        .upload: ("Upload a file", "Last opp en fil"),
        .replaces: ("Replaces import (a corrected file)", "Erstatter import (en rettet fil)"),
        .status: ("Status", "Status"),
        .alreadyImported: ("The file is already imported; nothing changed:", "Filen er allerede importert; ingenting er endret:"),
        .imported: ("Imported as", "Importert som"),
        .supersedes: ("it replaces", "den erstatter"),
        .nothingImported: (
            "Nothing was imported: the file has problems. Correct every row below and upload it again.",
            "Ingenting ble importert: filen har feil. Rett alle radene nedenfor og last den opp igjen."
        ),
        .problems: ("Problems", "Feil"),
        .column: ("Column", "Kolonne"),
        .problem: ("Problem", "Feil"),
        .strategic: ("Strategic", "Strategisk"),
        .tier: ("Tier", "Nivå"),
        .reasons: ("Requirements not met", "Krav som ikke er oppfylt"),
        .yes: ("yes", "ja"),
        .kind: ("Kind", "Type"),
        .file: ("File", "Fil"),
        .inputs: ("Inputs", "Inndata"),
        .libraries: ("Factor libraries", "Faktorbiblioteker"),
        .version: ("Version", "Versjon"),
        .downloadLines: ("Download the lines with their provenance (CSV)", "Last ned linjene med opphav (CSV)"),
        .revenue: ("revenue", "omsetning"),
        .direct: ("purchases made for you", "innkjøp gjort for dere"),
        .headline: ("Headline figures", "Hovedtall"),
        .quantity: ("Quantity", "Mengde"),
        .chartTitle: ("Emissions by period and scope", "Utslipp per periode og scope"),
        .tooMany: ("Too many requests", "For mange forespørsler"),
        .serverError: ("Something went wrong", "Noe gikk galt"),
        .serverErrorText: (
            "The server could not answer; the operator can find the cause in its log.",
            "Serveren kunne ikke svare; driftsansvarlig finner årsaken i loggen."
        ),
        .notInInventory: ("Not in the inventory", "Ikke i regnskapet"),
        .purchaseID: ("Purchase", "Innkjøp"),
        .activityLines: ("Activity data", "Aktivitetsdata"),
        .byCategory: ("Scope 3 by category", "Scope 3 etter kategori"),
        .methodMix: ("Methods", "Metoder"),
        .engagement: ("Engagement", "Engasjement"),
        .pact: ("PACT", "PACT"),
    ]
}
