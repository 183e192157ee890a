import Foundation

/// Runs `work` on a thread of its own and returns what waits for its result: set-up steps that do
/// not depend on each other (the rules, the knowledge base) take the longer of the two, not their
/// sum. A thread, not a dispatch worker: the run's workers may all be waiting for this set-up.
func loadingAside<T>(_ work: @escaping @Sendable () throws -> T) -> () throws -> T {
    let done = DispatchSemaphore(value: 0)
    let box = LoadingAsideResult<T>()
    let thread = Thread {
        box.result = Result { try work() }
        done.signal()
    }
    // The rule and tagger loaders recurse no deeper than the main thread's, whose stack is 8 MB.
    thread.stackSize = 8 << 20
    thread.start()
    return {
        done.wait()
        done.signal()  // a second wait returns at once
        return try box.result!.get()
    }
}

/// Written once by the loading thread before it signals, read after the wait.
private final class LoadingAsideResult<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
