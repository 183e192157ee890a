import Foundation
import NewsKit

/// The inputs of a run: files and folders named on the command line (folders are searched
/// recursively for `*.txt` and `*.jsonl`), or `-` for standard input.
public struct Corpus: Sendable {
    public enum Input: Sendable, Equatable {
        /// A file and the name messages and `article.path` give it.
        case textFile(URL, name: String)
        case jsonLines(URL, name: String)
        case standardInput
    }

    public static let textExtensions: Set<String> = ["txt"]
    public static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]

    public var inputs: [Input]

    public init(inputs: [Input]) { self.inputs = inputs }

    /// Resolves command-line arguments. A missing path is a `noReadableInput` error naming it; a
    /// folder with nothing readable in it is one too.
    public static func resolve(_ arguments: [String]) throws -> Corpus {
        var inputs: [Input] = []
        let fm = FileManager.default
        for argument in arguments {
            if argument == "-" {
                inputs.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw ToolkitError.noReadableInput("\(argument): no such file or folder (give a file, a folder of *.txt or *.jsonl files, or - for standard input)")
            }
            let url = URL(fileURLWithPath: argument)
            if isDirectory.boolValue {
                let found = files(under: url, shownAs: argument)
                if found.isEmpty {
                    throw ToolkitError.noReadableInput("\(argument): folder has no *.txt or *.jsonl files")
                }
                inputs += found
            } else {
                inputs.append(input(for: url, name: argument))
            }
        }
        return Corpus(inputs: inputs)
    }

    static func input(for url: URL, name: String) -> Input {
        jsonLinesExtensions.contains(url.pathExtension.lowercased()) ? .jsonLines(url, name: name) : .textFile(url, name: name)
    }

    /// Readable files below a folder, sorted by path so runs are reproducible, named as `shownAs`
    /// followed by their path inside the folder.
    static func files(under folder: URL, shownAs: String) -> [Input] {
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var found: [URL] = []
        for case let url as URL in walker {
            let ext = url.pathExtension.lowercased()
            guard textExtensions.contains(ext) || jsonLinesExtensions.contains(ext) else { continue }
            // A symlinked file counts as the file it points to (corpora are often linked, not copied).
            if (try? url.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(url)
            }
        }
        let root = folder.standardizedFileURL.path
        let prefix = shownAs.hasSuffix("/") ? String(shownAs.dropLast()) : shownAs
        return found.sorted { $0.path < $1.path }.map { url in
            let path = url.standardizedFileURL.path
            let inside = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : url.lastPathComponent
            return input(for: url, name: prefix + "/" + inside)
        }
    }
}
