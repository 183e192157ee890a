import Foundation

/// A problem in a knowledge-base file, located precisely enough to fix it.
public struct KnowledgeBaseError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// File name (last path component; `path` has the whole path).
    public var file: String
    public var path: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    /// The field at fault, as a path ("variants[2].text", "attrs (column 5)"), when there is one.
    public var field: String?
    public var problem: String
    /// What to do about it.
    public var fix: String

    public init(path: String, line: Int, field: String?, problem: String, fix: String) {
        self.path = path
        self.file = (path as NSString).lastPathComponent
        self.line = line
        self.field = field
        self.problem = problem
        self.fix = fix
    }

    public var description: String {
        var text = line > 0 ? "\(path):\(line)" : path
        if let field { text += ": field \(field)" }
        return text + ": \(problem). \(fix)"
    }

    public var errorDescription: String? { description }
}
