/// Errors a user can cause, each one line saying what happened, where, and what to do, with the
/// process exit code the CLI uses for it.
public enum ToolkitError: Error, CustomStringConvertible, Equatable {
    /// 1: the script failed (its message names file and line).
    case script(message: String, traceback: String)
    /// 2: the command line is wrong (missing script, bad --set, ...).
    case usage(String)
    /// 3: nothing could be read from the corpus arguments.
    case noReadableInput(String)
    /// 1: an output could not be written.
    case output(String)
    /// 128 + the signal (130 for SIGINT, 143 for SIGTERM): the user stopped the run.
    case interrupted(String, signal: Int32)

    public var exitCode: Int32 {
        switch self {
        case .script, .output: return 1
        case .usage: return 2
        case .noReadableInput: return 3
        case .interrupted(_, let signal): return 128 + signal
        }
    }

    public var description: String {
        switch self {
        case .script(let message, _): return message
        case .usage(let message), .noReadableInput(let message), .output(let message), .interrupted(let message, _): return message
        }
    }
}
