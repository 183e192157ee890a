import Foundation

/// `toolkit plugins pack DIR`: the plugin folder as `NAME-VERSION.tar.gz` (one top folder, NAME)
/// and `NAME-VERSION.tar.gz.sha256` in `sha256sum` format, so that `sha256sum -c` checks it too.
/// The archive is made by the system tar and gzip with names sorted, times, owners and the gzip
/// header zeroed: packing the same files twice gives the same bytes, so the checksum names the
/// content. Hidden files and folders (`.git`, `.DS_Store`) are left out.
public enum PluginPackage {
    public struct Packed: Sendable {
        public var archive: URL
        public var checksumFile: URL
        public var sha256: String
        public var manifest: PluginManifest
    }

    public static func pack(_ folder: URL, into output: URL) throws -> Packed {
        let manifestFile = folder.appendingPathComponent("plugin.lua")
        guard FileManager.default.fileExists(atPath: manifestFile.path) else {
            throw ToolkitError.usage("\(folder.relativePath) is not a plugin folder: it has no plugin.lua (make one with `toolkit plugins new NAME`)")
        }
        let manifest = try PluginManifest.load(from: manifestFile, shownAs: manifestFile.relativePath)
        let base = "\(manifest.name)-\(manifest.version)"
        let archive = output.appendingPathComponent(base + ".tar.gz")
        let checksumFile = output.appendingPathComponent(base + ".tar.gz.sha256")
        let stage = try temporaryFolder("pack")
        defer { try? FileManager.default.removeItem(at: stage) }
        try copyPlugin(folder, to: stage.appendingPathComponent(manifest.name))
        let tarFile = stage.appendingPathComponent(base + ".tar")
        try SystemTool.run("tar", ["--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner",
                                   "--format=gnu", "-cf", tarFile.path, "-C", stage.path, manifest.name])
        try SystemTool.run("gzip", ["-n", "-9", tarFile.path])
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: archive.path) { try FileManager.default.removeItem(at: archive) }
            try FileManager.default.moveItem(at: stage.appendingPathComponent(base + ".tar.gz"), to: archive)
            let sha = try sha256(of: archive)
            try Data("\(sha)  \(archive.lastPathComponent)\n".utf8).write(to: checksumFile, options: .atomic)
            return Packed(archive: archive, checksumFile: checksumFile, sha256: sha, manifest: manifest)
        } catch let error as ToolkitError {
            throw error
        } catch {
            throw ToolkitError.output("cannot write \(archive.relativePath): \(error.localizedDescription)")
        }
    }

    /// The SHA-256 of a file, as 64 lowercase hex digits (by the system sha256sum).
    public static func sha256(of file: URL) throws -> String {
        let output = try SystemTool.run("sha256sum", ["-b", file.path])
        guard let hex = output.split(separator: " ").first, hex.count == 64 else {
            throw ToolkitError.output("sha256sum gave no checksum for \(file.relativePath)")
        }
        return String(hex)
    }

    /// A checksum of a folder's files (names and contents, in name order), so that an installed
    /// plugin can be compared with its source whatever it came as.
    public static func treeSHA256(of folder: URL) throws -> String {
        let files = try regularFiles(under: folder)
        guard !files.isEmpty else { return "" }
        let listing = try SystemTool.run("sha256sum", ["-b", "--"] + files, in: folder)
        let stage = try temporaryFolder("tree")
        defer { try? FileManager.default.removeItem(at: stage) }
        let listed = stage.appendingPathComponent("files.sha256")
        try Data(listing.utf8).write(to: listed)
        return try sha256(of: listed)
    }

    /// Copies a plugin folder without hidden entries; a symbolic link is refused (an installed
    /// plugin must not reach outside its folder).
    static func copyPlugin(_ source: URL, to destination: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: source.path).sorted() where !name.hasPrefix(".") {
            let from = source.appendingPathComponent(name), to = destination.appendingPathComponent(name)
            let attributes = try fm.attributesOfItem(atPath: from.path)
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?: try copyPlugin(from, to: to)
            case .typeRegular?: try fm.copyItem(at: from, to: to)
            case .typeSymbolicLink?:
                throw ToolkitError.usage("\(from.relativePath) is a symbolic link; a plugin holds plain files and folders only")
            default:
                throw ToolkitError.usage("\(from.relativePath) is not a plain file or folder; a plugin holds plain files and folders only")
            }
        }
    }

    /// Relative paths of the plain files under a folder, hidden ones left out, sorted.
    static func regularFiles(under folder: URL) throws -> [String] {
        var result: [String] = []
        func walk(_ relative: String) throws {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), isFolder.boolValue { try walk(path) } else { result.append(path) }
            }
        }
        try walk("")
        return result
    }

    static func temporaryFolder(_ purpose: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs a system tool (tar, gzip, sha256sum, git) found on PATH, without a shell.
enum SystemTool {
    /// Its standard output; a failure is an error naming the command and quoting what it printed.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let folder { process.currentDirectoryURL = folder }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ToolkitError.usage("cannot run \(tool): \(error.localizedDescription) (install it, e.g. apt-get install \(tool))")
        }
        // Read both pipes while the tool runs, so that neither fills up and blocks it.
        let errorData = LockedData()
        let errorHandle = err.fileHandleForReading
        let reader = Thread { errorData.set(errorHandle.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = errorData.wait()
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 {
                throw ToolkitError.usage("cannot run \(tool): it is not installed (apt-get install \(tool))")
            }
            let said = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ToolkitError.usage("\(tool) \(arguments.first ?? "") failed (exit \(process.terminationStatus)): \(said.split(separator: "\n").prefix(3).joined(separator: "; "))")
        }
        return String(decoding: outData, as: UTF8.self)
    }

    private final class LockedData: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()
        func set(_ value: Data) {
            data = value
            done.signal()
        }
        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
