import Foundation

/// Where the data is and what to train; defaults suit a run from the repository's root.
struct TrainingOptions {
    var train = URL(fileURLWithPath: "../shared/train")
    var corpus = URL(fileURLWithPath: "../shared/corpus")
    var knowledgeBase = URL(fileURLWithPath: "Plugins/world/kb")
    var output = URL(fileURLWithPath: "Plugins/ner/tagger")
    var languages = ["sw", "fa", "ar", "en"]
    var epochs = 15
    var bits: Int?
    /// Distant supervision: at most this many articles of a corpus file, so training stays minutes.
    var articles = 2000
    /// Passes of the speed measurement; nil: as many as two seconds allow.
    var passes: Int?
    /// `recall`: also list this many of the most frequent person names the rules and tagger missed.
    var missed = 0

    /// 2^16 rows × 9 tags × 2 bytes: 1.2 MB a language, about a processor's level-2 cache, which
    /// keeps tagging fast; 2^18 rows scored the same on the development splits (issue 11 note).
    func bits(for lang: String) -> Int { bits ?? 16 }

    mutating func parse(_ args: [String]) throws {
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw TrainingError("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--train": train = URL(fileURLWithPath: try value())
            case "--corpus": corpus = URL(fileURLWithPath: try value())
            case "--kb": knowledgeBase = URL(fileURLWithPath: try value())
            case "--out": output = URL(fileURLWithPath: try value())
            case "--langs": languages = try value().split(separator: ",").map(String.init)
            case "--epochs": epochs = Int(try value()) ?? epochs
            case "--bits": bits = Int(try value())
            case "--articles": articles = Int(try value()) ?? articles
            case "--passes": passes = Int(try value())
            case "--missed": missed = Int(try value()) ?? missed
            default: throw TrainingError("unknown option \(args[i])")
            }
            i += 1
        }
    }
}

struct TrainingError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
