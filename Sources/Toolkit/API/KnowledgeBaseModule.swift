import LuaBridge

/// `toolkit.kb`: the knowledge base of the run's plugins.
enum KnowledgeBaseModule {
    static var module: APIModule {
        APIModule(
            "toolkit.kb",
            doc: """
                The knowledge base of the installed plugins (the bundled `world` plugin holds countries, \
                cities, regions, organisations, outlets and office holders in eleven languages), loaded \
                on first use.
                """,
            functions: [lookup, add],
            classes: [EntityRecords.profile.reference],
            examples: ["""
                local putin = toolkit.kb.lookup("پوتین")[1]
                print(putin.id, putin.name, putin.attrs.office)
                toolkit.kb.add { id = "person/amina-odhiambo", kind = "person", name = "Amina Odhiambo",
                                 variants = { "Amina Odhiambo", { text = "Odhiambo", short = true } } }
                print(toolkit.kb.lookup("amina odhiambo")[1].id)
                """])
    }

    static var lookup: APIFunction {
        APIFunction(
            "toolkit.kb.lookup",
            parameters: [APIParameter("name", "string", "a name in any script"),
                         .optional("lang", "string", "ISO 639-1 code: prefer variants of this language")],
            returns: [APIResult("Profile[]", "profiles", "the profiles the name may refer to")],
            doc: "The knowledge-base profiles a name may refer to, in any script."
        ) { binding in
            let entities = binding.api.entities
            return { call in
                let found = try entities.knowledgeBase().lookup(try call.string(1), lang: try call.optionalString(2))
                return [.table(LuaTable(array: try found.map(EntityRecords.profile.table)))]
            }
        }
    }

    static var add: APIFunction {
        APIFunction(
            "toolkit.kb.add",
            parameters: [APIParameter("profile", "table", "`id` (optional: made from kind and name), `kind`, `name`, `variants` (strings or tables `{text, lang, short, form}`), `attrs`")],
            returns: [APIResult("string", "id", "the profile's id")],
            doc: """
                Adds a profile for the rest of the run (articles read after it are matched with it) and \
                returns its id; `variants` may be plain strings.
                """
        ) { binding in
            let entities = binding.api.entities
            return { call in
                let profile = try EntityTables.profile(from: try call.table(1), function: call.function)
                try entities.add(profile)
                return [LuaValue(profile.id)]
            }
        }
    }
}
