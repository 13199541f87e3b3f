import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

extension Footprint.Calculate {
    /// `calculate --watch`: calculates, then again each time something is committed to the workspace
    /// (an import, a removed import, an installed library, footprints received over PACT), until
    /// stopped. The process keeps the workspace open, so each run costs only its calculation. One line
    /// per new run: the headline with the time the calculation took in this process, or (`--json`)
    /// the `calculate --json` document on one line. An error is printed and watching goes on.
    func watchWorkspace(_ ws: Workspace, threads: Int, period: PeriodSelection) throws {
        let changes = try report { () throws(WorkspaceError) in try WorkspaceChanges(ws) }
        ws.calculatesRepeatedly = true
        printError("Watching \(ws.path) (every \(interval) s); Ctrl-C stops.")
        var full = self.full
        while true {
            // The workspace's version before calculating: any commit from here on, another process's
            // or this calculation's own, changes it, and the loop calculates again. (Read after the
            // calculation, a commit that landed before the read was taken for the watcher's own and
            // never calculated: the benchmark saw it twice in some 60 watchers.) Its own commits cost
            // one more calculation, which finds nothing new and commits nothing, so that the next wait
            // lasts until another process commits.
            let seen = try report { () throws(WorkspaceError) in try changes.version() }
            do {
                let run = try ws.runs.calculate(CalculationOptions(full: full, threads: threads, period: period))
                full = false
                if !run.upToDate {
                    if json {
                        var document = run.summary.json()
                        if case .object(var members) = document {
                            members.append(("run", RunDescription.json(run)))
                            document = .object(members)
                        }
                        emit(document.compactString())
                    } else {
                        emit(RunDescription.headline(run) + " (\(Int((run.seconds * 1000).rounded())) ms in this process)")
                    }
                }
            } catch {
                printError("error: \(error)")
            }
            // The write-ahead log copied into the database while nothing is calculated (a failure is
            // not an error: the next time copies it).
            try? ws.runs.checkpointBetweenRuns()
            while try report({ () throws(WorkspaceError) in try changes.version() }) == seen {
                Thread.sleep(forTimeInterval: interval)
            }
        }
    }

    /// One line on standard output at once, unbuffered (also when it is a pipe).
    private func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
