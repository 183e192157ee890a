import LuaBridge

/// From the script's page table to the bytes of the file: checked first, then drawn.
public enum HTMLWriter {
    public static func bytes(of page: LuaValue) throws(OutputProblem) -> [UInt8] {
        Array(HTMLRenderer.render(try HTMLPage(lua: page)).utf8)
    }
}
