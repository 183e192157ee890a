/// Byte ranges that may overlap one another, asked whether any overlaps a given range in
/// logarithmic time: a long article has many mentions of each extractor.
struct TaggerRangeIndex {
    private let ranges: [Range<Int>]
    /// Where each of `ranges` was in the array given.
    private let positions: [Int]
    /// Largest upper bound among `ranges[...i]`: where it falls at or before a query's start,
    /// nothing from there back can overlap.
    private let reach: [Int]

    init(_ ranges: [Range<Int>]) {
        let order = ranges.indices.sorted { ranges[$0].lowerBound < ranges[$1].lowerBound }
        self.ranges = order.map { ranges[$0] }
        self.positions = order
        var reach: [Int] = []
        reach.reserveCapacity(self.ranges.count)
        for r in self.ranges { reach.append(max(reach.last ?? Int.min, r.upperBound)) }
        self.reach = reach
    }

    func overlaps(_ r: Range<Int>) -> Bool { !overlapping(r).isEmpty }

    /// Positions (in the array given) of the ranges that overlap `r`.
    func overlapping(_ r: Range<Int>) -> [Int] {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].lowerBound < r.upperBound { lo = mid + 1 } else { hi = mid }
        }
        var found: [Int] = []
        var k = lo - 1
        while k >= 0 && reach[k] > r.lowerBound {
            if ranges[k].overlaps(r) { found.append(positions[k]) }
            k -= 1
        }
        return found
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
