import Foundation
import Toolkit

/// What shell completion offers beyond flags and files: the names plugins declare, read from their
/// manifests (no plugin code runs). The shells' completion scripts call the binary for these
/// (`toolkit --generate-completion-script bash|zsh|fish` writes the scripts; `make install` installs them).
enum Completions {
    /// Report names the plugins found declare in `provides.reports`, for `toolkit report NAME`.
    @Sendable static func reportNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(prefix, plugins(words).flatMap { $0.manifest.provides?.reports ?? [] })
    }

    /// Plugin names, for the `toolkit plugins` commands that take one.
    @Sendable static func pluginNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(prefix, plugins(words).map(\.name))
    }

    /// Plugin names and categories, for `--plugins EXPR`.
    @Sendable static func pluginWords(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let found = plugins(words)
        return matching(prefix, found.map(\.name) + found.flatMap(\.manifest.categories))
    }

    /// The plugins on the search path, with the `--plugin` folders already typed on the line.
    private static func plugins(_ words: [String]) -> [Plugin] {
        let extra = zip(words, words.dropFirst()).filter { $0.0 == "--plugin" }.map(\.1)
        let catalog = (try? PluginCatalog.survey(extra: extra)) ?? (try? PluginCatalog.survey())
        return catalog?.available ?? []
    }

    private static func matching(_ prefix: String, _ names: [String]) -> [String] {
        Array(Set(names.filter { $0.hasPrefix(prefix) })).sorted()
    }
}
