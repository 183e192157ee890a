/// Cuts a very long text into windows that the stages whose working memory grows with the text
/// (quote finding, date finding, entity annotation) handle one at a time, so that their memory
/// stays bounded by the window, not the text. Texts up to `size` bytes (every real article)
/// are one window and read exactly as before.
///
/// A cut falls in the second half of a window, at the last paragraph break if there is one,
/// else the last line break, else the last space, else the last character boundary. What a
/// stage relates across a cut (a quote spanning paragraphs, a short alias licensed by a full
/// name in an earlier window) is not related: the cost of bounded memory on such texts.
public enum TextWindows {
    /// 1 MiB: about a hundred times the longest article of the sample corpus.
    public static let size = 1 << 20

    static func windows(_ bytes: UnsafeBufferPointer<UInt8>, size: Int = TextWindows.size) -> [Range<Int>] {
        let size = max(size, 8)
        let n = bytes.count
        guard n > size else { return [0..<n] }
        var result: [Range<Int>] = []
        var start = 0
        while n - start > size {
            let cut = self.cut(bytes, from: start + size / 2, to: start + size)
            result.append(start..<cut)
            start = cut
        }
        result.append(start..<n)
        return result
    }

    /// Where to end a window in `lo...hi` (both inside the text, `lo < hi`).
    private static func cut(_ bytes: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int) -> Int {
        var lastLine = -1, lastSpace = -1
        var i = hi
        while i > lo {
            let b = bytes[i - 1]
            if b == 0x0A {
                if i >= 2 && bytes[i - 2] == 0x0A { return i }
                if lastLine < 0 { lastLine = i }
            } else if b == 0x20 && lastSpace < 0 {
                lastSpace = i
            }
            i -= 1
        }
        if lastLine >= 0 { return lastLine }
        if lastSpace >= 0 { return lastSpace }
        var boundary = hi
        while boundary > lo && bytes[boundary] & 0xC0 == 0x80 { boundary -= 1 }
        return boundary
    }
}
