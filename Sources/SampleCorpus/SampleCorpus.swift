import Foundation

/// The five sample articles of the top-level `seeds/` folder, bundled into the binary's resources so
/// that `toolkit run script.lua` has something to read wherever it is installed.
public enum SampleCorpus {
    static let bundleName = "toolkit_SampleCorpus.resources"

    /// The bundled `seeds` folder, or nil when the resources were not installed beside the binary.
    /// (SwiftPM's generated `Bundle.module` stops the process in that case; a CLI must not.)
    public static var directory: URL? {
        for folder in ResourceLocator.candidateFolders {
            let seeds = folder.appendingPathComponent(bundleName).appendingPathComponent("seeds")
            if FileManager.default.fileExists(atPath: seeds.path) { return seeds }
        }
        return nil
    }
}

/// Where resource bundles may sit: beside the running executable (resolved through symlinks, so an
/// installed `bin/toolkit` link finds `lib/toolkit/*.resources`) or beside the test bundle.
public enum ResourceLocator {
    public static var candidateFolders: [URL] {
        var folders: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        return folders
    }
}
