/// A page taken apart: every block of its visible text with the extractor's verdict and reason,
/// and the metadata of its markup.
public struct HTMLExtraction: Sendable {
    public var segments: [HTMLSegment]
    public var metadata: HTMLMetadata

    public init(_ page: WebPage) {
        guard let walk = HTMLParser.walk(page.html, url: page.url) else {
            segments = []
            metadata = HTMLMetadata(head: HTMLHeadData(), h1: nil)
            return
        }
        segments = HTMLMainText(walk: walk).segments()
        metadata = HTMLMetadata(head: walk.head, h1: segments.first { $0.role == .title }?.text)
        if metadata.url == nil { metadata.url = page.url }
    }

    /// The main text as a benchmark reads it: the kept blocks, one per line.
    public var mainText: String {
        segments.lazy.filter(\.main).map(\.text).joined(separator: "\n")
    }
}
