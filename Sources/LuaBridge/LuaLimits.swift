/// Resource limits of one Lua state. Untrusted scripts run with all three.
public struct LuaLimits: Sendable, Equatable {
    /// Bytes the state may allocate in all (Lua's own objects, strings and tables).
    public var memoryBytes: Int?
    /// Virtual machine instructions, counted in steps of 1,000.
    public var instructions: Int?
    /// Wall-clock seconds from the state's creation.
    public var seconds: Double?

    public init(memoryBytes: Int? = nil, instructions: Int? = nil, seconds: Double? = nil) {
        self.memoryBytes = memoryBytes
        self.instructions = instructions
        self.seconds = seconds
    }

    public static let unlimited = LuaLimits()
}
