import Foundation

/// NewsKit's bundled data (markers, word lists, the language and date models), for a program that
/// must know when it changed: the article cache digests it into its fingerprint.
public enum NewsKitResources {
    public static var folder: URL? { Bundle.module.resourceURL?.appendingPathComponent("Resources") }
}
