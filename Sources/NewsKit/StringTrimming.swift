import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in:)` without the round trip through NSString, which copies the whole
    /// string: only the ends are looked at. Loading the knowledge base trims every line and field
    /// (a fifth of a short run's start-up went to the copies).
    func trimming(_ set: CharacterSet) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let last = scalars.index(before: end)
            guard set.contains(scalars[last]) else { break }
            end = last
        }
        if start == scalars.startIndex && end == scalars.endIndex { return String(self) }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[start..<end])
        return String(kept)
    }
}
