import FootprintCore
import FootprintStore
import Foundation

/// Charts drawn on the server as SVG: no script, colours from the style sheet's classes (so that
/// print and high-contrast styles apply), a title and description for screen readers, and always a
/// table of the same figures beside them.
enum WebChart {
    static let width = 640.0
    static let height = 260.0
    static let left = 64.0
    static let bottom = 36.0
    static let top = 16.0

    /// Stacked bars per reporting period: Scope 1, Scope 2 market-based, Scope 3 (t CO2e).
    static func periods(_ points: [WebFigures.PeriodPoint], text: WebText) -> String {
        guard !points.isEmpty else { return "" }
        let parts: [(WebText.Key, String, (CorporateInventory) -> Double)] = [
            (.scope1, "s1", { $0.scope1Kg ?? 0 }), (.scope2Market, "s2", { $0.scope2MarketKg ?? 0 }), (.scope3, "s3", { $0.scope3Kg }),
        ]
        let maxTotal = max(1, points.map { p in parts.reduce(0) { $0 + max(0, $1.2(p.inventory)) } }.max() ?? 1) / 1000
        let scaleMax = niceCeiling(maxTotal)
        let plotHeight = height - bottom - top
        let slot = (width - left - 16) / Double(points.count)
        let barWidth = min(80, slot * 0.6)
        let description = points.map { p in
            "\(p.period.name): " + parts.map { "\(text($0.0)) \(text.tonnes($0.2(p.inventory))) t" }.joined(separator: ", ")
        }.joined(separator: "; ")
        var svg = """
            <figure class="chart">
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="trend-title trend-desc">
            <title id="trend-title">\(HTML.escape(text(.chartTitle)))</title>
            <desc id="trend-desc">\(HTML.escape(description))</desc>

            """
        svg += axis(scaleMax: scaleMax, plotHeight: plotHeight, text: text)
        for (i, p) in points.enumerated() {
            let x = left + slot * Double(i) + (slot - barWidth) / 2
            var y = height - bottom
            for part in parts {
                let h = max(0, part.2(p.inventory)) / 1000 / scaleMax * plotHeight
                y -= h
                svg += "<rect class=\"bar \(part.1)\" x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(h))\"/>\n"
            }
            svg +=
                "<text class=\"label\" x=\"\(fmt(x + barWidth / 2))\" y=\"\(fmt(height - bottom + 18))\" text-anchor=\"middle\">\(HTML.escape(p.period.name))</text>\n"
        }
        svg += "</svg>\n<figcaption><ul class=\"legend\">"
        for part in parts { svg += "<li><span class=\"key \(part.1)\" aria-hidden=\"true\"></span>\(HTML.escape(text(part.0)))</li>" }
        svg += "</ul>\(HTML.escape(text(.trendText)))</figcaption>\n</figure>\n"
        return svg
    }

    /// The engagement KPI stored with each run against the target (a dashed line).
    /// The engagement KPI's history as a chart against the target, and the table of the same figures.
    static func engagementWithTable(_ history: [(date: String, run: Int64, share: Double)], target: Double, text: WebText) -> String {
        engagement(history, target: target, text: text)
            + HTMLTable(
                caption: text(.engagementShare),
                header: [text(.date), text(.run), text(.share)],
                numeric: [1, 2],
                rows: history.map { h in [.text(text.date(h.date)), .text("#\(h.run)"), .figure(text.percent(h.share), value: "\(h.share)")] },
                id: "engagement"
            ).render()
    }

    static func engagement(_ history: [(date: String, run: Int64, share: Double)], target: Double, text: WebText) -> String {
        guard !history.isEmpty else { return "" }
        let plotHeight = height - bottom - top
        let slot = (width - left - 16) / Double(history.count)
        let barWidth = min(48, slot * 0.6)
        let description =
            "\(text(.target)) \(text.percent(target)); "
            + history.map { "\(text.date($0.date)) (#\($0.run)): \(text.percent($0.share))" }.joined(separator: "; ")
        var svg = """
            <figure class="chart">
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="eng-title eng-desc">
            <title id="eng-title">\(HTML.escape(text(.engagementShare)))</title>
            <desc id="eng-desc">\(HTML.escape(description))</desc>

            """
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let y = height - bottom - tick * plotHeight
            svg += "<line class=\"grid\" x1=\"\(fmt(left))\" x2=\"\(fmt(width - 8))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y))\"/>\n"
            svg += "<text class=\"label\" x=\"\(fmt(left - 6))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\">\(HTML.escape(text.percent(tick)))</text>\n"
        }
        for (i, h) in history.enumerated() {
            let x = left + slot * Double(i) + (slot - barWidth) / 2
            let bh = min(1, max(0, h.share)) * plotHeight
            svg += "<rect class=\"bar s3\" x=\"\(fmt(x))\" y=\"\(fmt(height - bottom - bh))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(bh))\"/>\n"
            svg +=
                "<text class=\"label\" x=\"\(fmt(x + barWidth / 2))\" y=\"\(fmt(height - bottom + 18))\" text-anchor=\"middle\">#\(h.run)</text>\n"
        }
        let ty = height - bottom - min(1, target) * plotHeight
        svg += "<line class=\"target\" x1=\"\(fmt(left))\" x2=\"\(fmt(width - 8))\" y1=\"\(fmt(ty))\" y2=\"\(fmt(ty))\"/>\n"
        svg += "<text class=\"label\" x=\"\(fmt(width - 10))\" y=\"\(fmt(ty - 6))\" text-anchor=\"end\">\(HTML.escape(text(.target)))</text>\n"
        svg += "</svg>\n<figcaption>\(HTML.escape(text(.engagementShare)))</figcaption>\n</figure>\n"
        return svg
    }

    static func axis(scaleMax: Double, plotHeight: Double, text: WebText) -> String {
        var svg = ""
        for i in 0...4 {
            let value = scaleMax * Double(i) / 4
            let y = height - bottom - Double(i) / 4 * plotHeight
            svg += "<line class=\"grid\" x1=\"\(fmt(left))\" x2=\"\(fmt(width - 8))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y))\"/>\n"
            svg +=
                "<text class=\"label\" x=\"\(fmt(left - 6))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\">\(HTML.escape(text.number(value, places: 0)))</text>\n"
        }
        return svg
    }

    /// 1, 2, 2.5 or 5 times a power of ten at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 < value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where power * step >= value { return power * step }
        return power * 10
    }

    static func fmt(_ x: Double) -> String { String(format: "%.1f", x) }
}
