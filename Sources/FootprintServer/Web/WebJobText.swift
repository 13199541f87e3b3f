import FootprintCore
import Foundation

/// The words of the jobs' pages (long work started from the browser) in the user's language, and the
/// phases the store reports (`ProgressReporter`) in bokmål.
extension WebText {
    enum JobKey: Hashable {
        case calculate, calculation, calculateHelp, startCalculation, importing, running, done, failed, stopRefreshing, refresh
        case busy, seeJob, runStored, upToDate, openRun, backToImports, backToRuns, uploadAnother, startedAt, progress, records
        case failedReading, splitAbsent, startSplit, splitTitle, splitDone, backToDiff
        case verifyAbsent, startVerification, verifyAgain, verifiedAt, backToVerification
    }

    func job(_ key: JobKey) -> String {
        let pair = Self.jobPhrases[key] ?? ("\(key)", "\(key)")
        return language == .nb ? pair.nb : pair.en
    }

    /// A phrase with its `{name}` placeholders filled in.
    func job(_ key: JobKey, _ values: [String: String]) -> String {
        values.reduce(job(key)) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    static let jobPhrases: [JobKey: (en: String, nb: String)] = [
        .calculate: ("Calculate", "Beregn"),
        .calculation: ("Calculation", "Beregning"),
        .calculateHelp: (
            "Calculates the workspace as 'footprint calculate' does (the latest fiscal year) and stores the run; its progress shows on the next page.",
            "Beregner arbeidsområdet som 'footprint calculate' gjør (siste regnskapsår) og lagrer kjøringen; fremdriften vises på neste side."
        ),
        .startCalculation: ("Start a calculation", "Start en beregning"),
        .importing: ("Import", "Import"),
        .running: ("Running", "Pågår"),
        .done: ("Done", "Ferdig"),
        .failed: ("Failed: nothing was stored", "Mislyktes: ingenting ble lagret"),
        .stopRefreshing: ("Stop refreshing this page", "Slutt å oppdatere siden"),
        .refresh: ("Refresh", "Oppdater"),
        .busy: ("Another job is running; start this one when it is done.", "En annen jobb pågår; start denne når den er ferdig."),
        .seeJob: ("See the running job", "Se jobben som pågår"),
        .runStored: ("Stored run", "Lagret kjøring"),
        .upToDate: ("Nothing changed since run", "Ingenting er endret siden kjøring"),
        .openRun: ("Open the run", "Åpne kjøringen"),
        .backToImports: ("Back to the imports", "Tilbake til importene"),
        .backToRuns: ("The runs", "Kjøringene"),
        .uploadAnother: ("Upload a file", "Last opp en fil"),
        .startedAt: ("Started", "Startet"),
        .progress: ("Progress", "Fremdrift"),
        .records: ("records", "poster"),
        .failedReading: ("Failed", "Mislyktes"),
        .splitAbsent: (
            "The split of the change into activity, method switch and figures is not made yet: it reads and verifies every line of both runs ({lines} lines), as 'runs diff' does. It runs as a job whose progress shows on its own page; once made, this page shows it at once.",
            "Oppdelingen av endringen i aktivitet, metodebytte og tall er ikke laget ennå: den leser og verifiserer hver linje i begge kjøringene ({lines} linjer), som 'runs diff' gjør. Den kjøres som en jobb med fremdriften på en egen side; når den er laget, viser denne siden den med en gang."
        ),
        .startSplit: ("Split the change", "Del opp endringen"),
        .splitTitle: ("Split of the change", "Oppdeling av endringen"),
        .splitDone: (
            "The change from run #{before} to run #{after} is split into activity, method switch and figures.",
            "Endringen fra kjøring #{before} til kjøring #{after} er delt opp i aktivitet, metodebytte og tall."
        ),
        .backToDiff: ("The diff with its split", "Sammenligningen med oppdelingen"),
        .verifyAbsent: (
            "The run has not been verified since the server started. Verifying evaluates every line of the run again ({lines} lines) with its recorded inputs and compares it bit for bit with the stored method and kg, as 'runs show' does. It runs as a job whose progress shows on its own page.",
            "Kjøringen er ikke verifisert siden serveren startet. Verifiseringen beregner hver linje i kjøringen på nytt ({lines} linjer) med de registrerte inndataene og sammenligner bit for bit med lagret metode og kg, som 'runs show' gjør. Den kjøres som en jobb med fremdriften på en egen side."
        ),
        .startVerification: ("Verify the run", "Verifiser kjøringen"),
        .verifyAgain: ("Verify it again", "Verifiser på nytt"),
        .verifiedAt: ("Last verified by this server", "Sist verifisert av denne serveren"),
        .backToVerification: ("The verification of run", "Verifiseringen av kjøring"),
    ]

    /// A phase the store reports (English), in the user's language.
    func phase(_ english: String) -> String {
        guard language == .nb else { return english }
        // A run's lines, read by the split of a diff or a verification: `verifying run #N`, `reading run #N`.
        for (prefix, nb) in [("verifying run #", "verifiserer kjøring #"), ("reading run #", "leser kjøring #")] where english.hasPrefix(prefix) {
            return nb + english.dropFirst(prefix.count)
        }
        return Self.norwegianPhases[english] ?? english
    }

    static let norwegianPhases: [String: String] = [
        "waiting": "venter",
        "starting": "starter",
        "reading": "leser",
        "converting the export": "konverterer eksporten",
        "checking purchase ids": "kontrollerer innkjøps-id-er",
        "committing": "lagrer",
        "reading, checking and storing": "leser, kontrollerer og lagrer",
        "imported": "importert",
        "already imported": "allerede importert",
        "reading the reference data": "leser referansedata",
        "evaluating lines": "beregner linjer",
        "evaluating the changed suppliers' lines": "beregner linjene til endrede leverandører",
        "storing the run": "lagrer kjøringen",
        "stored": "lagret",
        "up to date": "oppdatert",
        "split": "delt opp",
        "verified": "verifisert",
    ]
}
