import Foundation
import NewsKit

/// The cross-script link of each mention (`link`, `link_score` in the Lua API): the knowledge-base
/// id where there is one, else for a person's name of two or more words the id of its `NameKey`
/// (`~person/@anrkrkS` for انور قرقاش and Anwar Gargash alike), else the mention's own id. A pure
/// function of the name, so that every worker, pass and machine of a run (`--map-state`) gives a
/// spelling the same link whatever order articles come in; keys are remembered for the process,
/// since the same names come back in article after article.
final class NameLinks: @unchecked Sendable {
    static let shared = NameLinks()

    private let lock = NSLock()
    private var keys: [String: String?] = [:]
    /// Past this many names the memory is cleared (a corpus of gigabytes names millions of people).
    private let capacity = 200_000

    struct Link {
        var id: String
        var score: Double
    }

    func link(of mention: EntityMention) -> Link {
        guard mention.kind == "person", !mention.isLinked, mention.id.hasPrefix("~person/"),
              let key = key(for: mention.name)
        else { return Link(id: mention.id, score: 1) }
        return Link(id: "~person/@" + key, score: NameKey.confidence(ofKey: key))
    }

    private func key(for name: String) -> String? {
        lock.lock()
        if let known = keys[name] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = NameKey.key(for: name)
        lock.lock()
        if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
        keys[name] = made
        lock.unlock()
        return made
    }
}
