import Foundation

/// The only place scripts may write. Names are relative paths inside it; every file is written to a
/// temporary file first and renamed into place, so a reader (or a failed run) never sees half a file.
public struct OutputFolder: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// Checks a script-given name and returns where it goes, or explains why it is refused.
    public func destination(for name: String) throws -> URL {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\0"), !name.contains("\\"),
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") })
        else {
            throw ToolkitError.output("'\(name)' is not a valid output name: use a relative path inside the output folder, like \"people.csv\" or \"tables/people.csv\"")
        }
        return url.appendingPathComponent(name)
    }

    /// Writes the bytes atomically and returns the final path.
    @discardableResult
    public func write(_ data: Data, to name: String) throws -> URL {
        let target = try destination(for: name)
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
                throw CocoaError(.fileWriteUnknown)
            }
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw ToolkitError.output("cannot write \(target.path): \(reason)")
            }
        } catch let error as ToolkitError {
            throw error
        } catch {
            throw ToolkitError.output("cannot write \(target.path): \(error.localizedDescription) (check that the output folder is writable, or choose another with --out)")
        }
        return target
    }
}
