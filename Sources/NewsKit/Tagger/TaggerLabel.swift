/// The BIO tags the tagger chooses between: outside, or the beginning or inside of a name of
/// one of four kinds. The order is part of the weights format (`TaggerModel.formatVersion`).
public enum TaggerLabel {
    /// Entity kinds as `EntityMention.kind` spells them, in tag order.
    public static let kinds = ["person", "org", "place", "date"]
    public static let count = 1 + 2 * kinds.count
    public static let outside = 0

    public static func begin(_ kind: Int) -> Int { 1 + 2 * kind }
    public static func inside(_ kind: Int) -> Int { 2 + 2 * kind }
    /// The kind index of a B or I tag, nil for O.
    public static func kind(of tag: Int) -> Int? { tag == 0 ? nil : (tag - 1) / 2 }
    public static func isInside(_ tag: Int) -> Bool { tag != 0 && (tag - 1) % 2 == 1 }

    /// An I tag may only continue a name of its own kind; decoding forbids the rest, so every
    /// tag sequence it returns reads as whole spans.
    public static func allowed(from previous: Int?, to tag: Int) -> Bool {
        guard isInside(tag) else { return true }
        guard let previous, let k = kind(of: previous) else { return false }
        return k == kind(of: tag)
    }

    /// Kind index of an annotation label: MasakhaNER's PER/ORG/LOC/DATE, Arman's
    /// pers/org/loc, or the toolkit's own kind names. Facilities, products and events have no
    /// toolkit kind and read as outside.
    public static func kindIndex(ofLabel label: Substring) -> Int? {
        switch label.lowercased() {
        case "per", "pers", "person": return 0
        case "org", "organization", "organisation": return 1
        case "loc", "gpe", "place", "location": return 2
        case "date": return 3
        default: return nil
        }
    }
}
