/// A SemVer 2.0 version (`1.4.2`, `2.0.0-rc.1+build.5`), ordered by SemVer's precedence rules.
public struct SemanticVersion: Comparable, CustomStringConvertible, Sendable {
    public var major: Int, minor: Int, patch: Int
    public var prerelease: [String]

    public init?(_ text: String) {
        let withoutBuild = text.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutBuild.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3,
            let major = Int(numbers[0]), let minor = Int(numbers[1]), let patch = Int(numbers[2]),
            major >= 0, minor >= 0, patch >= 0,
            numbers.allSatisfy({ $0 == "0" || !$0.hasPrefix("0") })
        else { return nil }
        self.major = major
        self.minor = minor
        self.patch = patch
        prerelease = parts.count == 2 ? parts[1].split(separator: ".", omittingEmptySubsequences: false).map(String.init) : []
        if parts.count == 2 && (prerelease.isEmpty || prerelease.contains(where: \.isEmpty)) { return nil }
    }

    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-" + prerelease.joined(separator: "."))
    }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        if (a.major, a.minor, a.patch) != (b.major, b.minor, b.patch) {
            return (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
        }
        // A pre-release sorts before its release; identifiers compare numerically when both are numbers.
        if a.prerelease.isEmpty != b.prerelease.isEmpty { return !a.prerelease.isEmpty }
        for (x, y) in zip(a.prerelease, b.prerelease) where x != y {
            switch (Int(x), Int(y)) {
            case let (i?, j?): return i < j
            case (.some, nil): return true
            case (nil, .some): return false
            default: return x < y
            }
        }
        return a.prerelease.count < b.prerelease.count
    }
}

/// A version range as plugin manifests write it: space-separated comparisons that must all hold
/// (`>=0.1.0 <2.0.0`), a caret range (`^1.2.0`: same major), or one exact version.
public struct VersionRange: CustomStringConvertible, Sendable {
    enum Comparison: String, CaseIterable { case ge = ">=", le = "<=", gt = ">", lt = "<", eq = "=" }
    let clauses: [(Comparison, SemanticVersion)]
    public let description: String

    public init?(_ text: String) {
        description = text
        var clauses: [(Comparison, SemanticVersion)] = []
        for token in text.split(separator: " ") {
            if token.hasPrefix("^") {
                guard let low = SemanticVersion(String(token.dropFirst())) else { return nil }
                var high = low
                if low.major > 0 { (high.major, high.minor, high.patch) = (low.major + 1, 0, 0) }
                else { (high.minor, high.patch) = (low.minor + 1, 0) }
                high.prerelease = []
                clauses += [(.ge, low), (.lt, high)]
                continue
            }
            let op = Comparison.allCases.first { token.hasPrefix($0.rawValue) } ?? .eq
            let rest = token.hasPrefix(op.rawValue) ? token.dropFirst(op.rawValue.count) : token[...]
            guard let version = SemanticVersion(String(rest)) else { return nil }
            clauses.append((op, version))
        }
        guard !clauses.isEmpty else { return nil }
        self.clauses = clauses
    }

    public func contains(_ v: SemanticVersion) -> Bool {
        clauses.allSatisfy { op, bound in
            switch op {
            case .ge: return v >= bound
            case .le: return v <= bound
            case .gt: return v > bound
            case .lt: return v < bound
            case .eq: return v == bound
            }
        }
    }
}
