/// What a marker phrase announces. The raw values are the first column of the marker files.
enum MarkerKind: String, Sendable, CaseIterable {
    /// "Read also" link: the rest of the line (or the next line) is a related headline.
    case related
    /// Heading of a list of related headlines ("Related Stories"): following short lines are related.
    case relatedSection = "related-section"
    /// Names the source the text comes from ("منبع:", "Source:").
    case source
    /// Attribution opening the first paragraph ("به گزارش X،"): X is the publisher.
    case sourceLead = "source-lead"
    /// Word that ends the publisher's name in such an attribution ("از" in "فارس از قم").
    case sourceEnd = "source-end"
    /// Credits wire services ("Vyanzo:"): the rest is a list of agencies.
    case agencies
    /// A wire service's name (AFP, أ ف ب, Reuters).
    case agency
    /// A publisher's name (BBC, DW, الجزيرة), recognised in title suffixes and bylines.
    case outlet
    /// Author line ("By", "بقلم:").
    case byline
    /// Photo credit ("Picha:", "Copyright", "عکس:").
    case credit
    /// Photo caption ("Image caption,").
    case caption
    /// Publication-time label ("Published", "نشرت في").
    case dateline
    /// A word for "today" that makes a date in the opening sentence the publication date.
    case today
    /// End of the article proper ("انتهای پیام"): what follows is never body.
    case end
    /// Navigation, share, ads, video notices, comment prompts.
    case boilerplate
    /// Navigation or share word that may be glued to others ("Events", "البودكاست").
    case nav
    /// Separates a page title from its publisher or date suffix (" – ", " | ").
    case titleSeparator = "title-separator"
    /// Verb that attributes quoted speech ("alisema", "قال", "گفت").
    case speechVerb = "speech-verb"
    /// Pronoun standing for the last named speaker ("he", "وی").
    case pronoun
    /// Word that cannot be part of a speaker's name right after a verb ("إن", "على").
    case nameStop = "name-stop"
    /// Prefix letter that may be glued to a verb ("و" in "وقال").
    case proclitic
}

extension MarkerKind {
    /// One bit per kind, for the first-byte masks of `MarkerSet`.
    var bit: UInt32 {
        switch self {
        case .related: return 1 << 0
        case .relatedSection: return 1 << 1
        case .source: return 1 << 2
        case .sourceLead: return 1 << 3
        case .agencies: return 1 << 4
        case .agency: return 1 << 5
        case .outlet: return 1 << 6
        case .byline: return 1 << 7
        case .credit: return 1 << 8
        case .caption: return 1 << 9
        case .dateline: return 1 << 10
        case .today: return 1 << 11
        case .end: return 1 << 12
        case .boilerplate: return 1 << 13
        case .nav: return 1 << 14
        case .titleSeparator: return 1 << 15
        case .speechVerb: return 1 << 16
        case .pronoun: return 1 << 17
        case .nameStop: return 1 << 18
        case .proclitic: return 1 << 19
        case .sourceEnd: return 1 << 20
        }
    }
}

/// Options from the third column of a marker file.
struct MarkerOptions: OptionSet, Sendable, Hashable {
    let rawValue: UInt32
    /// The whole line must be the phrase (default for boilerplate and nav).
    static let line = MarkerOptions(rawValue: 1 << 0)
    /// The line starts with the phrase; the rest of the line goes with it.
    static let prefix = MarkerOptions(rawValue: 1 << 1)
    /// The phrase anywhere in a short line makes the line boilerplate.
    static let contains = MarkerOptions(rawValue: 1 << 2)
    /// A video notice: the short line before it is the video's title, not a heading.
    static let video = MarkerOptions(rawValue: 1 << 3)
    /// An advertisement slot: transparent when deciding headings and ledes.
    static let ad = MarkerOptions(rawValue: 1 << 4)
    /// May be glued to the end of the preceding text ("...mwaka 2023.Picha: X").
    static let glued = MarkerOptions(rawValue: 1 << 5)
    /// Byline: the rest of the line must look like a person's name.
    static let name = MarkerOptions(rawValue: 1 << 6)
    /// Only used when the article's language is known to be the file's language.
    static let strict = MarkerOptions(rawValue: 1 << 7)
    /// Removes this phrase of this kind from the marker sets merged below.
    static let disable = MarkerOptions(rawValue: 1 << 8)
    /// Speech verb: subject comes after the verb ("قال بوتين").
    static let vso = MarkerOptions(rawValue: 1 << 9)
    /// Speech verb: subject comes before the verb ("پوتین گفت").
    static let sov = MarkerOptions(rawValue: 1 << 10)
    /// Title separator that needs no spaces around it.
    static let tight = MarkerOptions(rawValue: 1 << 11)
    /// The phrase counts only when a colon follows it ("Photo: X", not "Photo of...").
    static let colon = MarkerOptions(rawValue: 1 << 12)
    /// (source-lead) Only a known wire service named in the attribution counts, as an agency.
    static let known = MarkerOptions(rawValue: 1 << 13)

    static let names: [String: MarkerOptions] = [
        "line": .line, "prefix": .prefix, "contains": .contains, "video": .video, "ad": .ad,
        "glued": .glued, "name": .name, "strict": .strict, "disable": .disable, "vso": .vso,
        "sov": .sov, "tight": .tight, "colon": .colon, "known": .known,
    ]
}
