import Foundation
import LuaBridge
import NewsKit

/// The extractors plugins register in their init.lua, for commands that run no script
/// (`toolkit entities`): a sandboxed state with the toolkit API loads the plugins as a run does
/// (each in its own environment, with its own `toolkit.args`), and articles are then handed to
/// what they registered.
final class PluginExtractors {
    let state: LuaState
    let entities: EntityContext
    private let api: ToolkitAPI

    private init(state: LuaState, entities: EntityContext, api: ToolkitAPI) {
        self.state = state
        self.entities = entities
        self.api = api
    }

    /// Nil when no plugin registers an extractor.
    static func load(_ catalog: PluginCatalog, console: Console, warn: @escaping (String) -> Void) throws -> PluginExtractors? {
        guard !catalog.plugins.isEmpty else { return nil }
        let options = RunOptions(script: "", corpus: [])
        let state = try LuaState(limits: options.limits)
        let entities = EntityContext(plugins: catalog, warn: warn)
        entities.extractors.budget = options.limits
        let api = ToolkitAPI(state: state, options: options, settings: [:], console: console,
                             source: nil, entities: entities)
        try api.install()
        do {
            try PluginLoader(state: state, api: api).load(catalog, arguments: try PluginArguments(settings: [:], catalog: catalog))
        } catch let error as LuaError {
            throw ToolkitError.script(message: error.message, traceback: error.traceback)
        }
        return entities.extractors.all.isEmpty ? nil : PluginExtractors(state: state, entities: entities, api: api)
    }

    /// The article's built-in finds and those of the plugins' extractors.
    func mentions(of item: ArticleStream.Item) throws -> [EntityMention] {
        let article = ArticleObject(item, entities: entities)
        do {
            return try article.mentions(state: state, invoke: { [state] in try state.call($0, $1) })
        } catch let error as LuaError {
            throw ToolkitError.script(message: error.message, traceback: error.traceback)
        }
    }
}
