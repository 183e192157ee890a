import Foundation

/// `toolkit plugins install / remove / update`: plugins in the user's folder
/// (`$XDG_DATA_HOME/toolkit/plugins`, default `~/.local/share/toolkit/plugins`), each recorded in
/// `toolkit.lock` there. A source is a plugin folder, a `.tar.gz` made by `plugins pack` (checked
/// against its `.sha256` beside it or `--sha256`), or a git repository (a URL, or a local folder
/// holding `.git`), cloned by the system git at a tag, branch or commit. Installing never runs
/// plugin code: the manifest is read as `PluginManifest` reads it everywhere (in a sandbox with
/// no globals at all, only table constructors), and checked against this toolkit's version.
public struct PluginInstaller {
    public let folder: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        folder = PluginSearchPath.userFolder(environment: environment)
    }

    public init(folder: URL) {
        self.folder = folder
    }

    public var lockFile: URL { folder.appendingPathComponent(PluginLock.fileName) }

    /// What a source is, as given on the command line.
    public enum SourceKind: String, Codable, Sendable { case folder, archive, git }

    public struct Installed: Sendable {
        public var entry: PluginLock.Entry
        public var name: String
        public var folder: URL
        /// The version it replaced, when one was installed.
        public var replaced: String?
    }

    /// Installs from `source`. `ref` (git only): a tag, branch or commit, default the repository's
    /// HEAD. `sha256` (archives only): the checksum to expect, else the one in `ARCHIVE.sha256`.
    /// `replace`: an installed plugin of the same name is replaced instead of refused.
    public func install(_ source: String, ref: String? = nil, sha256 expected: String? = nil, replace: Bool = false) throws -> Installed {
        let kind = Self.kind(of: source, ref: ref)
        if kind != .git, ref != nil {
            throw ToolkitError.usage("--ref is for git sources; \(source) is a \(kind.rawValue)")
        }
        if kind != .archive, expected != nil {
            throw ToolkitError.usage("--sha256 is for archives (.tar.gz); \(source) is a \(kind.rawValue)")
        }
        let stage = try PluginPackage.temporaryFolder("install")
        defer { try? FileManager.default.removeItem(at: stage) }
        var entry = PluginLock.Entry(version: "", source: Self.recordedSource(source, kind: kind), kind: kind)
        let root: URL
        switch kind {
        case .folder:
            root = stage.appendingPathComponent("plugin")
            try PluginPackage.copyPlugin(URL(fileURLWithPath: source), to: root)
        case .archive:
            let archive = URL(fileURLWithPath: source)
            entry.sha256 = try verify(archive, expected: expected)
            root = try unpack(archive, into: stage)
        case .git:
            let clone = stage.appendingPathComponent("clone")
            (entry.ref, entry.commit) = try Self.clone(source, ref: ref, into: clone)
            root = stage.appendingPathComponent("plugin")
            try PluginPackage.copyPlugin(clone, to: root)
        }
        let manifestFile = root.appendingPathComponent("plugin.lua")
        guard FileManager.default.fileExists(atPath: manifestFile.path) else {
            throw ToolkitError.usage("\(source): no plugin.lua at the top of the \(kind.rawValue); a plugin is a folder holding plugin.lua")
        }
        let manifest = try PluginManifest.load(from: manifestFile, shownAs: "\(source): plugin.lua")
        if let current = SemanticVersion(ToolkitVersion.current), !manifest.toolkit.contains(current) {
            throw ToolkitError.usage("\(source): plugin '\(manifest.name)' \(manifest.version) needs toolkit \(manifest.toolkit), this is \(ToolkitVersion.current); not installed (update toolkit, or install a version of the plugin made for this one)")
        }
        entry.version = manifest.version.description
        entry.treeSHA256 = try PluginPackage.treeSHA256(of: root)
        var lock = try PluginLock.read(lockFile)
        let destination = folder.appendingPathComponent(manifest.name)
        let fm = FileManager.default
        let previous = lock.plugins[manifest.name]?.version
        if fm.fileExists(atPath: destination.path) {
            guard replace else {
                throw ToolkitError.usage("plugin '\(manifest.name)' \(previous ?? "(not in \(PluginLock.fileName))") is already installed in \(destination.path); `toolkit plugins update \(manifest.name)` re-installs it from where it came, --force replaces it with this one")
            }
        }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            // Moved in whole, beside the old one first, so that a failure leaves one or the other.
            let incoming = folder.appendingPathComponent(".incoming-\(manifest.name)-\(UUID().uuidString)")
            try fm.moveItem(at: root, to: incoming)
            if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
            try fm.moveItem(at: incoming, to: destination)
        } catch {
            throw ToolkitError.output("cannot install into \(destination.path): \(error.localizedDescription)")
        }
        lock.plugins[manifest.name] = entry
        try lock.write(lockFile)
        return Installed(entry: entry, name: manifest.name, folder: destination, replaced: previous)
    }

    /// Removes an installed plugin and its lock entry.
    public func remove(_ name: String) throws -> URL {
        var lock = try PluginLock.read(lockFile)
        let destination = folder.appendingPathComponent(name)
        let there = FileManager.default.fileExists(atPath: destination.appendingPathComponent("plugin.lua").path)
        guard there || lock.plugins[name] != nil else {
            throw ToolkitError.usage("no plugin named '\(name)' is installed in \(folder.path) (installed: \(installedNames(lock).joined(separator: ", ").ifEmpty("none")))")
        }
        do {
            if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
        } catch {
            throw ToolkitError.output("cannot remove \(destination.path): \(error.localizedDescription)")
        }
        lock.plugins[name] = nil
        try lock.write(lockFile)
        return destination
    }

    /// Installs again from the source recorded in the lock file (a git source at `ref`, when
    /// given, else at the recorded ref: a tag or branch is fetched again, a commit stays).
    public func update(_ name: String, ref: String? = nil) throws -> Installed {
        let lock = try PluginLock.read(lockFile)
        guard let entry = lock.plugins[name] else {
            throw ToolkitError.usage("plugin '\(name)' is not in \(lockFile.path), so where it came from is unknown (installed with a lock: \(lock.plugins.keys.sorted().joined(separator: ", ").ifEmpty("none"))); install it with `toolkit plugins install SRC`")
        }
        if entry.kind != .git, ref != nil { throw ToolkitError.usage("--ref is for plugins installed from git; '\(name)' came from a \(entry.kind.rawValue)") }
        let installed = try install(entry.source, ref: entry.kind == .git ? (ref ?? entry.ref) : nil, replace: true)
        guard installed.name == name else {
            throw ToolkitError.usage("\(entry.source) now holds plugin '\(installed.name)', not '\(name)'; both are installed now, remove the one you do not want")
        }
        return installed
    }

    public func installedNames(_ lock: PluginLock) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("plugin.lua").path) }
        return Array(Set(names).union(lock.plugins.keys)).sorted()
    }

    // MARK: sources

    static func kind(of source: String, ref: String?) -> SourceKind {
        if source.contains("://") || source.hasPrefix("git@") || source.hasSuffix(".git") { return .git }
        if source.hasSuffix(".tar.gz") || source.hasSuffix(".tgz") { return .archive }
        if FileManager.default.fileExists(atPath: URL(fileURLWithPath: source).appendingPathComponent(".git").path) || ref != nil { return .git }
        return .folder
    }

    /// Local paths are recorded absolute, so that `update` works from any folder.
    static func recordedSource(_ source: String, kind: SourceKind) -> String {
        if kind == .git && (source.contains("://") || source.hasPrefix("git@")) { return source }
        return URL(fileURLWithPath: source).standardizedFileURL.path
    }

    /// The archive's checksum, compared with `expected` or its `.sha256` file.
    private func verify(_ archive: URL, expected: String?) throws -> String {
        guard FileManager.default.fileExists(atPath: archive.path) else {
            throw ToolkitError.usage("\(archive.relativePath): no such archive")
        }
        let want: String
        if let expected {
            want = expected.lowercased()
        } else {
            let file = URL(fileURLWithPath: archive.path + ".sha256")
            guard let text = try? String(contentsOf: file, encoding: .utf8), let first = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first else {
                throw ToolkitError.usage("\(archive.relativePath): no checksum to verify it against: put \(file.lastPathComponent) beside it (`toolkit plugins pack` writes one) or give --sha256 HEX")
            }
            want = first.lowercased()
        }
        guard want.count == 64, want.allSatisfy(\.isHexDigit) else {
            throw ToolkitError.usage("\(archive.relativePath): the expected checksum \(quoted(want)) is not a SHA-256 (64 hex digits)")
        }
        let got = try PluginPackage.sha256(of: archive)
        guard got == want else {
            throw ToolkitError.usage("\(archive.relativePath): checksum mismatch: expected sha256 \(want), the file has \(got); the archive is damaged or not the one published, so it was not installed")
        }
        return got
    }

    /// Unpacks with the system tar (no owners kept, no paths outside) and finds the plugin's folder:
    /// the top folder holding plugin.lua, or the archive's root.
    private func unpack(_ archive: URL, into stage: URL) throws -> URL {
        let target = stage.appendingPathComponent("unpacked")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let listing = try SystemTool.run("tar", ["-tzf", archive.path])
        for member in listing.split(separator: "\n") where member.hasPrefix("/") || member.split(separator: "/").contains("..") {
            throw ToolkitError.usage("\(archive.relativePath): holds \(quoted(String(member))), a path outside its folder; not installed")
        }
        // A link could make a later member land outside the folder: refused before anything is unpacked.
        let verbose = try SystemTool.run("tar", ["-tvzf", archive.path])
        if let link = verbose.split(separator: "\n").first(where: { $0.hasPrefix("l") || $0.hasPrefix("h") }) {
            throw ToolkitError.usage("\(archive.relativePath): holds a link (\(link.split(separator: " ").suffix(3).joined(separator: " "))); a plugin holds plain files and folders only, so it was not installed")
        }
        try SystemTool.run("tar", ["-xzf", archive.path, "-C", target.path, "--no-same-owner", "--no-same-permissions"])
        if FileManager.default.fileExists(atPath: target.appendingPathComponent("plugin.lua").path) {
            return try recopied(target, stage: stage)
        }
        let tops = (try FileManager.default.contentsOfDirectory(atPath: target.path)).filter { !$0.hasPrefix(".") }
        guard tops.count == 1 else {
            throw ToolkitError.usage("\(archive.relativePath): expected one plugin folder at the top of the archive, found \(tops.sorted().joined(separator: ", ").ifEmpty("nothing"))")
        }
        return try recopied(target.appendingPathComponent(tops[0]), stage: stage)
    }

    /// A copy without hidden files, refusing symbolic links (a packed link could point anywhere).
    private func recopied(_ folder: URL, stage: URL) throws -> URL {
        let root = stage.appendingPathComponent("plugin")
        try PluginPackage.copyPlugin(folder, to: root)
        return root
    }

    /// Clones with the system git and checks out `ref`; returns the ref asked for (nil: HEAD) and the commit.
    static func clone(_ source: String, ref: String?, into folder: URL) throws -> (String?, String) {
        let quiet = ["GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_NOSYSTEM": "1"]
        if let ref, ref.hasPrefix("-") { throw ToolkitError.usage("--ref \(ref): a ref cannot start with '-'") }
        try SystemTool.run("git", ["clone", "--quiet", "--no-checkout", "--", source, folder.path], environment: quiet)
        if let ref {
            do {
                try SystemTool.run("git", ["-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", ref + "^{commit}"], in: folder, environment: quiet)
            } catch {
                throw ToolkitError.usage("\(source): no tag, branch or commit \(quoted(ref)) (see `git ls-remote \(source)`)")
            }
        } else {
            try SystemTool.run("git", ["checkout", "--quiet"], in: folder, environment: quiet)
        }
        let commit = try SystemTool.run("git", ["rev-parse", "HEAD"], in: folder, environment: quiet).trimmingCharacters(in: .whitespacesAndNewlines)
        return (ref, commit)
    }
}

/// `toolkit.lock` in the user's plugin folder: what `plugins install` put there and from where,
/// as JSON with sorted keys, so that it can be committed and compared.
public struct PluginLock: Codable, Sendable {
    public static let fileName = "toolkit.lock"

    public struct Entry: Codable, Sendable, Equatable {
        public var version: String
        /// A folder or archive path (absolute), or a git URL or repository path.
        public var source: String
        public var kind: PluginInstaller.SourceKind
        /// Git: the tag, branch or commit asked for (nil: the repository's HEAD).
        public var ref: String?
        /// Git: the commit installed.
        public var commit: String?
        /// Archives: the SHA-256 of the archive, as verified.
        public var sha256: String?
        /// The SHA-256 of the installed files (`PluginPackage.treeSHA256`), whatever the source.
        public var treeSHA256: String = ""
        public var installed: String = ISO8601DateFormatter().string(from: Date())

        enum CodingKeys: String, CodingKey {
            case version, source, kind, ref, commit, sha256, installed
            case treeSHA256 = "tree_sha256"
        }

        init(version: String, source: String, kind: PluginInstaller.SourceKind) {
            self.version = version
            self.source = source
            self.kind = kind
        }
    }

    /// The format's version, for readers of later toolkits.
    public var lockVersion = 1
    public var plugins: [String: Entry] = [:]

    enum CodingKeys: String, CodingKey {
        case lockVersion = "lock_version"
        case plugins
    }

    public static func read(_ file: URL) throws -> PluginLock {
        guard let data = FileManager.default.contents(atPath: file.path) else { return PluginLock() }
        do {
            return try JSONDecoder().decode(PluginLock.self, from: data)
        } catch {
            throw ToolkitError.usage("\(file.path): not a lock file toolkit can read (\(error)); fix or delete it (the installed plugins stay)")
        }
    }

    func write(_ file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (encoder.encode(self) + Data("\n".utf8)).write(to: file, options: .atomic)
        } catch {
            throw ToolkitError.output("cannot write \(file.path): \(error.localizedDescription)")
        }
    }
}
