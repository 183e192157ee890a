/// What is wrong with a value given to a writer, said so that the analyst finds it: which row (or
/// node, edge, section) and which field. The binding puts the writer and the file in front
/// (`toolkit.write.csv("people.csv"): row 3, field 'count': ...`) and Lua adds the script line.
public struct OutputProblem: Error, CustomStringConvertible, Equatable {
    /// `row 3`, `edge 12`, `section 2`: where the bad value is, or nil for the value as a whole.
    public var place: String?
    public var field: String?
    public var message: String

    public init(_ message: String, place: String? = nil, field: String? = nil) {
        self.place = place
        self.field = field
        self.message = message
    }

    public static func row(_ number: Int, field: String? = nil, _ message: String) -> OutputProblem {
        OutputProblem(message, place: "row \(number)", field: field)
    }

    public var description: String {
        let location = [place, field.map { "field '\($0)'" }].compactMap { $0 }.joined(separator: ", ")
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
