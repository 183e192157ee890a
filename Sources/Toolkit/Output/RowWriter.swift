import Foundation
import LuaBridge

/// A writer fed one row at a time. `toolkit.write.open` hands rows to it as the script adds them,
/// so a full-corpus export never holds its rows; `toolkit.write.csv(name, rows)` and the other
/// whole-table functions feed the same writer in a loop, so both paths write the same bytes.
/// Rows are numbered from 1 in the order they were added, for the messages.
protocol RowWriter: AnyObject {
    /// Adds one row (a list or a record). A problem leaves the file unfinished: the binding
    /// discards it, so no half-written file stays.
    func add(_ row: LuaValue, number: Int) throws
    /// Ends the file (closing brackets, the transaction) and puts it in place.
    func finish() throws -> URL
    /// Gives up: nothing of the file stays.
    func discard()
}
