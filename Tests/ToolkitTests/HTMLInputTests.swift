import Foundation
import XCTest

/// Web pages and WARC files through the commands: found in folders beside *.txt and *.jsonl, one
/// article per page or HTML response, bad pages each one line on stderr while the run goes on,
/// and `toolkit parse page.html` saying what the extractor kept and why.
final class HTMLInputTests: ToolkitProcessTestCase {
    private static let htmlDev = repo.deletingLastPathComponent().appendingPathComponent("shared/html-dev/pages")

    private let page = """
        <!DOCTYPE html><html lang="sw"><head><meta charset="utf-8"><title>Putin azuru Beijing | Habari</title>
        <meta property="og:site_name" content="Habari Leo"></head><body>
        <nav><ul><li><a href="/">Nyumbani</a></li><li><a href="/siasa">Siasa</a></li></ul></nav>
        <article><h1>Putin azuru Beijing</h1>
        <p>Rais wa Urusi Vladimir Putin amewasili Beijing kwa ziara ya siku mbili, akikutana na Rais Xi Jinping.</p>
        <p>Viongozi hao walizungumzia biashara, nishati na usalama wa kikanda katika Ukumbi Mkuu wa Watu.</p>
        </article><footer><p>© 2024 Habari Leo</p></footer></body></html>
        """

    private func parseJSON(_ arguments: [String], in folder: URL? = nil) throws -> (objects: [[String: Any]], outcome: Outcome) {
        let outcome = try toolkit(["parse"] + arguments + ["--format", "json"], in: folder)
        let objects = outcome.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        return (objects, outcome)
    }

    func testFolderOfPagesBesideText() throws {
        let folder = try temporaryFolder()
        try write(page, to: folder.appendingPathComponent("a.html"))
        try write(page.replacingOccurrences(of: "Beijing", with: "Astana"), to: folder.appendingPathComponent("b.htm"))
        try write("Habari za leo\n\nRais Samia amezungumza na waandishi wa habari jijini Dodoma leo.", to: folder.appendingPathComponent("c.txt"))
        try Data(Self.gzip(Array(page.replacingOccurrences(of: "Beijing", with: "Moscow").utf8))).write(to: folder.appendingPathComponent("d.html.gz"))
        try write("not an input", to: folder.appendingPathComponent("notes.gz"))
        let (objects, outcome) = try parseJSON([folder.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(objects.count, 4, outcome.stdout)
        let titles = objects.compactMap { $0["title"] as? String }
        XCTAssertEqual(titles.filter { $0.hasPrefix("Putin azuru") }.sorted(), ["Putin azuru Astana", "Putin azuru Beijing", "Putin azuru Moscow"])
        XCTAssertEqual(objects.first?["source"] as? String, "Habari Leo")
        XCTAssertEqual(objects.first?["lang"] as? String, "sw")
    }

    func testParseShowsWhatTheExtractorKeptAndWhy() throws {
        let folder = try temporaryFolder()
        try write(page, to: folder.appendingPathComponent("page.html"))
        let outcome = try toolkit(["parse", "page.html"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("html: the page's <h1> [body>article>h1]"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("html: in article"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("in furniture: <nav> [body>nav>ul>li]"), outcome.stdout)
    }

    func testBadPagesAreOneLineEachAndTheRunGoesOn() throws {
        let folder = try temporaryFolder()
        try write(page, to: folder.appendingPathComponent("good.html"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array(repeating: 0xFF, count: 64))
            .write(to: folder.appendingPathComponent("photo.html"))
        try write("<html><head><script src=app.js></script></head><body><div id=root></div></body></html>", to: folder.appendingPathComponent("app.html"))
        try write("<html><frameset><frame src=a.html><frame src=b.html></frameset></html>", to: folder.appendingPathComponent("frames.html"))
        try write("<html><head><title>t</title></head></html>", to: folder.appendingPathComponent("nobody.html"))
        try write(String(page.prefix(page.count - 60)), to: folder.appendingPathComponent("cut.html"))
        let record = Array(page.utf8)
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8) + record
        let warc = Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: \(http.count)\r\n\r\n".utf8) + http + Array("\r\n\r\n".utf8)
        try Data(warc + warc.prefix(warc.count - 30)).write(to: folder.appendingPathComponent("crawl.warc"))

        let (objects, outcome) = try parseJSON(["."], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(objects.count, 3, "good.html, cut.html and the whole WARC record: \(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        for expected in ["toolkit: warning: ./photo.html: binary file (PNG image), not a web page; skipped",
                         "toolkit: warning: ./app.html: a script-only page: no text without running its JavaScript; skipped",
                         "toolkit: warning: ./nobody.html: no <body> and no visible text; skipped",
                         "toolkit: warning: ./cut.html: the markup ends early (no </body> or </html>); read as far as it goes",
                         "toolkit: warning: ./crawl.warc@\(warc.count): WARC record cut short"] {
            let stem = expected.components(separatedBy: " (").first!
            XCTAssertTrue(lines.contains { $0.hasPrefix(stem) }, "missing \(expected): \(outcome.stderr)")
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix("toolkit: warning: ./frames.html: a page of frames") }, outcome.stderr)
        XCTAssertEqual(objects.compactMap { $0["url"] as? String }, ["https://example.org/a"])
    }

    /// WARC files as Python's warcio writes them (gzip per record, request and response records),
    /// from pages of ../shared/html-dev when it is there.
    func testWARCMadeByWarcio() throws {
        let python = Self.repo.appendingPathComponent(".venv-test/bin/python")
        let ready = FileManager.default.isExecutableFile(atPath: python.path)
            && (try? Self.run(python.path, ["-c", "import warcio"])) == 0
        if !ready {
            let message = "warcio is not installed for the tests: run `make readers` (it makes .venv-test)"
            if ProcessInfo.processInfo.environment["TOOLKIT_READERS"] == "required" { XCTFail(message); return }
            throw XCTSkip(message)
        }
        let folder = try temporaryFolder()
        var pages: [URL] = []
        if let names = try? FileManager.default.contentsOfDirectory(atPath: Self.htmlDev.path) {
            pages = names.sorted().prefix(5).map { Self.htmlDev.appendingPathComponent($0) }
        }
        if pages.isEmpty {
            for i in 0..<3 {
                let url = folder.appendingPathComponent("p\(i).html")
                try write(page.replacingOccurrences(of: "Beijing", with: "Beijing \(i)"), to: url)
                pages.append(url)
            }
        }
        let script = """
            import sys
            from io import BytesIO
            from warcio.warcwriter import WARCWriter
            from warcio.statusandheaders import StatusAndHeaders
            out, pages = sys.argv[1], sys.argv[2:]
            with open(out, 'wb') as f:
                w = WARCWriter(f, gzip=True)
                for i, p in enumerate(pages):
                    body = open(p, 'rb').read()
                    url = 'https://example.org/page/%d' % i
                    req = StatusAndHeaders('GET /page/%d HTTP/1.1' % i, [('Host', 'example.org')], is_http_request=True)
                    w.write_record(w.create_warc_record(url, 'request', http_headers=req))
                    headers = StatusAndHeaders('200 OK', [('Content-Type', 'text/html')], protocol='HTTP/1.1')
                    w.write_record(w.create_warc_record(url, 'response', payload=BytesIO(body), http_headers=headers))
            """
        let warc = folder.appendingPathComponent("crawl.warc.gz")
        XCTAssertEqual(try Self.run(python.path, ["-c", script, warc.path] + pages.map(\.path)), 0)
        let (objects, outcome) = try parseJSON([warc.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(objects.count, pages.count, outcome.stderr)
        XCTAssertEqual(objects.compactMap { $0["url"] as? String }, pages.indices.map { "https://example.org/page/\($0)" })
        XCTAssertTrue(objects.allSatisfy { ($0["path"] as? String)?.contains("crawl.warc.gz@") == true })
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}
