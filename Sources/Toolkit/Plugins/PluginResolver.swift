/// Adds to the selected plugins what they and the script require, checks each requirement's range
/// against the one version found (the first of a name on the search path), and orders the plugins
/// so that each loads after what it requires. A missing plugin, a version outside a range, two
/// ranges no version meets, a cycle or a plugin made for another toolkit is an error listing every
/// such problem, and nothing runs.
struct PluginResolver {
    let available: [Plugin]
    let roots: [String: String]
    let scriptRequires: [PluginRequirement]

    struct Resolution {
        var order: [Plugin]
        var reasons: [String: String]
    }

    func resolve() throws -> Resolution {
        let byName = Dictionary(available.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let searchIndex = Dictionary(available.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var reasons = roots
        var problems: [String] = []
        // Who asked for each plugin, and which versions they accept.
        var demands: [String: [(who: String, range: VersionRange?)]] = [:]
        var pending = roots.keys.sorted()
        for requirement in scriptRequires {
            demands[requirement.name, default: []].append(("the script", requirement.range))
            if reasons[requirement.name] == nil {
                reasons[requirement.name] = "required by the script (\(requirement))"
                pending.append(requirement.name)
            }
        }
        var visited = Set<String>()
        while let name = pending.popLast() {
            guard visited.insert(name).inserted, let plugin = byName[name] else { continue }
            for requirement in plugin.manifest.requires {
                demands[requirement.name, default: []].append((name, requirement.range))
                if reasons[requirement.name] == nil {
                    reasons[requirement.name] = "required by \(name)" + (requirement.range.map { " (\($0))" } ?? "")
                }
                pending.append(requirement.name)
            }
        }
        let known = available.map(\.name).sorted().joined(separator: ", ").ifEmpty("none")
        for (name, asked) in demands.sorted(by: { $0.key < $1.key }) {
            let askers = asked.map { "\($0.who)\($0.range.map { " (\($0))" } ?? "")" }.joined(separator: ", ")
            guard let plugin = byName[name] else {
                problems.append("plugin '\(name)' is required by \(askers) but is not installed (plugins found: \(known))")
                continue
            }
            let unmet = asked.filter { $0.range.map { !$0.contains(plugin.manifest.version) } ?? false }
            guard !unmet.isEmpty else { continue }
            let met = asked.filter { a in !unmet.contains { $0.who == a.who } }
            var line = "plugin '\(name)' \(plugin.manifest.version) (\(plugin.folder.relativePath)) does not satisfy "
                + unmet.map { "\($0.who), which needs \($0.range!)" }.joined(separator: "; ")
            if !met.isEmpty {
                line += " (a conflict: \(met.map { "\($0.who) accepts \($0.range.map(\.description) ?? "any version")" }.joined(separator: ", ")))"
            }
            problems.append(line + "; install a version in range, or pin the requirer to one that fits")
        }
        let selected = available.filter { reasons[$0.name] != nil && visited.contains($0.name) }
        for plugin in selected {
            if let why = plugin.incompatibility {
                problems.append("\(plugin.folder.appendingPathComponent("plugin.lua").relativePath): plugin '\(plugin.name)' \(why); update one or the other")
            }
        }
        if let cycle = findCycle(selected, byName: byName) {
            problems.append("plugins require each other in a cycle: \(cycle.joined(separator: " -> ")); one of them must drop its requirement")
        }
        if !problems.isEmpty {
            throw ToolkitError.usage(problems.joined(separator: "\n"))
        }
        // Dependencies first; otherwise later search-path entries (bundled) before earlier ones (--plugin).
        var order: [Plugin] = []
        var placed = Set<String>()
        func place(_ plugin: Plugin) {
            guard placed.insert(plugin.name).inserted else { return }
            let needed = plugin.manifest.requires.compactMap { byName[$0.name] }.sorted { searchIndex[$0.name]! > searchIndex[$1.name]! }
            for dependency in needed { place(dependency) }
            order.append(plugin)
        }
        for plugin in selected.reversed() { place(plugin) }
        return Resolution(order: order, reasons: reasons.filter { byName[$0.key] != nil })
    }

    /// The first cycle among the requirements of the selected plugins, as a path back to its start.
    private func findCycle(_ selected: [Plugin], byName: [String: Plugin]) -> [String]? {
        var state: [String: Bool] = [:]   // false: on the current path, true: done
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if state[name] == true { return nil }
            if state[name] == false, let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            guard let plugin = byName[name] else { return nil }
            state[name] = false
            path.append(name)
            for requirement in plugin.manifest.requires {
                if let cycle = visit(requirement.name) { return cycle }
            }
            path.removeLast()
            state[name] = true
            return nil
        }
        for plugin in selected {
            if let cycle = visit(plugin.name) { return cycle }
        }
        return nil
    }
}
