import Foundation
import NewsKit

/// The inputs of a run: files and folders named on the command line (folders are searched
/// recursively for `*.txt`, `*.jsonl`, web pages and WARC files), or `-` for standard input.
public struct Corpus: Sendable {
    public enum Input: Sendable, Equatable {
        /// A file and the name messages and `article.path` give it.
        case textFile(URL, name: String)
        case jsonLines(URL, name: String)
        /// `*.html`, `*.htm`, gzipped or not: one article per page.
        case webPage(URL, name: String)
        /// `*.warc`, `*.warc.gz`: one article per HTML response record.
        case warc(URL, name: String)
        case standardInput
        /// Something named or found that gives no article (a folder with no inputs in it), kept in
        /// its place so that the run reports it in order and counts it in its summary.
        case skipped(InputProblem)
    }

    public static let textExtensions: Set<String> = ["txt"]
    public static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]
    /// Endings of web pages and web archives (looked for at the end of the file's name, so that
    /// `page.html.gz` is a page and `notes.gz` is nothing).
    public static let webPageEndings = [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"]
    public static let warcEndings = [".warc", ".warc.gz"]
    /// What folder messages list.
    static let readable = "*.txt, *.jsonl, *.html or *.warc"

    /// Which reader a file name calls for, or nil when a folder walk passes it over.
    static func format(of name: String) -> Input? {
        let lower = name.lowercased()
        let url = URL(fileURLWithPath: name)
        if textExtensions.contains(url.pathExtension.lowercased()) { return .textFile(url, name: name) }
        if jsonLinesExtensions.contains(url.pathExtension.lowercased()) { return .jsonLines(url, name: name) }
        if webPageEndings.contains(where: lower.hasSuffix) { return .webPage(url, name: name) }
        if warcEndings.contains(where: lower.hasSuffix) { return .warc(url, name: name) }
        return nil
    }

    public var inputs: [Input]
    /// The reader of every input and of standard input, when `--input-format` names one.
    public var format: InputFormat = .auto
    /// Articles an embedding program hands over in memory, read after `inputs`.
    public var records: [InputRecord]

    public init(inputs: [Input], records: [InputRecord] = []) {
        self.inputs = inputs
        self.records = records
    }

    /// Resolves command-line arguments. A path that does not exist is a `noReadableInput` error
    /// naming it (a typo, best caught before any work); a folder with nothing to read is skipped
    /// with a warning among other inputs, and an error when nothing else is left.
    public static func resolve(_ arguments: [String], format: InputFormat = .auto) throws -> Corpus {
        var inputs: [Input] = []
        let fm = FileManager.default
        for argument in arguments {
            if argument == "-" {
                inputs.append(.standardInput)
                continue
            }
            // lstat, not fileExists: a broken link or a link loop exists, and is reported as what it is.
            var info = stat()
            guard lstat(argument, &info) == 0 else {
                throw ToolkitError.noReadableInput("\(argument): no such file or folder (give a file, a folder of \(readable) files, or - for standard input)")
            }
            var isDirectory: ObjCBool = false
            let url = URL(fileURLWithPath: argument)
            if fm.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                let found = files(under: url, shownAs: argument, format: format)
                if found.isEmpty {
                    inputs.append(.skipped(InputProblem(.empty, place: argument, detail: "folder has no \(format.searched)")))
                }
                inputs += found
            } else {
                // Whatever it is (a FIFO, a broken link), the reader checks before opening it.
                inputs.append(format.input(for: url, name: argument) ?? input(for: url, name: argument))
            }
        }
        let problems = inputs.compactMap { input -> InputProblem? in
            if case .skipped(let problem) = input { return problem }
            return nil
        }
        if problems.count == inputs.count, !problems.isEmpty {
            throw ToolkitError.noReadableInput(problems.map(\.message).joined(separator: "; "))
        }
        var corpus = Corpus(inputs: inputs)
        corpus.format = format
        return corpus
    }

    static func input(for url: URL, name: String) -> Input {
        switch format(of: url.lastPathComponent) {
        case .jsonLines?: return .jsonLines(url, name: name)
        case .webPage?: return .webPage(url, name: name)
        case .warc?: return .warc(url, name: name)
        default: return .textFile(url, name: name)
        }
    }

    /// Inputs below a folder, sorted by path so runs are reproducible, named as `shownAs` followed
    /// by their path inside the folder. Every entry named like an input (see `format(of:)`) that is not a folder
    /// is an input, whatever it is: a link, a FIFO, an unreadable file is reported when read, not
    /// silently left out. A folder named like a file is searched like any folder, and reported
    /// when it holds nothing; so is a subfolder that cannot be listed.
    /// With a `format` other than auto, every file below the folder is read with its reader.
    static func files(under folder: URL, shownAs: String, format: InputFormat = .auto) -> [Input] {
        let root = folder.standardizedFileURL.path
        let prefix = shownAs.hasSuffix("/") ? String(shownAs.dropLast()) : shownAs
        func shown(_ url: URL) -> String {
            let path = url.standardizedFileURL.path
            return prefix + "/" + (path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : url.lastPathComponent)
        }
        let listingErrors = ListingErrors()
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles],
            errorHandler: { url, error in listingErrors.add(url, error); return true })
        else { return [] }
        var found: [(path: String, input: Input)] = []
        var foldersNamedLikeFiles: [URL] = []
        for case let url as URL in walker {
            guard format != .auto || Self.format(of: url.lastPathComponent) != nil else { continue }
            var info = stat()
            if lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                if format == .auto { foldersNamedLikeFiles.append(url) }
                continue
            }
            found.append((url.standardizedFileURL.path, format.input(for: url, name: shown(url)) ?? input(for: url, name: shown(url))))
        }
        for url in foldersNamedLikeFiles {
            let inside = url.standardizedFileURL.path + "/"
            if !found.contains(where: { $0.path.hasPrefix(inside) }) {
                let problem = InputProblem(.unreadable, place: shown(url), detail: "a folder, not a file (and no \(format.searched) in it)")
                found.append((url.standardizedFileURL.path, .skipped(problem)))
            }
        }
        for (url, error) in listingErrors.all {
            let reason = (error as NSError).code == CocoaError.fileReadNoPermission.rawValue ? "permission denied" : error.localizedDescription
            found.append((url.standardizedFileURL.path, .skipped(InputProblem(.unreadable, place: shown(url), detail: "folder cannot be listed (\(reason))"))))
        }
        return found.sorted { $0.path < $1.path }.map(\.input)
    }
}

/// Errors the folder walk meets, collected from its callback.
private final class ListingErrors: @unchecked Sendable {
    private(set) var all: [(URL, Error)] = []
    func add(_ url: URL, _ error: Error) { all.append((url, error)) }
}
