import FootprintCore
import Foundation
import Synchronization
import Testing

/// `ProgressReporter`: the whole work's fraction never goes back and ends at 1, updates within a
/// phase reach the sink at most once per interval, and it is safe to report from many threads.
@Suite("Progress reporter")
struct ProgressReporterTests {
    /// A clock the test moves by hand, and the updates the sink saw.
    final class Recorder: Sendable {
        let now = Mutex(Duration.zero)
        let seen = Mutex([ProgressUpdate]())

        func reporter(_ task: String = "import purchases.csv", interval: Duration = .milliseconds(100)) -> ProgressReporter {
            ProgressReporter(
                task: task,
                interval: interval,
                clock: { self.now.withLock { $0 } },
                sink: { update in self.seen.withLock { $0.append(update) } }
            )
        }

        func wait(_ d: Duration) { now.withLock { $0 += d } }
        var updates: [ProgressUpdate] { seen.withLock { $0 } }
    }

    @Test("phases map into one fraction that never decreases and ends at 100% when finished")
    func monotonic() {
        let r = Recorder()
        let progress = r.reporter()
        progress.begin("reading", total: 1_000, unit: .bytes, upTo: 0.9)
        for done in stride(from: 0, through: 1_000, by: 50) {
            r.wait(.milliseconds(150))
            progress.advance(to: Int64(done), records: Int64(done / 10))
        }
        // A smaller count than before (a late thread) does not move it back.
        r.wait(.milliseconds(150))
        progress.advance(to: 10)
        #expect(progress.current.done == 1_000)
        progress.begin("checking purchase ids", upTo: 0.95)
        // A phase that ends below where the work is cannot move it back either.
        progress.begin("committing", upTo: 0.5)
        progress.finish("imported")
        let seen = r.updates
        let fractions = seen.map(\.fraction)
        #expect(fractions == fractions.sorted())
        #expect(abs((seen.first { $0.phase == "checking purchase ids" }?.fraction ?? 0) - 0.9) < 1e-9)
        #expect(
            seen.last
                == ProgressUpdate(
                    task: "import purchases.csv",
                    phase: "imported",
                    done: 0,
                    unit: .records,
                    fraction: 1,
                    finished: true
                )
        )
        #expect(seen.last?.percent == 100)
        // Before it finishes the work never shows 100%: the last of reading is 90% of the whole.
        #expect(seen.dropLast().allSatisfy { $0.percent < 100 })
        #expect(seen.filter { $0.phase == "reading" }.last?.percent == 90)
        // Finished is final: later reports change nothing and reach no one.
        progress.advance(to: 5_000)
        progress.begin("again", upTo: 1)
        progress.finish("twice")
        #expect(r.updates.count == seen.count)
    }

    @Test("within a phase the sink hears at most one update per interval; phase starts and the end always")
    func rateLimited() {
        let r = Recorder()
        let progress = r.reporter(interval: .milliseconds(100))
        progress.begin("evaluating lines", total: 1_000_000, unit: .lines, upTo: 1)
        // 10,000 reports 1 ms apart: 10 seconds, so about 100 updates, not 10,000.
        for _ in 0..<10_000 {
            r.wait(.milliseconds(1))
            progress.advance(by: 100)
        }
        let during = r.updates.filter { !$0.finished && $0.phase == "evaluating lines" }
        #expect(during.count >= 99 && during.count <= 101, "\(during.count) updates in 10 s at 100 ms")
        // No time passes: phase starts still reach the sink, an advance does not.
        let before = r.updates.count
        progress.advance(by: 1)
        #expect(r.updates.count == before)
        progress.finish("stored")
        #expect(r.updates.count == before + 1 && r.updates.last?.finished == true)
    }

    @Test("reports from many threads add up, and the sink sees them in order")
    func threads() async {
        let r = Recorder()
        let progress = r.reporter("calculate", interval: .zero)
        progress.begin("evaluating lines", total: 80_000, unit: .lines, upTo: 1)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<10_000 { progress.advance(by: 1) }
                }
            }
        }
        #expect(progress.current.done == 80_000)
        #expect(progress.current.fraction == 1 && !progress.current.finished && progress.current.percent == 99)
        let done = r.updates.map(\.done)
        #expect(done == done.sorted())
        progress.finish()
        #expect(r.updates.last?.percent == 100)
    }

    @Test("a phase without a total keeps the fraction where it was until the next phase")
    func withoutTotal() {
        let r = Recorder()
        let progress = r.reporter("calculate", interval: .zero)
        progress.begin("reading the reference data", upTo: 0.05)
        progress.advance(by: 7)
        #expect(progress.current.fraction == 0)
        progress.begin("evaluating lines", total: 10, unit: .lines, upTo: 0.95)
        #expect(abs(progress.current.fraction - 0.05) < 1e-9)
        progress.advance(by: 5)
        #expect(abs(progress.current.fraction - 0.5) < 1e-9)
    }
}
