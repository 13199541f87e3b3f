import FootprintCore

/// The words of the method-mix, supplier, engagement, run-diff and PACT pages, in a table of their
/// own (`WebText.Phrase`) beside the first slice's (`WebText.Key`).
extension WebText {
    enum Phrase: Hashable {
        case methodMixTitle, methodMixText, kgShareChart, spendShareChart, spendShareNote, byPeriod, byRun, spend, spendShare, kgShare
        case methodHistory, methodHistoryText, register, statusFacts, statusHistory, checkedOn, evidence, kindOfFact, assessment
        case score, criterion, points, requests, requestsTitle, ask, requested, due, channel, overdue, overdueCount, noRequests
        case engagementTitle, kpiRun, totalEmissions, targetsSetShare, targetsSetSpend, primaryShare, suppliersPerTier, strategicAssessed
        case boundary, targetProgress, baseline, pathShare, gap, onTrack, behind, reached, missed, targetLine, allRequests, overdueOnly
        case diffTitle, before, after, change, compare, reasonsForChange, sameInputs, partsOfChange, activityPart, methodSwitchPart
        case figuresPart, linesAdded, linesRemoved, linesSwitched, mostlySwitch, changesBy, noChange, moreRows, verification, verify
        case verified, verifiedText, inherited, verificationFailed, outsidePeriod, excludedLines, pactTitle, clients, partners
        case ownFootprints, eventsReceived, eventsToSend, clientID, partner, created, updated, baseURL, product, per, sharedWith
        case received, type, eventID, outcome, queued, to, attempts, lastError, active, revoked, nothingYet, mapping, mappingHelp, mappingOnly
        case registerFacts, identifiers, contact, categories, parent, notes, emissionsLatest, noSupplierData, answer, lastEvent, asOf
        case methodKg, latestEvents, reason
    }

    func callAsFunction(_ phrase: Phrase) -> String {
        let pair = Self.pagePhrases[phrase] ?? ("\(phrase)", "\(phrase)")
        return language == .nb ? pair.nb : pair.en
    }

    /// A calculation method's name: the CLI's in English (`supplier-specific`...); in bokmål as Norwegian reports name them.
    func method(_ name: String) -> String {
        guard language == .nb else { return name }
        switch name {
        case "supplier-specific": return "leverandørspesifikk"
        case "hybrid": return "hybrid"
        case "average-data": return "gjennomsnittsdata"
        case "spend-based": return "utgiftsbasert"
        case "unmapped": return "ikke beregnet"
        default: return name
        }
    }

    static let pagePhrases: [Phrase: (en: String, nb: String)] = [
        .methodMixTitle: ("Method mix", "Metodemiks"),
        .methodMixText: (
            "Share of emissions and of spend per calculation method: supplier-specific, hybrid, average-data, spend-based (as 'report --by method').",
            "Andel av utslipp og innkjøpsbeløp per beregningsmetode: leverandørspesifikk, hybrid, gjennomsnittsdata, utgiftsbasert (som 'report --by method')."
        ),
        .kgShareChart: ("Share of kg CO2e by method, per reporting period", "Andel kg CO2e etter metode, per rapporteringsperiode"),
        .spendShareChart: ("Share of spend by method, per reporting period", "Andel av innkjøpsbeløpet etter metode, per rapporteringsperiode"),
        .spendShareNote: (
            "A method's share of spend is its spend over the spend of every line of the run in that currency, lines not computed (unmapped) included.",
            "En metodes andel av innkjøpsbeløpet er dens beløp delt på beløpet for alle kjøringens linjer i den valutaen, også linjer som ikke er beregnet."
        ),
        .byPeriod: (
            "By reporting period (its published run when closed, else its latest)",
            "Per rapporteringsperiode (publisert kjøring når lukket, ellers siste)"
        ),
        .byRun: ("By run", "Per kjøring"),
        .spend: ("Spend", "Innkjøpsbeløp"),
        .spendShare: ("Share of spend", "Andel av beløp"),
        .kgShare: ("Share of kg", "Andel av kg"),
        .methodHistory: ("History of methods", "Metodehistorikk"),
        .methodHistoryText: ("The supplier's kg CO2e per method, per run", "Leverandørens kg CO2e per metode, per kjøring"),
        .register: ("Register", "Register"),
        .statusFacts: ("Status facts (newest of each kind)", "Statusopplysninger (nyeste av hver type)"),
        .statusHistory: ("Status history", "Statushistorikk"),
        .checkedOn: ("Checked on", "Kontrollert"),
        .evidence: ("Evidence", "Dokumentasjon"),
        .kindOfFact: ("Kind", "Type"),
        .assessment: ("Assessment", "Vurdering"),
        .score: ("Score", "Poeng"),
        .criterion: ("Criterion", "Kriterium"),
        .points: ("Points", "Poeng"),
        .requests: ("Data requests", "Dataforespørsler"),
        .requestsTitle: ("Data requests to suppliers", "Dataforespørsler til leverandører"),
        .ask: ("Asked for", "Etterspurt"),
        .requested: ("Requested", "Forespurt"),
        .due: ("Due", "Frist"),
        .channel: ("Channel", "Kanal"),
        .overdue: ("overdue", "forfalt"),
        .overdueCount: ("Overdue", "Forfalt"),
        .noRequests: ("No data requests.", "Ingen dataforespørsler."),
        .engagementTitle: ("Supplier engagement", "Leverandørengasjement"),
        .kpiRun: ("Engagement KPIs of run", "Engasjementsindikatorer for kjøring"),
        .totalEmissions: ("Emissions of the purchases", "Utslipp fra innkjøpene"),
        .targetsSetShare: ("Share of emissions from suppliers with SBTi targets set", "Andel av utslippene fra leverandører med SBTi-mål"),
        .targetsSetSpend: ("Share of spend from suppliers with SBTi targets set", "Andel av innkjøpsbeløpet fra leverandører med SBTi-mål"),
        .primaryShare: ("Primary data (supplier-specific + hybrid)", "Primærdata (leverandørspesifikk + hybrid)"),
        .suppliersPerTier: ("Suppliers per tier", "Leverandører per nivå"),
        .strategicAssessed: ("Strategic suppliers assessed", "Strategiske leverandører vurdert"),
        .boundary: ("Boundary", "Avgrensning"),
        .targetProgress: ("Progress against the target", "Fremdrift mot målet"),
        .baseline: ("Baseline", "Utgangspunkt"),
        .pathShare: ("Where the path to the target is today", "Der banen mot målet er i dag"),
        .gap: ("Gap to the target", "Avstand til målet"),
        .onTrack: ("on track", "i rute"),
        .behind: ("behind the path", "bak banen"),
        .reached: ("reached", "nådd"),
        .missed: ("missed", "ikke nådd"),
        .targetLine: ("Target", "Mål"),
        .allRequests: ("All requests", "Alle forespørsler"),
        .overdueOnly: ("Overdue only", "Bare forfalte"),
        .diffTitle: ("What changed between two runs", "Hva som endret seg mellom to kjøringer"),
        .before: ("Before", "Før"),
        .after: ("After", "Etter"),
        .change: ("Change", "Endring"),
        .compare: ("Compare", "Sammenlign"),
        .reasonsForChange: ("Why: the inputs that changed", "Hvorfor: inndata som endret seg"),
        .sameInputs: ("The same imports and factor libraries.", "De samme importene og faktorbibliotekene."),
        .partsOfChange: (
            "The change in parts (activity, then method switch, then figures)", "Endringen i deler (aktivitet, så metodebytte, så tall)"
        ),
        .activityPart: ("Activity", "Aktivitet"),
        .methodSwitchPart: ("Method switch", "Metodebytte"),
        .figuresPart: ("Figures", "Tall"),
        .linesAdded: ("Lines added", "Linjer lagt til"),
        .linesRemoved: ("Lines removed", "Linjer fjernet"),
        .linesSwitched: ("Lines that switched method", "Linjer som byttet metode"),
        .mostlySwitch: ("Mostly a method switch", "Mest et metodebytte"),
        .changesBy: ("Changes by", "Endringer etter"),
        .noChange: ("No figure changed.", "Ingen tall endret seg."),
        .moreRows: ("more rows in the CSV", "flere rader i CSV-filen"),
        .verification: ("Verification", "Verifisering"),
        .verify: ("Verify every line of the run again", "Verifiser alle kjøringens linjer på nytt"),
        .verified: ("Lines verified", "Linjer verifisert"),
        .verifiedText: (
            "Each line evaluated again with the run's recorded inputs gives the stored method and kg, bit for bit.",
            "Hver linje beregnet på nytt med kjøringens registrerte inndata gir lagret metode og kg, bit for bit."
        ),
        .inherited: ("of them stored by earlier runs of its chain", "av dem lagret av tidligere kjøringer i kjeden"),
        .verificationFailed: ("The verification failed:", "Verifiseringen feilet:"),
        .outsidePeriod: ("Outside the period", "Utenfor perioden"),
        .excludedLines: ("Excluded", "Utelatt"),
        .pactTitle: ("PACT exchange", "PACT-utveksling"),
        .clients: ("API clients (customers)", "API-klienter (kunder)"),
        .partners: ("Partners' PACT hosts", "Partneres PACT-verter"),
        .ownFootprints: ("Our published footprints", "Våre publiserte fotavtrykk"),
        .eventsReceived: ("Events received", "Mottatte hendelser"),
        .eventsToSend: ("Events to send", "Hendelser som skal sendes"),
        .clientID: ("Client id", "Klient-id"),
        .partner: ("Partner", "Partner"),
        .created: ("Created (UTC)", "Opprettet (UTC)"),
        .updated: ("Updated (UTC)", "Oppdatert (UTC)"),
        .baseURL: ("Base URL", "Basis-URL"),
        .product: ("Product", "Produkt"),
        .per: ("Per", "Per"),
        .sharedWith: ("Shared with", "Delt med"),
        .received: ("Received (UTC)", "Mottatt (UTC)"),
        .type: ("Type", "Type"),
        .eventID: ("Event id", "Hendelses-id"),
        .outcome: ("Outcome", "Utfall"),
        .queued: ("Queued (UTC)", "Lagt i kø (UTC)"),
        .to: ("To", "Til"),
        .attempts: ("Attempts", "Forsøk"),
        .lastError: ("Last error", "Siste feil"),
        .active: ("active", "aktiv"),
        .revoked: ("revoked", "tilbakekalt"),
        .nothingYet: ("None.", "Ingen."),
        .mapping: ("ERP mapping (for a purchases export from an ERP)", "ERP-mapping (for en innkjøpseksport fra et ERP-system)"),
        .mappingHelp: (
            "Choose the mapping (JSON, docs/erp-mappings.md) and any file it names (categories_file): the file is then read as an ERP export and converted, and problems are shown by the export's own lines and columns.",
            "Velg mappingen (JSON, docs/erp-mappings.md) og eventuelle filer den nevner (categories_file): filen leses da som en ERP-eksport og konverteres, og feil vises med eksportens egne linjer og kolonner."
        ),
        .mappingOnly: ("An ERP mapping applies to purchases only.", "En ERP-mapping gjelder bare innkjøp (purchases)."),
        .registerFacts: ("Register facts", "Registeropplysninger"),
        .identifiers: ("Identifiers", "Identifikatorer"),
        .contact: ("Contact", "Kontakt"),
        .categories: ("Categories", "Kategorier"),
        .parent: ("Parent company", "Morselskap"),
        .notes: ("Notes", "Merknader"),
        .emissionsLatest: ("Emissions in the latest run", "Utslipp i siste kjøring"),
        .noSupplierData: ("No lines in any run.", "Ingen linjer i noen kjøring."),
        .answer: ("Answer", "Svar"),
        .lastEvent: ("Last event", "Siste hendelse"),
        .asOf: ("as of", "per"),
        .methodKg: ("kg CO2e by method", "kg CO2e etter metode"),
        .reason: ("Reason", "Begrunnelse"),
        .latestEvents: ("newest first, at most 50 of each", "nyeste først, høyst 50 av hver"),
    ]
}
