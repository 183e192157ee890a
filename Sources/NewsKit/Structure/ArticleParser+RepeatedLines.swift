extension ArticleParser.Run {
    /// Lines the run learnt as furniture of the article's source (`SourceBoilerplate`) are
    /// boilerplate, unless a marker already said what they are. Before the context rules, so that
    /// those see them as they see marked boilerplate.
    func typeRepeatedLines(_ keys: [UInt64]) {
        guard !keys.isEmpty else { return }
        let learnt = Set(keys)
        for i in segments.indices where segments[i].kind == nil {
            let s = segments[i]
            guard let key = SourceBoilerplate.lineKey(UnsafeBufferPointer(rebasing: bytes[s.lo..<s.hi])),
                  learnt.contains(key) else { continue }
            segments[i].kind = .boilerplate
            segments[i].rule = "source-repeated"
        }
    }
}
