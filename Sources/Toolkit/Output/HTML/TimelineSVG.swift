/// A time line: one column per day, ISO week or month from the first to the last date, empty
/// buckets included, so that gaps show. Axis labels are thinned to fit and carry the year where
/// it changes.
enum TimelineSVG {
    static let width = 760.0
    static let height = 260.0

    /// `3 Jul 2024`, `week 27 of 2024 (1–7 Jul)`, `Jul 2024`: what a column's hover says.
    static func name(_ start: TimelineBuckets.Day, unit: TimelineBuckets.Unit) -> String {
        let month = HTMLFormat.monthNames[start.month - 1]
        switch unit {
        case .day: return "\(start.day) \(month) \(start.year)"
        case .month: return "\(month) \(start.year)"
        case .week:
            let week = start.isoWeek
            let sunday = TimelineBuckets.Day(ordinal: start.ordinal + 6)
            let other = HTMLFormat.monthNames[sunday.month - 1]
            let range: String
            if sunday.year != start.year {
                range = "\(start.day) \(month) \(start.year) – \(sunday.day) \(other) \(sunday.year)"
            } else if sunday.month != start.month {
                range = "\(start.day) \(month) – \(sunday.day) \(other) \(sunday.year)"
            } else {
                range = "\(start.day)–\(sunday.day) \(month) \(start.year)"
            }
            return "week \(week.week) of \(week.year) (\(range))"
        }
    }

    /// The short tick label, and the year under it where the year is new.
    static func tick(_ start: TimelineBuckets.Day, unit: TimelineBuckets.Unit) -> (String, year: Int) {
        switch unit {
        case .day: return ("\(start.day) \(HTMLFormat.monthNames[start.month - 1])", start.year)
        case .week:
            let week = start.isoWeek
            return ("W\(week.week)", week.year)
        case .month: return (HTMLFormat.monthNames[start.month - 1], start.year)
        }
    }

    static func render(_ timeline: HTMLPage.Timeline, id: String, title: String) -> (svg: String, note: String?) {
        let series = timeline.series
        let unit = series.unit
        var notes: [String] = []
        if !timeline.unitGiven && !series.buckets.isEmpty {
            notes.append("Counted per \(unit.rawValue)\(unit == .week ? " (ISO weeks, Monday to Sunday)" : "").")
        } else if unit == .week {
            notes.append("ISO weeks, Monday to Sunday.")
        }
        if series.leftOut > 0 {
            let kinds = unit == .month ? "a year, or a day without its year" : "a month, a year, or a day without its year"
            let count = series.leftOut == 1 ? "1 date" : "\(HTMLFormat.number(Double(series.leftOut))) dates"
            notes.append("Not drawn: \(count) less precise than a \(unit.rawValue) (\(kinds)).")
        }
        let note = notes.isEmpty ? nil : notes.joined(separator: " ")
        guard !series.buckets.isEmpty else {
            return ("", (["No dates to draw."] + notes).joined(separator: " "))
        }
        let left = 48.0, right = 14.0, top = 14.0, bottom = 46.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let maximum = series.buckets.map(\.value).max() ?? 0
        let ticks = HTMLFormat.ticks(upTo: maximum, count: 4, whole: series.buckets.allSatisfy { $0.value.rounded() == $0.value })
        let ceiling = ticks.last ?? 1
        let band = plotWidth / Double(series.buckets.count)
        let gap = band >= 4 ? max(1, band * 0.18) : 0
        let baseline = top + plotHeight

        let total = series.buckets.reduce(0) { $0 + $1.value }
        let busiest = series.buckets.max { $0.value < $1.value }!
        let description = "Time line per \(unit.rawValue) from \(name(series.buckets.first!.start, unit: unit)) to \(name(series.buckets.last!.start, unit: unit)): "
            + "\(series.buckets.count) \(unit.rawValue)s, total \(HTMLFormat.number(total)), highest \(HTMLFormat.number(busiest.value)) in \(name(busiest.start, unit: unit))."
        var svg = SVGText.open(id: id, width: width, height: height, title: title, description: description)
        svg += "<g class=\"grid\">"
        for tick in ticks {
            let y = baseline - (ceiling > 0 ? tick / ceiling * plotHeight : 0)
            svg += "<line x1=\"\(HTMLFormat.coordinate(left))\" y1=\"\(HTMLFormat.coordinate(y))\" x2=\"\(HTMLFormat.coordinate(width - right))\" y2=\"\(HTMLFormat.coordinate(y))\"/>"
            svg += "<text class=\"tick\" x=\"\(HTMLFormat.coordinate(left - 6))\" y=\"\(HTMLFormat.coordinate(y + 4))\" text-anchor=\"end\">\(HTMLFormat.number(tick))</text>"
        }
        svg += "</g>\n<g class=\"columns\">"
        for (i, bucket) in series.buckets.enumerated() where bucket.value > 0 {
            let h = max(1, ceiling > 0 ? bucket.value / ceiling * plotHeight : 0)
            // A few buckets must not become slabs: columns stay at most 36 wide, centred in their band.
            let w = min(36, max(0.6, band - gap))
            let x = left + (Double(i) + 0.5) * band - w / 2
            svg += "<rect x=\"\(HTMLFormat.coordinate(x))\" y=\"\(HTMLFormat.coordinate(baseline - h))\" width=\"\(HTMLFormat.coordinate(w))\" height=\"\(HTMLFormat.coordinate(h))\">"
            svg += "<title>\(HTMLFormat.escape(name(bucket.start, unit: unit))): \(HTMLFormat.number(bucket.value))</title></rect>"
        }
        svg += "</g>\n"
        svg += "<line class=\"axis\" x1=\"\(HTMLFormat.coordinate(left))\" y1=\"\(HTMLFormat.coordinate(baseline))\" x2=\"\(HTMLFormat.coordinate(width - right))\" y2=\"\(HTMLFormat.coordinate(baseline))\"/>"
        svg += "<g class=\"dates\">"
        var lastYear: Int?
        for (i, text, yearOnly) in labels(series.buckets, unit: unit, band: band) {
            let x = left + (Double(i) + 0.5) * band
            svg += "<line class=\"mark\" x1=\"\(HTMLFormat.coordinate(x))\" y1=\"\(HTMLFormat.coordinate(baseline))\" x2=\"\(HTMLFormat.coordinate(x))\" y2=\"\(HTMLFormat.coordinate(baseline + 4))\"/>"
            if yearOnly {
                svg += "<text class=\"tick year\" x=\"\(HTMLFormat.coordinate(x))\" y=\"\(HTMLFormat.coordinate(baseline + 17))\" text-anchor=\"middle\">\(text)</text>"
                continue
            }
            let year = tick(series.buckets[i].start, unit: unit).year
            svg += "<text class=\"tick\" x=\"\(HTMLFormat.coordinate(x))\" y=\"\(HTMLFormat.coordinate(baseline + 17))\" text-anchor=\"middle\">\(text)"
            if year != lastYear {
                svg += "<tspan class=\"year\" x=\"\(HTMLFormat.coordinate(x))\" dy=\"14\">\(year)</tspan>"
                lastYear = year
            }
            svg += "</text>"
        }
        svg += "</g></svg>"
        return (svg, note)
    }

    /// Which buckets get a label: at most one per 64 units of width so that labels never collide,
    /// months at quarters or half years and, past a year per label, only the Januaries as years.
    static func labels(_ buckets: [TimelineBuckets.Bucket], unit: TimelineBuckets.Unit, band: Double) -> [(Int, String, yearOnly: Bool)] {
        let needed = max(1, Int((64 / band).rounded(.up)))
        if unit == .month {
            if needed >= 12 {
                let years = (needed + 11) / 12
                return buckets.enumerated().filter { $0.element.start.month == 1 && $0.element.start.year % years == 0 }
                    .map { ($0.offset, String($0.element.start.year), true) }
            }
            let every = [1, 2, 3, 4, 6, 12].first { $0 >= needed }!
            return buckets.enumerated().filter { ($0.element.start.month - 1) % every == 0 }.map { ($0.offset, tick($0.element.start, unit: unit).0, false) }
        }
        return buckets.enumerated().filter { $0.offset % needed == 0 }.map { ($0.offset, tick($0.element.start, unit: unit).0, false) }
    }
}
