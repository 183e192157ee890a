-- The sco plugin's code: the meeting rules of lua/meetings.lua behind an extractor, a report and a
-- function scripts can call. The knowledge-base rows in kb/ need no code: the engine loads them.
local meetings = require "sco.meetings"
local planned = toolkit.args.planned ~= false

local function entity_list(article)
  local list = {}
  for m in article:entities { kind = { "person", "place", "date" }, section = "text" } do
    -- The extractor's own finds repeat the core's spans.
    if m.extractor ~= "sco-meeting" then list[#list + 1] = { kind = m.kind, id = m.id, name = m.name, text = m.text, first = m.first,
                        last = m.last, form = m.form, value = m.value } end
  end
  return list
end

-- Scripts see no plugin's globals; this table is shared on purpose, so that an analyst's script
-- gets meetings as records: for _, m in ipairs(sco.meetings(article)) do ... end
_G.sco = {
  -- The meetings of an article, over the core's entities (what the report counts).
  meetings = function(article)
    return meetings.find(article.text, article.lang, entity_list(article), { planned = planned })
  end,
  -- The meetings of any text, over names found in the knowledge base alone (what the extractor sees).
  find = function(text, lang, options)
    if not meetings.has_verb(text, lang) then return {} end
    return meetings.find(text, lang, meetings.kb_mentions(text), options)
  end,
}

-- An extractor can only emit entity kinds, so a meeting (two sides, a place, a date) is not one
-- find: the extractor marks the people and the place of each meeting statement, `value`
-- "participant" or "venue", so that article:entities{ extractor = "sco-meeting" } lists who met
-- and where. It reads names from the knowledge base itself, because asking the article for its
-- entities from inside an extractor recurses into the extractors. These finds repeat spans the
-- core also finds (with extractor "kb"): filter by extractor when counting.
toolkit.extractor {
  name = "sco-meeting",
  kinds = { "person", "place" },
  languages = meetings.languages,
  extract = function(article, emit)
    local text = article.text
    for _, s in ipairs(meetings.sentences(text)) do
      local sentence = text:sub(s.first, s.last)
      -- Names are looked up word run by word run: only in sentences that can be meetings.
      local found = not meetings.has_verb(sentence, article.lang) and {} or meetings.find(sentence, article.lang, meetings.kb_mentions(sentence), { planned = planned })
      for _, m in ipairs(found) do
        local marked = {}
        for _, mention in ipairs(meetings.kb_mentions(sentence)) do
          local role
          for _, p in ipairs(m.participants) do if p.id == mention.id then role = "participant" end end
          if m.place and m.place.first == mention.first then role = "venue" end
          if role and not marked[mention.first] then
            marked[mention.first] = true
            emit { kind = mention.kind, id = mention.id, first = s.first + mention.first - 1,
                   last = s.first + mention.last - 1, value = role, score = 0.8 }
          end
        end
      end
    end
  end,
}

local function joined(list, field, sep)
  local parts = {}
  for _, item in ipairs(list) do parts[#parts + 1] = item[field] end
  return table.concat(parts, sep or " | ")
end

-- The day of a meeting: a full date written in its sentence, else the article's date. A date in the
-- sentence without a year ("on 15 September") takes the article's year.
local function meeting_date(article, m)
  for _, d in ipairs(m.dates) do
    if d:match("^%d%d%d%d%-%d%d%-%d%d$") then return d, "text" end
    local month, day = d:match("^%-%-(%d%d)%-(%d%d)$")
    if month and article.date and article.date:match("^%d%d%d%d") then
      return article.date:sub(1, 4) .. "-" .. month .. "-" .. day, "text+article year"
    end
  end
  if article.date then return article.date, "article" end
  return nil, nil
end

local function clip(s, n)
  s = s:gsub("%s+", " ")
  if toolkit.text.len(s) <= n then return s end
  return toolkit.text.sub(s, 1, n) .. "…"
end

toolkit.report {
  name = "sco-meetings",
  description = "who met whom, where and when: sco-meetings.csv, sco-meeting-pairs.csv, sco-meetings.html",
  init = function() return { rows = {} } end,
  article = function(state, article)
    if not (article.lang == "ar" or article.lang == "fa" or article.lang == "sw" or article.lang == "en") then return end
    for _, m in ipairs(meetings.find(article.text, article.lang, entity_list(article), { planned = planned })) do
      local date, date_from = meeting_date(article, m)
      state.rows[#state.rows + 1] = {
        article = article.id, path = article.path, lang = article.lang,
        date = date, date_from = date_from, article_date = article.date,
        participants = joined(m.participants, "name"), participant_ids = joined(m.participants, "id"),
        place = m.place and m.place.name, place_id = m.place and m.place.id,
        country = m.country and m.country.name,
        status = m.planned and "planned" or "held", verb = m.verb,
        first = m.first, last = m.last, sentence = clip(m.sentence, 400),
      }
    end
  end,
  merge = function(a, b)
    for _, row in ipairs(b.rows) do a.rows[#a.rows + 1] = row end
    return a
  end,
  finish = function(state, out)
    local columns = { "date", "date_from", "lang", "status", "participants", "place", "country", "verb",
                      "participant_ids", "place_id", "article", "path", "article_date", "first", "last", "sentence" }
    out.csv("sco-meetings.csv", state.rows, { columns = columns, bom = true })

    -- Who met whom: one row per pair of sides, with how often, where and over which dates.
    local pairs_, names, order, nodes, met = {}, {}, {}, {}, {}
    for _, row in ipairs(state.rows) do
      local ids, labels = {}, {}
      for id in row.participant_ids:gmatch("[^|]+") do ids[#ids + 1] = id:match("^%s*(.-)%s*$") end
      for name in row.participants:gmatch("[^|]+") do labels[#labels + 1] = name:match("^%s*(.-)%s*$") end
      for i, id in ipairs(ids) do
        names[id] = labels[i]
        met[id] = (met[id] or 0) + 1
      end
      for i = 1, #ids do
        for j = i + 1, #ids do
          local a, b = ids[i], ids[j]
          if b < a then a, b = b, a end
          local key = a .. " " .. b
          local p = pairs_[key]
          if not p then
            p = { a = a, b = b, meetings = 0, held = 0, planned = 0, places = {}, langs = {} }
            pairs_[key] = p
            order[#order + 1] = key
          end
          p.meetings = p.meetings + 1
          p[row.status] = p[row.status] + 1
          if row.place then p.places[row.place] = true end
          p.langs[row.lang] = true
          if row.date and row.date:match("^%d%d%d%d") then
            if not p.first_date or row.date < p.first_date then p.first_date = row.date end
            if not p.last_date or row.date > p.last_date then p.last_date = row.date end
          end
        end
      end
    end
    local function keys(set)
      local list = {}
      for k in pairs(set) do list[#list + 1] = k end
      table.sort(list)
      return table.concat(list, " | ")
    end
    local pair_rows, edges = {}, {}
    for _, key in ipairs(order) do
      local p = pairs_[key]
      pair_rows[#pair_rows + 1] = { side_a = names[p.a], side_b = names[p.b], id_a = p.a, id_b = p.b,
                                    meetings = p.meetings, held = p.held, planned = p.planned,
                                    places = keys(p.places), languages = keys(p.langs),
                                    first_date = p.first_date, last_date = p.last_date }
      edges[#edges + 1] = { source = p.a, target = p.b, weight = p.meetings }
    end
    table.sort(pair_rows, function(x, y)
      if x.meetings ~= y.meetings then return x.meetings > y.meetings end
      return x.id_a .. x.id_b < y.id_a .. y.id_b
    end)
    out.csv("sco-meeting-pairs.csv", pair_rows, { bom = true, columns = { "side_a", "side_b", "meetings", "held",
      "planned", "places", "languages", "first_date", "last_date", "id_a", "id_b" } })

    local bars = {}
    for id, n in pairs(met) do
      bars[#bars + 1] = { label = names[id], value = n }
      nodes[#nodes + 1] = { id = id, label = names[id], kind = id:match("^counterpart:") and "counterpart" or "person" }
    end
    table.sort(bars, function(x, y) return x.value > y.value or (x.value == y.value and x.label < y.label) end)
    table.sort(nodes, function(x, y) return x.id < y.id end)
    local dates, undated = {}, 0
    for _, row in ipairs(state.rows) do
      if row.date and row.date:match("^%d%d%d%d%-%d%d") then dates[#dates + 1] = row.date else undated = undated + 1 end
    end
    local sections = {
      { kind = "table", title = "Who met whom", rows = pair_rows,
        columns = { "side_a", "side_b", "meetings", "held", "planned", "places", "first_date", "last_date", "languages" } },
      { kind = "bar", title = "Meetings per person", data = bars, limit = 30 },
      { kind = "table", title = "Meetings, one per sentence", rows = state.rows,
        columns = { "date", "lang", "status", "participants", "place", "country", "sentence", "path" } },
    }
    if #dates > 0 then
      table.insert(sections, 3, { kind = "timeline", title = "Meetings over time", dates = dates,
        notes = undated > 0 and (undated .. " meeting(s) without a date are not drawn.") or nil })
    end
    if #edges > 0 then
      table.insert(sections, 3, { kind = "network", title = "Who met whom",
        graph = { nodes = nodes, edges = edges }, color = "kind" })
    end
    out.html("sco-meetings.html", {
      title = "SCO: who met whom, where and when",
      notes = #state.rows .. " meeting statement(s) found by the sco plugin's rules (a meeting verb and at least two sides in one sentence). "
        .. "Dates are the date written in the sentence, else the article's. Rules, not reading: check the sentences before quoting.",
      sections = sections,
    })
  end,
}
