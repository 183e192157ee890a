import LuaBridge

/// `toolkit.extractor{...}` and `toolkit.report{...}`: what scripts and plugins register at their
/// top level for the engine to run later (extractors on every article whose entities are asked
/// for, reports over the corpus once the script's own code has run).
extension ToolkitAPI {
    func registerExtractor(_ call: LuaCall) throws -> LuaValue {
        guard role == .main else { throw LuaScriptError("toolkit.extractor: register extractors at the top level of a script or plugin") }
        let registry = entities.extractors
        let extractor = try ScriptExtractor(try call.table(1), origin: call.location ?? "?", taken: registry.all.map(\.name))
        registry.add(extractor)
        return LuaValue(extractor.name)
    }

    func registerReport(_ call: LuaCall) throws {
        guard role == .main else { throw LuaScriptError("toolkit.report: register reports at the top level of a script or plugin") }
        let report = try ScriptReport(try call.table(1), origin: call.location ?? "?", taken: registeredReports.map(\.name))
        addReport(report)
    }
}
