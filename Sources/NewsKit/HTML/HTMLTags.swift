/// What the walk does with each HTML tag: the parts of a page that are never visible text (their
/// subtree is left out; ruby annotations too, which gloss the text they sit on), those that start a block of their own, and the rest, inline.
enum HTMLTagRole {
    case skipped, block, inline, lineBreak

    static func of(_ tag: String) -> HTMLTagRole { roles[tag] ?? .inline }

    private static let roles: [String: HTMLTagRole] = {
        var roles: [String: HTMLTagRole] = [:]
        for tag in ["head", "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
                    "object", "embed", "applet", "canvas", "select", "option", "optgroup", "datalist", "textarea",
                    "input", "button", "video", "audio", "source", "track", "map", "area", "link", "meta",
                    "base", "title", "picture", "img", "param", "dialog", "rt", "rp"] {
            roles[tag] = .skipped
        }
        for tag in ["address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div",
                    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                    "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
                    "section", "summary", "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "caption",
                    "noframes"] {
            roles[tag] = .block
        }
        roles["br"] = .lineBreak
        return roles
    }()
}
