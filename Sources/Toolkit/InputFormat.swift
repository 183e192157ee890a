import Foundation

/// Which reader reads the inputs of a run: by each file's name (`auto`), or one reader for every
/// input whatever its name (`--input-format`): pages saved without an extension, a WARC named
/// `.dat`, JSON Lines named `.json`, standard input that sniffing would read otherwise.
public enum InputFormat: String, CaseIterable, Sendable {
    case auto, txt, jsonl, html, warc

    /// The format a command-line value names; anything else is a usage error listing the formats.
    public init(option value: String) throws {
        guard let format = InputFormat(rawValue: value.lowercased()) else {
            throw ToolkitError.usage("unknown input format '\(value)'; give one of \(Self.allCases.map(\.rawValue).joined(separator: ", ")) (auto: by each file's name)")
        }
        self = format
    }

    /// The input that reads `url` with this reader (nil for `auto`: the name decides).
    func input(for url: URL, name: String) -> Corpus.Input? {
        switch self {
        case .auto: return nil
        case .txt: return .textFile(url, name: name)
        case .jsonl: return .jsonLines(url, name: name)
        case .html: return .webPage(url, name: name)
        case .warc: return .warc(url, name: name)
        }
    }

    /// What a folder is searched for, for messages.
    var searched: String {
        switch self {
        case .auto: return Corpus.readable + " files"
        case .txt: return "files (read as text)"
        case .jsonl: return "files (read as JSON Lines)"
        case .html: return "files (read as web pages)"
        case .warc: return "files (read as WARC)"
        }
    }
}
