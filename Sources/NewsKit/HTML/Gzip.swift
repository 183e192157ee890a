internal import CLibXML2

/// gzip streams through zlib, one member at a time: a `*.warc.gz` is a chain of members (one per
/// record), so a record can be read, and a damaged one located by its compressed offset, without
/// inflating the whole file first.
struct GzipMembers {
    enum Failure: Error, Equatable {
        /// The input ended inside a member (a download or copy cut short).
        case truncated
        /// Bytes that are not gzip (zlib's message).
        case corrupt(String)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// Compressed offset of the next member.
    private(set) var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { offset >= bytes.count }

    /// The next member inflated, its compressed offset, or the failure at that offset. A failure
    /// ends the stream: nothing after a damaged member can be found again reliably.
    mutating func next(limit: Int = Int.max) -> (offset: Int, result: Result<[UInt8], Failure>)? {
        guard !atEnd else { return nil }
        let start = offset
        var stream = z_stream()
        // 16 + MAX_WBITS: a gzip wrapper, not raw zlib.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            offset = bytes.count
            return (start, .failure(.corrupt("zlib cannot start")))
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        output.reserveCapacity(min(limit, max(4096, (bytes.count - start) * 4)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress! + start)
        stream.avail_in = UInt32(min(bytes.count - start, Int(UInt32.max)))
        while true {
            let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                return inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunk.count - Int(stream.avail_out)
            if output.count + produced > limit {
                offset = bytes.count
                return (start, .failure(.corrupt("inflates beyond \(limit >> 20) MiB")))
            }
            output.append(contentsOf: chunk[0..<produced])
            switch status {
            case Z_STREAM_END:
                offset = start + Int(stream.total_in)
                return (start, .success(output))
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                offset = bytes.count
                return (start, .failure(.truncated))
            default:
                offset = bytes.count
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                return (start, .failure(.corrupt(message)))
            }
        }
    }

    /// Every member inflated and joined (a `*.html.gz`), or the first failure.
    static func inflateAll(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 1 << 31) -> Result<[UInt8], Failure> {
        var members = GzipMembers(bytes)
        var all = [UInt8]()
        while let (_, result) = members.next(limit: limit - all.count) {
            switch result {
            case .success(let member): all += member
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(all)
    }

    static func isGzip(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }
}
