/// Something about one input that a user should know: it was skipped (binary, empty, unreadable,
/// a bad JSON line), or it was read in a way the bytes did not state (another encoding, bad
/// bytes replaced). Each is one line naming the place; runs count them by kind for their summary.
public struct InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        // The input gave no article.
        case binary, empty, unreadable, notJSON, notJSONObject, noText, noPageText
        // The input gave an article, read not quite as written.
        case otherEncoding, replacedBytes, truncated

        public var skipsInput: Bool {
            switch self {
            case .binary, .empty, .unreadable, .notJSON, .notJSONObject, .noText, .noPageText: return true
            case .otherEncoding, .replacedBytes, .truncated: return false
            }
        }

        /// How a run's summary line names the kind ("3 skipped: 1 binary, 2 not valid JSON").
        public var label: String {
            switch self {
            case .binary: return "binary"
            case .empty: return "empty"
            case .unreadable: return "unreadable"
            case .notJSON: return "not valid JSON"
            case .notJSONObject: return "not a JSON object"
            case .noText: return "without text"
            case .noPageText: return "web pages without text"
            case .otherEncoding: return "read from another encoding"
            case .replacedBytes: return "with bad bytes replaced"
            case .truncated: return "cut short"
            }
        }
    }

    public var kind: Kind
    /// A path, `path:line` for a JSON Lines record, or `-` for standard input.
    public var place: String
    /// What is wrong, e.g. "binary file (ELF executable)".
    public var detail: String
    /// What the run did about it, e.g. "skipped".
    public var consequence: String
    /// False only when the bytes said exactly how to read them (a UTF-16 byte-order mark): such a
    /// note informs but is no reason for `--strict` to stop.
    public var isProblem: Bool

    public init(_ kind: Kind, place: String, detail: String, consequence: String? = nil, isProblem: Bool = true) {
        self.kind = kind
        self.place = place
        self.detail = detail
        self.consequence = consequence ?? (kind.skipsInput ? "skipped" : "")
        self.isProblem = isProblem
    }

    /// A note informs (the text was read in full); a warning means something was lost.
    public var isNote: Bool { kind == .otherEncoding }

    /// The line a run prints, without the `toolkit: warning:` in front.
    public var message: String {
        consequence.isEmpty ? "\(place): \(detail)" : "\(place): \(detail); \(consequence)"
    }

    public var description: String { message }

    /// The line when `--strict` makes the problem an error.
    public var strictMessage: String {
        "\(place): \(detail); stopped by --strict (without it: \(consequence))"
    }
}
