import CLua
import CLuaShim

/// Budgets the host gives the code it runs: the state's limits can be re-armed for each call (so
/// every extractor, report or plugin callback starts with its own), nested for one call, and cut into
/// slices (one article) with a time limit of their own. Bytes that Swift copies out of Lua are
/// charged to the same memory budget as Lua's heap.
extension LuaState {
    /// Starts a fresh budget from the state's limits, counted from now: a limit that fired before is
    /// forgotten. (An interrupt is not: it comes from outside and stays.)
    public func rearm() {
        guard let L = mainThread else { return }
        budget.pointee.bytes_limit = limits.memoryBytes.map { size_t(max(0, $0)) } ?? 0
        budget.pointee.instructions_left = limits.instructions.map { Int64($0) } ?? -1
        tk_set_deadlines(budget, limits.seconds.map { tk_monotonic_seconds() + $0 } ?? 0, 0)
        tk_arm_limits(L)
    }

    /// Runs `body` with a budget of its own inside the current one (the tighter of the two holds):
    /// `limits.memoryBytes` is what the call may add to the heap, `instructions` and `seconds` count
    /// from now. Afterwards the outer budget goes on, less the instructions the call used; a limit
    /// that fired inside ends only the call (its error is thrown), not the outer budget.
    public func withBudget<T>(_ limits: LuaLimits, _ body: () throws -> T) throws -> T {
        guard let L = mainThread else { return try body() }
        let saved = budget.pointee
        let now = tk_monotonic_seconds()
        if let bytes = limits.memoryBytes {
            let inner = budget.pointee.bytes_used + size_t(max(0, bytes))
            budget.pointee.bytes_limit = saved.bytes_limit == 0 ? inner : min(saved.bytes_limit, inner)
        }
        if let count = limits.instructions {
            let inner = Int64(count)
            budget.pointee.instructions_left = saved.instructions_left < 0 ? inner : min(saved.instructions_left, inner)
        }
        var deadline = saved.deadline
        if let seconds = limits.seconds { deadline = deadline > 0 ? min(deadline, now + seconds) : now + seconds }
        tk_set_deadlines(budget, deadline, saved.slice_deadline)
        tk_arm_limits(L)
        let startLeft = budget.pointee.instructions_left
        defer {
            let used = startLeft < 0 ? 0 : startLeft - budget.pointee.instructions_left
            let outerLeft = saved.instructions_left < 0 ? -1 : saved.instructions_left - used
            budget.pointee.bytes_limit = saved.bytes_limit
            budget.pointee.instructions_left = outerLeft < 0 && saved.instructions_left >= 0 ? 0 : outerLeft
            tk_set_deadlines(budget, saved.deadline, saved.slice_deadline)
            let outerSpent = (saved.deadline > 0 && tk_monotonic_seconds() > saved.deadline)
                || (saved.instructions_left >= 0 && outerLeft <= 0)
            if !outerSpent && saved.stop_reason == Int32(TK_STOP_NONE) { tk_arm_limits(L) }
        }
        return try body()
    }

    /// Starts a slice (one article, one record) that may take `seconds` of wall-clock time; a slice
    /// that runs over stops the script with `message`. `nil` ends slicing.
    public func startSlice(seconds: Double?, message: String) {
        guard mainThread != nil else { return }
        setSliceMessage(message)
        tk_set_deadlines(budget, budget.pointee.deadline, seconds.map { tk_monotonic_seconds() + $0 } ?? 0)
    }

    public func endSlice() {
        tk_set_deadlines(budget, budget.pointee.deadline, 0)
    }

    func setSliceMessage(_ message: String) {
        withUnsafeMutableBytes(of: &budget.pointee.slice_message) { buffer in
            let bytes = Array(message.utf8.prefix(buffer.count - 1))
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
    }

    // MARK: Memory that Swift holds for Lua

    /// The most bytes a single copy out of Lua may take when the state has no memory limit.
    public static let unlimitedCopyBytes = 1 << 30

    /// Charges bytes that Swift is about to hold (a copy of a Lua value, an encoded output) to the
    /// state's memory budget, or throws when they would pass it. Released when the callback returns.
    public func charge(_ bytes: Int) throws {
        let limit = budget.pointee.bytes_limit
        let used = Int(budget.pointee.bytes_used)
        let ceiling = limit > 0 ? Int(limit) : used - heldBytes + LuaState.unlimitedCopyBytes
        guard used + bytes <= ceiling else {
            let mib = (limit > 0 ? Int(limit) : LuaState.unlimitedCopyBytes) >> 20
            throw LuaError(kind: .conversion, message: "value too large: holding it would pass the script's memory limit of \(mib) MiB (a table referenced many times is copied once per reference)")
        }
        budget.pointee.bytes_used += size_t(bytes)
        heldBytes += bytes
    }

    /// Charges bytes that Swift keeps past the callback (an open writer's buffer), until `giveBack`
    /// returns them: the script's memory limit counts them as long as they are held.
    public func keep(_ bytes: Int) throws {
        let limit = budget.pointee.bytes_limit
        let used = Int(budget.pointee.bytes_used)
        if limit > 0 && used + bytes > Int(limit) {
            throw LuaError(kind: .conversion, message: "not enough memory: holding \(bytes >> 10) KiB more would pass the script's memory limit of \(Int(limit) >> 20) MiB")
        }
        budget.pointee.bytes_used += size_t(bytes)
    }

    /// Returns bytes charged by `keep`.
    public func giveBack(_ bytes: Int) {
        budget.pointee.bytes_used -= size_t(min(bytes, Int(budget.pointee.bytes_used)))
    }

    /// Gives back what was charged since `mark` (a value of `heldBytes`).
    func release(to mark: Int) {
        guard heldBytes > mark else { return }
        budget.pointee.bytes_used -= size_t(heldBytes - mark)
        heldBytes = mark
    }
}
