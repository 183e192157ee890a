/// A plugin that a script or another plugin needs, with the versions of it that will do.
public struct PluginRequirement: Sendable, CustomStringConvertible {
    public var name: String
    /// Nil: any version.
    public var range: VersionRange?

    public init(name: String, range: VersionRange?) {
        self.name = name
        self.range = range
    }

    public var description: String { range.map { "\(name) \($0)" } ?? name }

    /// What a script asks for in its leading comment lines, before any code:
    ///
    ///     -- requires: sco ^0.1.0, world >=1.0.0
    ///
    /// (each entry a plugin name, then optionally a version range; a script has no manifest, and this
    /// keeps what it needs beside the code that needs it).
    public static func declared(inScript code: [UInt8], shownAs path: String) throws -> [PluginRequirement] {
        var result: [PluginRequirement] = []
        for (line, value) in LeadingComments.values(of: "requires", in: code) {
            for entry in value.split(separator: ",") {
                let words = entry.split(separator: " ", maxSplits: 1).map(String.init)
                guard let name = words.first else { continue }
                let rangeText = words.count > 1 ? words[1].trimmed(of: " \t") : ""
                var range: VersionRange?
                if !rangeText.isEmpty && rangeText != "*" {
                    guard let parsed = VersionRange(rangeText) else {
                        throw ToolkitError.usage("\(path):\(line): \(quoted(rangeText)) is not a version range for plugin '\(name)' (write `-- requires: \(name) >=1.0.0`, or the name alone for any version)")
                    }
                    range = parsed
                }
                result.append(PluginRequirement(name: name, range: range))
            }
        }
        return result
    }
}

extension StringProtocol {
    func trimmed(of set: String) -> String {
        let chars = Set(set)
        return String(drop { chars.contains($0) }.reversed().drop { chars.contains($0) }.reversed())
    }
}
