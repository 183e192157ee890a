import Foundation

/// The data that ships inside the binary's resource bundle: the sample articles of the top-level
/// `seeds/` folder (so that `toolkit run script.lua` has something to read) and the plugins of the
/// top-level `Plugins/` folder (so that the world knowledge base is found wherever toolkit runs).
public enum BundledData {
    static let bundleName = "toolkit_BundledData.resources"

    /// The bundled `seeds` folder, or nil when the resources were not installed beside the binary.
    public static var seeds: URL? { folder("seeds") }

    /// The bundled `Plugins` folder, or nil when the resources were not installed beside the binary.
    public static var plugins: URL? { folder("Plugins") }

    /// Where the resource bundle was looked for, for messages that say it is missing.
    public static var searchedBundles: [URL] {
        ResourceLocator.candidateFolders.map { $0.appendingPathComponent(bundleName) }
    }

    // SwiftPM's generated `Bundle.module` stops the process when the bundle is missing; a CLI must
    // instead say what is missing and carry on, hence the lookup by hand.
    private static func folder(_ name: String) -> URL? {
        for bundle in searchedBundles {
            let url = bundle.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue { return url }
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
        for folder in [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        where !folders.contains(where: { $0.standardizedFileURL.path == folder.standardizedFileURL.path }) {
            folders.append(folder)
        }
        return folders
    }
}
