/// An error raised by Lua code, by a Swift callback called from Lua, or by a limit of the state.
public struct LuaError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case syntax, runtime, memory, instructionLimit, timeLimit, interrupted, conversion
    }

    public var kind: Kind
    /// One line in Lua's form, naming chunk and line when known: `people.lua:12: attempt to index a nil value`.
    public var message: String
    /// Lua's stack traceback at the error, when there is one.
    public var traceback: String

    public init(kind: Kind, message: String, traceback: String = "") {
        self.kind = kind
        self.message = message
        self.traceback = traceback
    }

    public var description: String { message }

    /// The chunk and line the message starts with, if it does (`people.lua:12: ...`).
    public var location: (chunk: String, line: Int)? {
        let parts = message.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let line = Int(parts[1]) else { return nil }
        return (String(parts[0]), line)
    }
}

/// What a Swift callback throws for a wrong argument; Lua sees `bad argument #N to 'name' (...)`.
public struct LuaArgumentError: Error, CustomStringConvertible {
    public var position: Int
    public var function: String
    public var problem: String
    public var description: String { "bad argument #\(position) to '\(function)' (\(problem))" }
}

/// A plain message for Lua; the caller's chunk and line are put in front of it.
public struct LuaScriptError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
