-- What a corpus is about, at a glance: per language, the people, organisations and places most
-- named (each under the knowledge base's one name, whatever the script it was written in), those
-- named in more than one language with the spellings seen (بوتين = پوتین = Putin), and the dates
-- and amounts found. Writes out/overview.html (one self-contained page) and out/overview.csv (one
-- row per language and entity). Runs on all cores; on ten thousand articles it takes seconds.
--   toolkit run scripts/overview.lua                    # the bundled sample articles
--   toolkit run scripts/overview.lua corpus/ --set top=8
local top = toolkit.args.top or 5
local kinds = { "person", "org", "place" }
local amount_kinds = { money = true, percent = true, quantity = true }
local language_names = { ar = "Arabic", fa = "Persian", sw = "Swahili", en = "English", und = "undetermined" }
local kind_names = { person = "people", org = "organisations", place = "places" }

local function language(state, lang)
  local l = state.langs[lang]
  if not l then
    l = { articles = 0, dated = 0, entities = {}, dates = {}, amounts = {} }
    state.langs[lang] = l
  end
  return l
end

-- Adds b's counts into a (both tables of name -> number).
local function add_counts(a, b)
  for k, n in pairs(b) do a[k] = (a[k] or 0) + n end
end

toolkit.report {
  name = "overview",
  description = "per language: the most named people, organisations and places, dates and amounts",
  init = function() return { langs = {}, article_dates = {} } end,
  article = function(state, article)
    local l = language(state, article.lang)
    l.articles = l.articles + 1
    if article.date and article.date:match("^%d%d%d%d") then
      l.dated = l.dated + 1
      state.article_dates[#state.article_dates + 1] = article.date
    end
    local seen = {}
    for m in article:entities { section = "text" } do
      if kind_names[m.kind] then
        local e = l.entities[m.id]
        if not e then
          e = { name = m.name, kind = m.kind, articles = 0, mentions = 0, spellings = {} }
          l.entities[m.id] = e
        end
        e.mentions = e.mentions + 1
        e.spellings[m.text] = (e.spellings[m.text] or 0) + 1
        if not seen[m.id] then
          seen[m.id] = true
          e.articles = e.articles + 1
        end
      elseif m.kind == "date" and type(m.value) == "string" then
        l.dates[m.value] = (l.dates[m.value] or 0) + 1
      elseif amount_kinds[m.kind] and m.value then
        local key = m.kind .. "\t" .. tostring(m.value) .. "\t" .. (m.unit or "")
        local a = l.amounts[key]
        if not a then
          a = { kind = m.kind, value = m.value, unit = m.unit, text = m.text, count = 0 }
          l.amounts[key] = a
        end
        a.count = a.count + 1
      end
    end
  end,
  merge = function(a, b)
    for lang, lb in pairs(b.langs) do
      local la = language(a, lang)
      la.articles = la.articles + lb.articles
      la.dated = la.dated + lb.dated
      for id, eb in pairs(lb.entities) do
        local ea = la.entities[id]
        if not ea then
          la.entities[id] = eb
        else
          ea.articles = ea.articles + eb.articles
          ea.mentions = ea.mentions + eb.mentions
          add_counts(ea.spellings, eb.spellings)
        end
      end
      add_counts(la.dates, lb.dates)
      for key, ab in pairs(lb.amounts) do
        local aa = la.amounts[key]
        if aa then aa.count = aa.count + ab.count else la.amounts[key] = ab end
      end
    end
    for _, d in ipairs(b.article_dates) do a.article_dates[#a.article_dates + 1] = d end
    return a
  end,
  finish = function(state, out)
    -- The keys of a table of counts, most counted first (ties by key, so runs agree).
    local function ranked(counts)
      local list = {}
      for k in pairs(counts) do list[#list + 1] = k end
      table.sort(list, function(x, y) return counts[x] > counts[y] or (counts[x] == counts[y] and x < y) end)
      return list
    end
    local function by_articles(x, y)
      if x.articles ~= y.articles then return x.articles > y.articles end
      if x.mentions ~= y.mentions then return x.mentions > y.mentions end
      return x.id < y.id
    end
    -- 200000000000 as "200,000,000,000"; fractions as Lua writes them.
    local function grouped(n)
      if math.type(n) == "float" and (n ~= math.floor(n) or math.abs(n) >= 1e15) then return tostring(n) end
      local digits = string.format("%d", n)
      local sign, body = digits:match("^(-?)(%d+)$")
      body = body:reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", "")
      return sign .. body
    end
    local function amount_label(a)
      local value = grouped(a.value)
      if a.kind == "percent" then return value .. "%" end
      return a.unit and (value .. " " .. a.unit) or value
    end

    local langs = {}
    for lang in pairs(state.langs) do langs[#langs + 1] = lang end
    table.sort(langs, function(x, y)
      local a, b = state.langs[x].articles, state.langs[y].articles
      return a > b or (a == b and x < y)
    end)

    -- One row per entity across languages: the knowledge base's name, where it is named, how.
    local across, total = {}, 0
    for _, lang in ipairs(langs) do
      total = total + state.langs[lang].articles
      for id, e in pairs(state.langs[lang].entities) do
        local x = across[id]
        if not x then
          x = { id = id, name = e.name, kind = e.kind, articles = 0, mentions = 0, langs = {}, spellings = {} }
          across[id] = x
        end
        x.articles = x.articles + e.articles
        x.mentions = x.mentions + e.mentions
        x.langs[#x.langs + 1] = lang
        add_counts(x.spellings, e.spellings)
      end
    end

    local shares = {}
    for _, lang in ipairs(langs) do shares[#shares + 1] = lang .. " " .. state.langs[lang].articles end
    print(string.format("%d articles (%s)", total, table.concat(shares, ", ")))

    -- Linked entities (knowledge-base ids; "~kind/name" ids are finds outside it) named in more
    -- than one language: the point of linking.
    local linked, kind_order = {}, { person = 1, org = 2, place = 3 }
    for id, x in pairs(across) do
      if #x.langs > 1 and id:sub(1, 1) ~= "~" then linked[#linked + 1] = x end
    end
    -- People first, then organisations, then places: who is named matters most.
    table.sort(linked, function(x, y)
      if x.kind ~= y.kind then return kind_order[x.kind] < kind_order[y.kind] end
      return by_articles(x, y)
    end)
    local cross_rows, printed, per_kind_printed = {}, 0, {}
    if #linked > 0 then
      print("")
      print("Named in more than one language (one entity, the spellings seen):")
    end
    for i, x in ipairs(linked) do
      local spellings = ranked(x.spellings)
      local shown = {}
      for j = 1, math.min(6, #spellings) do shown[j] = spellings[j] end
      local row = { name = x.name, kind = x.kind, articles = x.articles, mentions = x.mentions,
                    languages = table.concat(x.langs, " "), spellings = table.concat(shown, " = ") }
      cross_rows[#cross_rows + 1] = row
      per_kind_printed[x.kind] = (per_kind_printed[x.kind] or 0) + 1
      if per_kind_printed[x.kind] <= top then
        printed = printed + 1
        -- Padded by characters, not bytes (António, Lukašenka).
        local pad = string.rep(" ", math.max(0, 24 - (utf8.len(x.name) or #x.name)))
        print(string.format("  %s%s %-6s %4d article%s in %-9s %s", x.name, pad, x.kind, x.articles, x.articles == 1 and " " or "s",
          row.languages, row.spellings))
      end
    end
    if #linked > printed then print(string.format("  ... and %d more in overview.html", #linked - printed)) end

    local csv_rows, sections, bars = {}, {}, {}
    for _, lang in ipairs(langs) do
      local l = state.langs[lang]
      print("")
      print(string.format("%s (%s): %d article%s, %d with a date", language_names[lang] or lang, lang, l.articles,
        l.articles == 1 and "" or "s", l.dated))
      local table_rows = {}
      local per_kind = {}
      for id, e in pairs(l.entities) do
        local list = per_kind[e.kind] or {}
        per_kind[e.kind] = list
        list[#list + 1] = { id = id, name = e.name, kind = e.kind, articles = e.articles, mentions = e.mentions, spellings = e.spellings }
      end
      for _, kind in ipairs(kinds) do
        local list = per_kind[kind] or {}
        table.sort(list, by_articles)
        local shown = {}
        for i, e in ipairs(list) do
          local spellings = ranked(e.spellings)
          local row = { lang = lang, kind = kind, id = e.id, name = e.name, articles = e.articles, mentions = e.mentions,
                        spellings = table.concat(spellings, " | ") }
          csv_rows[#csv_rows + 1] = row
          if i <= 30 then table_rows[#table_rows + 1] = row end
          if i <= top then
            -- The name as written in this language beside the knowledge base's name, when they differ.
            local written = spellings[1]
            shown[#shown + 1] = string.format("%s%s %d", e.name, written ~= e.name and (" (" .. written .. ")") or "", e.articles)
          end
        end
        print(string.format("  %-14s %s", kind_names[kind], #shown > 0 and table.concat(shown, ", ") or "none found"))
      end
      table.sort(table_rows, function(x, y) return x.articles > y.articles or (x.articles == y.articles and x.id < y.id) end)

      local dates, date_count = ranked(l.dates), 0
      for _, n in pairs(l.dates) do date_count = date_count + n end
      local shown_dates = {}
      for i = 1, math.min(top, #dates) do shown_dates[i] = string.format("%s (%d)", dates[i], l.dates[dates[i]]) end
      print(string.format("  %-14s %d mention%s%s%s", "dates", date_count, date_count == 1 and "" or "s", #dates > 0 and ": " or "",
        table.concat(shown_dates, ", ")))

      local amounts = {}
      for _, a in pairs(l.amounts) do amounts[#amounts + 1] = a end
      table.sort(amounts, function(x, y)
        if x.count ~= y.count then return x.count > y.count end
        return amount_label(x) < amount_label(y)
      end)
      local amount_count, shown_amounts, amount_rows = 0, {}, {}
      for i, a in ipairs(amounts) do
        amount_count = amount_count + a.count
        if i <= top then shown_amounts[#shown_amounts + 1] = string.format("%s (%s)", amount_label(a), a.text) end
        if i <= 30 then amount_rows[#amount_rows + 1] = { kind = a.kind, amount = amount_label(a), written = a.text, mentions = a.count } end
      end
      print(string.format("  %-14s %d mention%s%s%s", "amounts", amount_count, amount_count == 1 and "" or "s", #amounts > 0 and ": " or "",
        table.concat(shown_amounts, ", ")))

      local title = (language_names[lang] or lang) .. " (" .. lang .. ")"
      sections[#sections + 1] = { kind = "table", title = title .. ": most named",
        notes = string.format("%d articles. People, organisations and places by the articles naming them; spellings as written.", l.articles),
        rows = table_rows, columns = { "kind", "name", "articles", "mentions", "spellings" } }
      if #dates > 0 then
        local date_rows = {}
        for i = 1, math.min(30, #dates) do date_rows[i] = { date = dates[i], mentions = l.dates[dates[i]] } end
        sections[#sections + 1] = { kind = "table", title = title .. ": dates named", rows = date_rows, columns = { "date", "mentions" } }
      end
      if #amount_rows > 0 then
        sections[#sections + 1] = { kind = "table", title = title .. ": amounts", rows = amount_rows,
          columns = { "kind", "amount", "written", "mentions" } }
      end
    end

    for _, x in pairs(across) do
      if x.id:sub(1, 1) ~= "~" then bars[#bars + 1] = { label = x.name, value = x.articles } end
    end
    table.sort(bars, function(a, b) return a.value > b.value or (a.value == b.value and a.label < b.label) end)

    out.csv("overview.csv", csv_rows, { columns = { "lang", "kind", "id", "name", "articles", "mentions", "spellings" } })
    local page = {
      { kind = "table", title = "Named in more than one language", rows = cross_rows, limit = 100,
        notes = "Each row is one entity of the knowledge base, under its one name, with the spellings the articles use.",
        columns = { "name", "kind", "languages", "articles", "mentions", "spellings" } },
      { kind = "bar", title = "Most named, all languages (articles naming each)", data = bars, limit = 25 },
    }
    if #state.article_dates > 0 then
      page[#page + 1] = { kind = "timeline", title = "Articles over time", dates = state.article_dates }
    end
    for _, s in ipairs(sections) do page[#page + 1] = s end
    print("")
    print(out.html("overview.html", {
      title = "Overview",
      notes = string.format("%d articles in %d language%s: %s.", total, #langs, #langs == 1 and "" or "s", table.concat(shares, ", ")),
      sections = page,
    }))
  end,
}
