import Foundation

/// The five sample articles of the top-level `seeds/` folder, bundled into the binary's resources so
/// that `toolkit run script.lua` has something to read wherever it is installed.
public enum SampleCorpus {
    public static var directory: URL? {
        Bundle.module.url(forResource: "seeds", withExtension: nil)
    }
}
