import Foundation
import XCTest

/// Bad input, end to end through the binary: every kind is read or skipped with its reason, no
/// run blocks or stops on it, a summary line counts it, and `--strict` makes it exit 3.
final class BadInputTests: ToolkitProcessTestCase {
    static let arabic = "قمة منظمة شنغهاي للتعاون\n\nقال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة لتعزيز التعاون مع الصين.\n"
    static let persian = "ديدار پوتين و شي جين پينگ\n\nرئيس جمهور روسيه گفت که همکاري دو کشور در چارچوب سازمان شانگهاي گسترش مي يابد.\n"
    static let french = "Le président à Pékin\n\nLe président russe a rencontré son homologue chinois, « à l’été », a déclaré le ministre.\n"
    static let english = "Leaders meet in Tianjin\n\nThe summit opened a new chapter in relations, officials said on Thursday.\n"

    /// Prints path and title of every article.
    func script(in folder: URL) throws -> String {
        let script = folder.appendingPathComponent("titles.lua")
        try write("for a in toolkit.articles() do print(a.path, a.title) end\n", to: script)
        return script.path
    }

    /// Runs the binary in `folder` and kills it after `seconds`: a run that blocks (on a FIFO) must
    /// fail the test, not hang it.
    func run(_ arguments: [String], in folder: URL, seconds: Double = 60, asNobody: Bool = false) throws -> Outcome {
        let process = Process()
        if asNobody {
            // root reads files whatever their mode; the user nobody does not.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        XCTAssertNotEqual(process.terminationReason, .uncaughtSignal, "toolkit \(arguments) was killed after \(seconds) s: it blocked")
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `text` written by iconv in `encoding`.
    func iconv(_ text: String, to encoding: String, into url: URL, prefix: [UInt8] = []) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") else { throw XCTSkip("iconv is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "iconv -t \(encoding)")
        try (Data(prefix) + bytes).write(to: url)
    }

    /// A folder with one good article beside the bad input made by `make`, so that each run reads
    /// more than one input and ends with the summary line.
    func corpus(_ make: (URL) throws -> Void) throws -> URL {
        let folder = try temporaryFolder()
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try write(Self.english, to: corpus.appendingPathComponent("good.txt"))
        try make(corpus)
        return folder
    }

    /// Runs the titles script on `corpus/` and checks it succeeded.
    func runTitles(_ folder: URL, strict: Bool = false) throws -> Outcome {
        var arguments = ["run", try script(in: folder), "corpus", "--out", folder.appendingPathComponent("out").path]
        if strict { arguments.append("--strict") }
        let result = try run(arguments, in: folder)
        if !strict { XCTAssertEqual(result.status, 0, result.stderr) }
        return result
    }

    // MARK: Encodings

    func testUTF16LittleEndianWithByteOrderMark() throws {
        let folder = try corpus { try self.iconv(Self.arabic, to: "UTF-16LE", into: $0.appendingPathComponent("x.txt"), prefix: [0xFF, 0xFE]) }
        let result = try runTitles(folder)
        XCTAssertTrue(result.stdout.contains("corpus/x.txt\tقمة منظمة شنغهاي للتعاون\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains("toolkit: note: corpus/x.txt: not UTF-8; read as UTF-16LE (byte-order mark)"), result.stderr)
    }

    func testUTF16BigEndianWithoutByteOrderMark() throws {
        let folder = try corpus { try self.iconv(Self.french, to: "UTF-16BE", into: $0.appendingPathComponent("x.txt")) }
        let result = try runTitles(folder)
        XCTAssertTrue(result.stdout.contains("corpus/x.txt\tLe président à Pékin\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains("toolkit: note: corpus/x.txt: not UTF-8; read as UTF-16BE (no byte-order mark"), result.stderr)
    }

    func testWindows1256Arabic() throws {
        let folder = try corpus { try self.iconv(Self.arabic, to: "CP1256", into: $0.appendingPathComponent("x.txt")) }
        let result = try runTitles(folder)
        XCTAssertTrue(result.stdout.contains("corpus/x.txt\tقمة منظمة شنغهاي للتعاون\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains("toolkit: note: corpus/x.txt: not UTF-8; read as Windows-1256"), result.stderr)
    }

    func testWindows1256Persian() throws {
        let folder = try corpus { try self.iconv(Self.persian, to: "CP1256", into: $0.appendingPathComponent("x.txt")) }
        let result = try runTitles(folder)
        XCTAssertTrue(result.stdout.contains("corpus/x.txt\tديدار پوتين و شي جين پينگ\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains("toolkit: note: corpus/x.txt: not UTF-8; read as Windows-1256"), result.stderr)
    }

    func testWindows1252French() throws {
        let folder = try corpus { try self.iconv(Self.french, to: "CP1252", into: $0.appendingPathComponent("x.txt")) }
        let result = try runTitles(folder)
        XCTAssertTrue(result.stdout.contains("corpus/x.txt\tLe président à Pékin\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains("toolkit: note: corpus/x.txt: not UTF-8; read as Windows-1252"), result.stderr)
    }

    // MARK: Skipped inputs

    func testProgramRenamedTxtIsSkippedAsBinary() throws {
        let folder = try corpus { try FileManager.default.copyItem(atPath: "/bin/ls", toPath: $0.appendingPathComponent("x.txt").path) }
        let result = try runTitles(folder)
        XCTAssertEqual(result.stdout, "corpus/good.txt\tLeaders meet in Tianjin\n")
        XCTAssertTrue(result.stderr.contains("toolkit: warning: corpus/x.txt: binary file (ELF executable); skipped"), result.stderr)
    }

    func testEmptyFileIsSkipped() throws {
        let folder = try corpus { try Data().write(to: $0.appendingPathComponent("e.txt")) }
        let result = try runTitles(folder)
        XCTAssertEqual(result.stdout, "corpus/good.txt\tLeaders meet in Tianjin\n")
        XCTAssertTrue(result.stderr.contains("toolkit: warning: corpus/e.txt: empty file; skipped"), result.stderr)
    }

    func testWhitespaceOnlyFileIsSkipped() throws {
        let folder = try corpus { try self.write(" \n\t\n\u{A0}\n", to: $0.appendingPathComponent("w.txt")) }
        let result = try runTitles(folder)
        XCTAssertEqual(result.stdout, "corpus/good.txt\tLeaders meet in Tianjin\n")
        XCTAssertTrue(result.stderr.contains("toolkit: warning: corpus/w.txt: only whitespace; skipped"), result.stderr)
    }

    func testFIFONamedTxtIsNeverOpened() throws {
        let folder = try corpus { corpus in
            XCTAssertEqual(mkfifo(corpus.appendingPathComponent("a.txt").path, 0o644), 0, "mkfifo")
        }
        let result = try runTitles(folder)
        XCTAssertEqual(result.stdout, "corpus/good.txt\tLeaders meet in Tianjin\n")
        XCTAssertTrue(result.stderr.contains("toolkit: warning: corpus/a.txt: a named pipe (FIFO), not a file"), result.stderr)
        XCTAssertFalse(result.stderr.contains("permission"), result.stderr)
        // Named on the command line, too.
        let direct = try run(["parse", "corpus/a.txt", "corpus/good.txt"], in: folder)
        XCTAssertEqual(direct.status, 0, direct.stderr)
        XCTAssertTrue(direct.stderr.contains("corpus/a.txt: a named pipe (FIFO)"), direct.stderr)
    }

    func testFolderNamedTxt() throws {
        let folder = try corpus { try FileManager.default.createDirectory(at: $0.appendingPathComponent("b.txt"), withIntermediateDirectories: true) }
        let result = try runTitles(folder)
        XCTAssertEqual(result.stdout, "corpus/good.txt\tLeaders meet in Tianjin\n")
        XCTAssertTrue(result.stderr.contains("toolkit: warning: corpus/b.txt: a folder, not a file (and no *.txt, *.jsonl, *.html or *.warc files in it); skipped"), result.stderr)
        // A folder named like a file that holds articles is searched like any folder.
        try write(Self.english, to: folder.appendingPathComponent("corpus/b.txt/inner.txt"))
        let searched = try runTitles(folder)
        XCTAssertTrue(searched.stdout.contains("corpus/b.txt/inner.txt\t"), searched.stdout)
        XCTAssertFalse(searched.stderr.contains("warning"), searched.stderr)
    }

    func testSymlinkLoop() throws {
        let folder = try corpus { corpus in
            try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("l1.txt").path, withDestinationPath: "l2.txt")
            try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("l2.txt").path, withDestinationPath: "l1.txt")
        }
        let result = try runTitles(folder)
        XCTAssertEqual(result.stdout, "corpus/good.txt\tLeaders meet in Tianjin\n")
        XCTAssertTrue(result.stderr.contains("toolkit: warning: corpus/l1.txt: symbolic link loop"), result.stderr)
        XCTAssertTrue(result.stderr.contains("toolkit: warning: corpus/l2.txt: symbolic link loop"), result.stderr)
    }

    func testBrokenSymlink() throws {
        let folder = try corpus { corpus in
            try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("gone.txt").path, withDestinationPath: "moved/away.txt")
        }
        let result = try runTitles(folder)
        XCTAssertEqual(result.stdout, "corpus/good.txt\tLeaders meet in Tianjin\n")
        XCTAssertTrue(result.stderr.contains("toolkit: warning: corpus/gone.txt: broken symbolic link to moved/away.txt"), result.stderr)
        // Named directly it is the same broken link, not "no such file".
        let direct = try run(["parse", "corpus/gone.txt", "corpus/good.txt"], in: folder)
        XCTAssertEqual(direct.status, 0, direct.stderr)
        XCTAssertTrue(direct.stderr.contains("corpus/gone.txt: broken symbolic link"), direct.stderr)
    }

    func testUnreadableFile() throws {
        // Tests run as root, and root reads a file whatever its mode: then the binary runs as the
        // user nobody (through setpriv), for whom chmod 000 is a real "permission denied".
        let asNobody = geteuid() == 0
        if asNobody, !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            throw XCTSkip("running as root without setpriv: no user to whom chmod 000 denies reading")
        }
        // The user nobody must be able to reach the binary and its resource bundles: a checkout in
        // a folder only root may enter (mktemp -d makes one) cannot be run as nobody at all.
        if asNobody {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            probe.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path, "plugins", "list"]
            probe.environment = ["SWIFT_BACKTRACE": "enable=no", "PATH": "/usr/bin:/bin"]
            probe.currentDirectoryURL = FileManager.default.temporaryDirectory
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            probe.waitUntilExit()
            if probe.terminationReason != .exit || probe.terminationStatus != 0 {
                throw XCTSkip("the build folder \(binary.deletingLastPathComponent().path) is not readable by the user nobody")
            }
        }
        let folder = try corpus { corpus in
            let locked = corpus.appendingPathComponent("locked.txt")
            try self.write(Self.english, to: locked)
            XCTAssertEqual(chmod(locked.path, 0), 0)
        }
        let result = try run(["parse", "corpus", "--format", "json"], in: folder, asNobody: asNobody)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("toolkit: warning: corpus/locked.txt: permission denied"), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("toolkit: 1 article read, 1 skipped: 1 unreadable (corpus/locked.txt)\n"), result.stderr)
    }

    func testBadJSONLineIsSkippedAndCounted() throws {
        let folder = try corpus { corpus in
            try self.write("{\"text\": \"A title\\nA body sentence long enough to be read.\"}\n{broken\n", to: corpus.appendingPathComponent("a.jsonl"))
        }
        let result = try runTitles(folder)
        XCTAssertEqual(result.stdout, "corpus/a.jsonl:1\tA title\ncorpus/good.txt\tLeaders meet in Tianjin\n")
        XCTAssertTrue(result.stderr.contains("toolkit: warning: corpus/a.jsonl:2: not valid JSON; line skipped"), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("toolkit: 2 articles read, 1 skipped: 1 not valid JSON (corpus/a.jsonl:2)\n"), result.stderr)
    }

    // MARK: Summary and --strict

    func testSummaryLineCountsEveryKindAndNamesTheFirstPlace() throws {
        let folder = try corpus { corpus in
            try FileManager.default.copyItem(atPath: "/bin/ls", toPath: corpus.appendingPathComponent("x.txt").path)
            try Data().write(to: corpus.appendingPathComponent("e1.txt"))
            try Data().write(to: corpus.appendingPathComponent("e2.txt"))
            try self.write("{\"text\": \"T\\nBody text.\"}\n[1]\n{bad\n{bad\n", to: corpus.appendingPathComponent("a.jsonl"))
            try self.iconv(Self.arabic, to: "CP1256", into: corpus.appendingPathComponent("ar.txt"))
        }
        for command in [["run", try script(in: folder)], ["parse"], ["entities"]] {
            var arguments = command + ["corpus"]
            if command[0] == "run" { arguments += ["--out", folder.appendingPathComponent("out").path] }
            let result = try run(arguments, in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            let last = result.stderr.split(separator: "\n").last.map(String.init)
            XCTAssertEqual(last, "toolkit: 3 articles read, 6 skipped: 1 binary (corpus/x.txt), 2 empty (first corpus/e1.txt), "
                + "2 not valid JSON (first corpus/a.jsonl:3), 1 not a JSON object (corpus/a.jsonl:2); "
                + "1 read from another encoding (corpus/ar.txt)", "\(command[0]): \(result.stderr)")
        }
        // One input: its warning is enough, no summary.
        let single = try run(["parse", "corpus/good.txt"], in: folder)
        XCTAssertEqual(single.stderr, "")
    }

    func testSummaryGroupsThousands() throws {
        let folder = try corpus { corpus in
            let line = "{\"text\": \"A title\\nA body sentence.\"}\n"
            try self.write(String(repeating: line, count: 1_200), to: corpus.appendingPathComponent("many.jsonl"))
        }
        let result = try run(["run", try script(in: folder), "corpus", "--out", folder.appendingPathComponent("out").path], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("toolkit: 1,201 articles read\n"), result.stderr)
    }

    func testStrictStopsAtTheFirstProblemWithExitThree() throws {
        let folder = try corpus { corpus in
            try self.write(Self.english, to: corpus.appendingPathComponent("a.txt"))
            try FileManager.default.copyItem(atPath: "/bin/ls", toPath: corpus.appendingPathComponent("b.txt").path)
            try self.write(Self.english, to: corpus.appendingPathComponent("c.txt"))
        }
        // The script writes its CSV after the loop: under --strict the loop raises, nothing is written.
        let script = folder.appendingPathComponent("csv.lua")
        try write("""
            local rows = {}
            for a in toolkit.articles() do rows[#rows + 1] = { path = a.path } end
            toolkit.write.csv("paths.csv", rows)
            """, to: script)
        let out = folder.appendingPathComponent("out")
        let strict = try run(["run", script.path, "corpus", "--strict", "--out", out.path], in: folder)
        XCTAssertEqual(strict.status, 3, strict.stderr)
        XCTAssertEqual(strict.stderr, "toolkit: corpus/b.txt: binary file (ELF executable); stopped by --strict (without it: skipped)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("paths.csv").path))

        let parse = try run(["parse", "corpus", "--strict", "--format", "json"], in: folder)
        XCTAssertEqual(parse.status, 3, parse.stderr)
        XCTAssertEqual(parse.stdout.split(separator: "\n").count, 1, "only the article before the problem")
        XCTAssertTrue(parse.stderr.contains("corpus/b.txt: binary file (ELF executable); stopped by --strict"), parse.stderr)

        let entities = try run(["entities", "corpus", "--strict"], in: folder)
        XCTAssertEqual(entities.status, 3, entities.stderr)

        // A guessed encoding and a bad JSON line are problems too; a UTF-16 byte-order mark is not.
        let guessed = try corpus { try self.iconv(Self.arabic, to: "CP1256", into: $0.appendingPathComponent("x.txt")) }
        XCTAssertEqual(try runTitles(guessed, strict: true).status, 3)
        let badLine = try corpus { try self.write("{bad\n", to: $0.appendingPathComponent("a.jsonl")) }
        let bad = try runTitles(badLine, strict: true)
        XCTAssertEqual(bad.status, 3)
        XCTAssertTrue(bad.stderr.contains("corpus/a.jsonl:1: not valid JSON; stopped by --strict"), bad.stderr)
        let marked = try corpus { try self.iconv(Self.arabic, to: "UTF-16LE", into: $0.appendingPathComponent("x.txt"), prefix: [0xFF, 0xFE]) }
        XCTAssertEqual(try runTitles(marked, strict: true).status, 0)
        // Without --strict the same corpus runs to the end.
        XCTAssertEqual(try run(["run", script.path, "corpus", "--out", out.path], in: folder).status, 0)
    }

    func testNothingReadableExitsThreeWithTheReasons() throws {
        let folder = try temporaryFolder()
        try Data().write(to: folder.appendingPathComponent("e.txt"))
        try FileManager.default.copyItem(atPath: "/bin/ls", toPath: folder.appendingPathComponent("x.txt").path)
        let result = try run(["parse", "e.txt", "x.txt"], in: folder)
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.contains("no article could be read from e.txt x.txt: e.txt: empty file; skipped; x.txt: binary file (ELF executable); skipped"), result.stderr)
    }

    /// An article longer than the annotation window is read whole, and the run says what that means.
    func testAVeryLongArticleIsReadWithANote() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("long.txt")
        // Lines differ, so that none is taken for a repeated title or caption.
        let lines = (0..<30_000).map { "Mkutano wa \($0): Rais Samia Suluhu Hassan alikutana na Rais Xi Jinping mjini Beijing.\n" }
        try write(lines.joined(), to: file)
        let script = folder.appendingPathComponent("n.lua")
        try write("for a in toolkit.articles() do print(#a.text > 2000000) end", to: script)
        let result = try toolkit(["run", script.path, file.path, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "true\n")
        XCTAssertTrue(result.stderr.contains("long.txt: an article of 2.6 MB: quotes, names, dates and amounts are found in windows of 1 MiB"), result.stderr)
    }
}
