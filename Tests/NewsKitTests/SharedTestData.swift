import Foundation
import XCTest

/// Where the tests find the repository's own files and the data beside it (`../shared`: the corpus,
/// the gold file, the seeds), for every test that reads them; a test of data that is absent skips.
enum SharedTestData {
    /// The package root, from this file's path (Tests/NewsKitTests/<file>).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/<sub>` next to the repository, also from a checkout one level deeper (a worktree
    /// or a clean clone in a temporary folder); nil when absent.
    static func shared(_ sub: String) -> URL? {
        for up in [1, 2] {
            var url = repoRoot
            for _ in 0..<up { url = url.deletingLastPathComponent() }
            let candidate = url.appendingPathComponent("shared").appendingPathComponent(sub)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The news corpus: `TOOLKIT_CORPUS` when set, else `../shared/corpus`.
    static func corpus() -> URL? {
        if let given = ProcessInfo.processInfo.environment["TOOLKIT_CORPUS"] {
            return URL(fileURLWithPath: given)
        }
        return shared("corpus")
    }

    /// One file of the corpus, or a skip that names it.
    static func corpusFile(_ name: String) throws -> URL {
        guard let folder = corpus(), FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) else {
            throw XCTSkip("corpus file \(name) is absent (../shared/corpus, or set TOOLKIT_CORPUS)")
        }
        return folder.appendingPathComponent(name)
    }

    /// The repository's seeds/, else ../shared/seeds.
    static func seeds() -> URL? {
        let own = repoRoot.appendingPathComponent("seeds")
        if FileManager.default.fileExists(atPath: own.path) { return own }
        return shared("seeds")
    }
}
