/// Byte ranges that may overlap one another, asked whether any overlaps a given range in
/// logarithmic time: a long article has many mentions of each extractor.
struct TaggerRangeIndex {
    private let ranges: [Range<Int>]
    /// Largest upper bound among `ranges[...i]`: where it falls at or before a query's start,
    /// nothing from there back can overlap.
    private let reach: [Int]

    init(_ ranges: [Range<Int>]) {
        self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var reach: [Int] = []
        reach.reserveCapacity(self.ranges.count)
        for r in self.ranges { reach.append(max(reach.last ?? Int.min, r.upperBound)) }
        self.reach = reach
    }

    func overlaps(_ r: Range<Int>) -> Bool {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].lowerBound < r.upperBound { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        while k >= 0 && reach[k] > r.lowerBound {
            if ranges[k].overlaps(r) { return true }
            k -= 1
        }
        return false
    }

    func contains(_ r: Range<Int>) -> Bool {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].lowerBound < r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        while lo < ranges.count && ranges[lo].lowerBound == r.lowerBound {
            if ranges[lo] == r { return true }
            lo += 1
        }
        return false
    }
}
